/** Messages between the studio and its render worker. */
import type { TemplateErrorInfo } from '@/lib/helm';
import type { ChartBytes } from '../studio/chart-files';

/** RenderOptions are the `helm template` inputs the studio varies. */
export interface RenderOptions {
  releaseName: string;
  namespace: string;
  /** valueFiles are YAML texts in `-f` order: the environment's values, then its secrets. */
  valueFiles: string[];
  /** valueFileNames name the value files in Helm's error messages. */
  valueFileNames: string[];
}

/** RenderedManifest is one document of the output, as the engine lists it. */
export interface RenderedManifest {
  path: string;
  kind: string;
  name: string;
  hook?: string;
  text: string;
}

/** RenderError is where the engine says a render failed (Helm's message, where it points, stackLimited). */
export type RenderError = TemplateErrorInfo;

/** RenderFinding is a Kubernetes check's warning about one rendered object. */
export interface RenderFinding {
  path: string;
  message: string;
  severity?: string;
  rule?: string;
  kind?: string;
  name?: string;
}

/** RenderOutput is the engine's result for one request. */
export interface RenderOutput {
  exitCode: number;
  stdout: string;
  stderr: string;
  manifests: RenderedManifest[];
  error?: RenderError;
  findings: RenderFinding[];
  ms: number;
}

/** ToWorker is every message the studio sends to the worker. */
export type ToWorker =
  /**
   * chart sends the chart's files; `channel` names the BroadcastChannel the results go back on and
   * `slot` is the shared memory of a ResultSlot the worker puts results in (see result-slot.ts).
   */
  | { type: 'chart'; files: ChartBytes[]; channel?: string; slot?: SharedArrayBuffer }
  /** warm asks for `count` throw-away renders while the worker is idle, so the engine's code is optimised
   * before the first keystroke; a render request stops them. */
  | { type: 'warm'; options: RenderOptions; count: number }
  | { type: 'render'; id: number; key: string; options: RenderOptions };

/** FromWorker is every message the worker sends back. */
export type FromWorker =
  | { type: 'ready' }
  | { type: 'unavailable'; message: string }
  | { type: 'result'; id: number; key: string; output: RenderOutput }
  /** slot says result `id` is in the ResultSlot (the page may have taken it already). */
  | { type: 'slot'; id: number; key: string };

/** ToChecks asks the checks worker to check the documents of render `id` of `key`. */
export interface ToChecks {
  id: number;
  key: string;
  docs: { path: string; text: string }[];
}

/** FromChecks is the checks worker's answer. */
export interface FromChecks {
  type: 'findings';
  id: number;
  key: string;
  findings: RenderFinding[];
}
