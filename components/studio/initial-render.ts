/** The first preview, rendered on the server at build time so the page shows it before the worker starts. */
import type { RenderOptions, RenderOutput } from '@/components/preview/protocol';
import { helmTemplate, loadChart } from '@/lib/helm';
import { chartBytes, type SerializedChartFile } from './chart-files';
import { renderOptions, seedState } from './seed';

/** InitialRender is a render result with the options that produced it. */
export interface InitialRender {
  options: RenderOptions;
  output: RenderOutput;
  /** env is the environment rendered. */
  env: string;
}

/** initialRender renders the seeded current environment with the same engine the worker runs. */
export function initialRender(files: readonly SerializedChartFile[]): InitialRender | null {
  const state = seedState(files);
  const env = state.doc.current;
  const options = renderOptions(state.doc, env, state.secrets[env]);
  const t0 = performance.now();
  const result = helmTemplate(loadChart(chartBytes(files)), options);
  if (result.exitCode !== 0) return null;
  return {
    options,
    env,
    output: {
      exitCode: result.exitCode,
      stdout: result.stdout,
      stderr: result.stderr,
      manifests: [],
      findings: [],
      ms: performance.now() - t0,
    },
  };
}
