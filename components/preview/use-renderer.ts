'use client';
/** useRenderClient runs the render worker for the studio's life; useRenderKey reads one key's state. */
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { ChartBytes } from '../studio/chart-files';
import type { RenderOptions, RenderOutput } from './protocol';
import {
  type ChecksWorkerLike,
  type EngineStatus,
  type KeyState,
  RenderClient,
  type ResultChannel,
  type WorkerLike,
} from './render-client';
import { ResultSlot } from './result-slot';

export type { EngineStatus, KeyState, RenderResult } from './render-client';
export { sameOptions } from './render-client';

// The worker starts as soon as this module loads in the browser, so its engine loads while the page hydrates.
let earlyWorker: Worker | null =
  typeof window !== 'undefined' && typeof Worker !== 'undefined'
    ? new Worker(new URL('./render.worker.ts', import.meta.url))
    : null;

// randomName works in any context (crypto.randomUUID needs a secure one).
function randomName(): string {
  return Array.from(crypto.getRandomValues(new Uint32Array(4)), (n) => n.toString(16)).join('');
}

function takeWorker(): Worker {
  const w = earlyWorker;
  earlyWorker = null;
  return w ?? new Worker(new URL('./render.worker.ts', import.meta.url));
}

/**
 * useRenderClient returns the studio's RenderClient: created once, with the server's render of the
 * starting state as its first result; the worker is attached after hydration and ended on unmount.
 */
export function useRenderClient(
  files: readonly ChartBytes[],
  initial: { options: RenderOptions; output: RenderOutput; env: string } | null,
): RenderClient {
  const [client] = useState(() => new RenderClient(files, initial));
  useEffect(() => {
    try {
      // Results come back on a channel of this page's own (a random name: no other tab listens).
      const channel =
        typeof BroadcastChannel !== 'undefined'
          ? (new BroadcastChannel(`render-results-${randomName()}`) as unknown as ResultChannel)
          : null;
      client.start(takeWorker() as unknown as WorkerLike, {
        makeChecks: () =>
          new Worker(new URL('./checks.worker.ts', import.meta.url)) as unknown as ChecksWorkerLike,
        channel,
        slot: ResultSlot.create(),
      });
    } catch (err) {
      client.fail(err instanceof Error ? err.message : String(err));
      return;
    }
    return () => client.stop();
  }, [client]);
  return client;
}

/**
 * useRenderKey subscribes to one key of the client. A result arriving from the worker re-renders the
 * subscriber synchronously, in the message's own task, without re-rendering the studio.
 */
export function useRenderKey(client: RenderClient, key: string): KeyState {
  return useSyncExternalStore(
    client.subscribe,
    () => client.get(key),
    () => client.get(key),
  );
}

/** useEngineStatus subscribes to the engine's status. */
export function useEngineStatus(client: RenderClient): EngineStatus {
  return useSyncExternalStore(
    client.subscribe,
    () => client.status,
    () => client.status,
  );
}
