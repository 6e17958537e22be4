/**
 * The render worker: receives the chart files once, then render requests; renders each at once, off the
 * main thread. The studio sends one request at a time (the latest per key), so nothing queues here.
 */
import { helmTemplate, loadChart } from '@/lib/helm';
import type { FromWorker, RenderOptions, RenderOutput, ToWorker } from './protocol';
import { ResultSlot } from './result-slot';

type Chart = ReturnType<typeof loadChart>;

const scope = globalThis as unknown as {
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
  postMessage(message: FromWorker): void;
};

let chart: Chart | null = null;
/** warm is the throw-away renders left to do while idle, and their options. */
let warm: { options: RenderOptions; left: number } | null = null;

/**
 * results is the channel render results go back on. A BroadcastChannel message is not deferred after a
 * keystroke the way a worker's postMessage is (Chromium holds posted messages until the frame after the
 * input is drawn), so the preview can be in the first frame after the key instead of the second.
 */
let results: BroadcastChannel | null = null;
/** slot is where a result goes first, so the page can take it at the start of its next frame. */
let slot: ResultSlot | null = null;

function post(message: FromWorker): void {
  if (results && message.type !== 'ready' && message.type !== 'unavailable') results.postMessage(message);
  else scope.postMessage(message);
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

/** failedOutput is a render that did not happen, with the reason where Helm's error would be. */
function failedOutput(message: string): RenderOutput {
  return {
    exitCode: 1,
    stdout: '',
    stderr: `Error: ${message}`,
    manifests: [],
    error: { message },
    findings: [],
    ms: 0,
  };
}

function renderAndPost(key: string, id: number, options: RenderOptions): void {
  let output: RenderOutput;
  try {
    output = render(options);
  } catch (err) {
    // The engine promises never to throw for bad input; if it does, the studio still shows why.
    output = failedOutput(
      `internal error in the render engine: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  const message: FromWorker = { type: 'result', id, key, output };
  // Through the slot the message is a short notice; when the slot cannot take the result, the whole result.
  if (slot?.write(id, JSON.stringify(message))) post({ type: 'slot', id, key });
  else post(message);
}

// One throw-away render per task, so a render request waiting in the queue comes first.
function warmStep(): void {
  if (!warm || !chart || warm.left <= 0) {
    warm = null;
    return;
  }
  warm.left--;
  try {
    render(warm.options);
  } catch {
    warm = null;
    return;
  }
  setTimeout(warmStep, 0);
}

scope.onmessage = (e) => {
  const msg = e.data;
  if (msg.type === 'chart') {
    results?.close();
    results =
      msg.channel && typeof BroadcastChannel !== 'undefined' ? new BroadcastChannel(msg.channel) : null;
    slot = msg.slot ? new ResultSlot(msg.slot) : null;
    try {
      chart = loadChart(msg.files);
      post({ type: 'ready' });
    } catch (err) {
      post({ type: 'unavailable', message: err instanceof Error ? err.message : String(err) });
    }
    return;
  }
  if (msg.type === 'warm') {
    warm = { options: msg.options, left: msg.count };
    setTimeout(warmStep, 0);
    return;
  }
  // A real request ends the warm-up: the code it was warming is in use now.
  warm = null;
  if (!chart) {
    post({ type: 'result', id: msg.id, key: msg.key, output: failedOutput('the chart did not load') });
    return;
  }
  renderAndPost(msg.key, msg.id, msg.options);
};
