/**
 * The render worker: receives the chart files once, then render requests; renders with the engine off
 * the main thread. Requests queued for the same key collapse to the latest one.
 */
import { helmTemplate, loadChart } from '@/lib/helm';
import { checkManifests } from '@/lib/k8s';
import type { FromWorker, RenderOptions, RenderOutput, ToWorker } from './protocol';

type Chart = ReturnType<typeof loadChart>;

const scope = globalThis as unknown as {
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
  postMessage(message: FromWorker): void;
};

let chart: Chart | null = null;
const pending = new Map<string, { id: number; options: RenderOptions }>();
let scheduled = false;
/** checks holds, per key, the timer of the Kubernetes checks waiting for a pause in the edits. */
const checks = new Map<string, ReturnType<typeof setTimeout>>();
// The checks (~12 ms) run once the edits pause, so they never hold up the render of the next keystroke.
const CHECK_DELAY_MS = 120;

function post(message: FromWorker): void {
  scope.postMessage(message);
}

function render(options: RenderOptions): RenderOutput {
  const t0 = performance.now();
  const result = helmTemplate(chart as Chart, {
    releaseName: options.releaseName,
    namespace: options.namespace,
    valueFiles: options.valueFiles,
    valueFileNames: options.valueFileNames,
  });
  return {
    exitCode: result.exitCode,
    stdout: result.stdout,
    stderr: result.stderr,
    manifests: result.manifests.map((m) => ({
      path: m.path,
      kind: m.kind,
      name: m.name,
      hook: m.hook,
      text: m.text,
    })),
    error: result.error,
    findings: [],
    ms: performance.now() - t0,
  };
}

function flush(): void {
  scheduled = false;
  const batch = [...pending.entries()];
  pending.clear();
  for (const [key, { id, options }] of batch) {
    let output: RenderOutput;
    try {
      output = render(options);
    } catch (err) {
      // The engine promises never to throw for bad input; if it does, the studio still shows why.
      const message = `internal error in the render engine: ${err instanceof Error ? err.message : String(err)}`;
      output = {
        exitCode: 1,
        stdout: '',
        stderr: `Error: ${message}`,
        manifests: [],
        error: { message },
        findings: [],
        ms: 0,
      };
    }
    post({ type: 'result', id, key, output });
    if (output.exitCode === 0) {
      const docs = output.manifests.map((m) => ({ path: m.path, text: m.text }));
      // Checks run after the preview is out, and only when no newer render for this key came meanwhile.
      checks.set(
        key,
        setTimeout(() => {
          checks.delete(key);
          if (pending.has(key)) return;
          post({ type: 'findings', id, key, findings: checkManifests(docs) });
        }, CHECK_DELAY_MS),
      );
    }
  }
}

scope.onmessage = (e) => {
  const msg = e.data;
  if (msg.type === 'chart') {
    try {
      chart = loadChart(msg.files);
      post({ type: 'ready' });
    } catch (err) {
      post({ type: 'unavailable', message: err instanceof Error ? err.message : String(err) });
    }
    return;
  }
  pending.set(msg.key, { id: msg.id, options: msg.options });
  const waiting = checks.get(msg.key);
  if (waiting !== undefined) {
    clearTimeout(waiting);
    checks.delete(msg.key);
  }
  if (!scheduled && chart) {
    scheduled = true;
    setTimeout(flush, 0);
  }
};
