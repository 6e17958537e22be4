'use client';
/** useRenderer runs the render worker and hands back the latest result per request key. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChartBytes } from '../studio/chart-files';
import type { FromWorker, RenderOptions, RenderOutput, ToWorker } from './protocol';

// The worker starts as soon as this module loads in the browser, so its engine loads while the page hydrates.
let earlyWorker: Worker | null =
  typeof window !== 'undefined' && typeof Worker !== 'undefined'
    ? new Worker(new URL('./render.worker.ts', import.meta.url))
    : null;

function takeEarlyWorker(): Worker | null {
  const w = earlyWorker;
  earlyWorker = null;
  return w;
}

/** sameOptions says whether two render requests ask for the same render. */
export function sameOptions(a: RenderOptions, b: RenderOptions): boolean {
  return (
    a.releaseName === b.releaseName &&
    a.namespace === b.namespace &&
    a.valueFiles.length === b.valueFiles.length &&
    a.valueFiles.every((t, i) => t === b.valueFiles[i]) &&
    a.valueFileNames.length === b.valueFileNames.length &&
    a.valueFileNames.every((t, i) => t === b.valueFileNames[i])
  );
}

function startResults(initial: RenderResult | null): Record<string, RenderResult> {
  const start: Record<string, RenderResult> = {};
  if (initial) start.current = initial;
  return start;
}

/** EngineStatus says whether the render engine can be used yet. */
export type EngineStatus =
  | { state: 'loading' }
  | { state: 'ready' }
  | { state: 'unavailable'; message: string };

/** RenderResult is the output of one request with the options that produced it. */
export interface RenderResult {
  options: RenderOptions;
  output: RenderOutput;
}

/**
 * useRenderer starts the worker, sends it the chart once, and returns `request(key, options)`:
 * each request goes to the worker at once (it renders only the latest per key), and `results[key]`
 * holds the newest answer.
 */
export function useRenderer(files: readonly ChartBytes[], initial: RenderResult | null = null) {
  const [status, setStatus] = useState<EngineStatus>({ state: 'loading' });
  // The server's render of the starting state stands until the worker answers.
  const [results, setResults] = useState(() => startResults(initial));
  const workerRef = useRef<Worker | null>(null);
  const queued = useRef(new Map<string, RenderOptions>());
  const sent = useRef(new Map<number, RenderOptions>());
  const latestId = useRef(new Map<string, number>());
  const lastSent = useRef(new Map<string, RenderOptions>());
  const nextId = useRef(1);

  useEffect(() => {
    let worker: Worker;
    try {
      worker = takeEarlyWorker() ?? new Worker(new URL('./render.worker.ts', import.meta.url));
    } catch (err) {
      setStatus({ state: 'unavailable', message: err instanceof Error ? err.message : String(err) });
      return;
    }
    workerRef.current = worker;
    lastSent.current.clear();
    worker.onmessage = (e: MessageEvent<FromWorker>) => {
      const msg = e.data;
      if (msg.type === 'ready') setStatus({ state: 'ready' });
      else if (msg.type === 'unavailable') setStatus({ state: 'unavailable', message: msg.message });
      else if (msg.type === 'findings') {
        if (latestId.current.get(msg.key) !== msg.id) return;
        setResults((prev) => {
          const r = prev[msg.key];
          return r ? { ...prev, [msg.key]: { ...r, output: { ...r.output, findings: msg.findings } } } : prev;
        });
      } else {
        const options = sent.current.get(msg.id);
        sent.current.delete(msg.id);
        // An answer to a request that a newer one replaced is dropped.
        if (!options || latestId.current.get(msg.key) !== msg.id) return;
        setResults((prev) => ({ ...prev, [msg.key]: { options, output: msg.output } }));
      }
    };
    worker.onerror = (e) => {
      setStatus({ state: 'unavailable', message: e.message || 'the render worker failed to start' });
    };
    const message: ToWorker = { type: 'chart', files: files.map((f) => ({ path: f.path, data: f.data })) };
    worker.postMessage(message);
    return () => {
      worker.terminate();
      workerRef.current = null;
    };
  }, [files]);

  const send = useCallback((worker: Worker, key: string, options: RenderOptions) => {
    // The same options as the request just sent for this key: its answer is on its way.
    const last = lastSent.current.get(key);
    if (last && sameOptions(last, options)) return;
    lastSent.current.set(key, options);
    const id = nextId.current++;
    sent.current.set(id, options);
    latestId.current.set(key, id);
    const message: ToWorker = { type: 'render', id, key, options };
    worker.postMessage(message);
  }, []);

  const request = useCallback(
    (key: string, options: RenderOptions) => {
      const worker = workerRef.current;
      // Sent at once, not on the next frame: a frame's wait was most of a keystroke's latency.
      // The worker coalesces a burst of requests for one key to the latest.
      if (worker) send(worker, key, options);
      else queued.current.set(key, options);
    },
    [send],
  );

  useEffect(() => {
    // Requests made before the worker existed go out as soon as it does.
    const worker = workerRef.current;
    if (status.state !== 'ready' || !worker || queued.current.size === 0) return;
    for (const [key, options] of queued.current) send(worker, key, options);
    queued.current.clear();
  }, [status, send]);

  return { status, results, request };
}
