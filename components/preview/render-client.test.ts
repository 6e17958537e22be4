import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FromChecks, FromWorker, RenderOptions, RenderOutput, ToChecks, ToWorker } from './protocol';
import {
  CHECK_DELAY_MS,
  type ChecksWorkerLike,
  RenderClient,
  WARM_RENDERS,
  type WorkerLike,
} from './render-client';

class FakeWorker implements WorkerLike {
  sent: ToWorker[] = [];
  terminated = false;
  onmessage: ((e: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  postMessage(message: ToWorker): void {
    this.sent.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  renders() {
    return this.sent.filter((m) => m.type === 'render');
  }
  /** answer replies to the render request with the given id. */
  answer(id: number, output: RenderOutput = ok(`id ${id}`)): void {
    const req = this.renders().find((m) => m.id === id);
    if (!req) throw new Error(`no render ${id} was sent`);
    this.onmessage?.(event<FromWorker>({ type: 'result', id, key: req.key, output }));
  }
}

function event<T>(data: T): MessageEvent<T> {
  return { data } as unknown as MessageEvent<T>;
}

class FakeChecks implements ChecksWorkerLike {
  sent: ToChecks[] = [];
  onmessage: ((e: MessageEvent<FromChecks>) => void) | null = null;
  postMessage(message: ToChecks): void {
    this.sent.push(message);
  }
  terminate(): void {}
}

function ok(stdout: string): RenderOutput {
  return {
    exitCode: 0,
    stdout,
    stderr: '',
    manifests: [{ path: 'c/templates/a.yaml', kind: 'ConfigMap', name: 'a', text: stdout }],
    findings: [],
    ms: 1,
  };
}

function opts(overlay: string): RenderOptions {
  return {
    releaseName: 'r',
    namespace: 'n',
    valueFiles: [overlay, ''],
    valueFileNames: ['values.dev.yaml', 'secrets.dev.yaml'],
  };
}

describe('RenderClient', () => {
  let worker: FakeWorker;
  let client: RenderClient;
  beforeEach(() => {
    worker = new FakeWorker();
    client = new RenderClient([]);
    client.start(worker);
  });

  it('sends a request at once when the worker is idle, after the chart', () => {
    const id = client.request('current', opts('a: 1'), 'dev');
    expect(worker.sent.map((m) => m.type)).toEqual(['chart', 'render']);
    expect(worker.renders()[0]).toMatchObject({ id, key: 'current', options: opts('a: 1') });
    expect(client.get('current').requested?.id).toBe(id);
    expect(client.get('current').result).toBeNull();
  });

  it('keeps one render in flight and only the latest request while the worker is busy', () => {
    const first = client.request('current', opts('a: 1'), 'dev') as number;
    client.request('current', opts('a: 2'), 'dev');
    const third = client.request('current', opts('a: 3'), 'dev') as number;
    expect(worker.renders().map((m) => m.id)).toEqual([first]);
    worker.answer(first);
    // The answer to a replaced request is shown (still pending) and the latest goes out.
    expect(client.get('current').result?.id).toBe(first);
    expect(worker.renders().map((m) => m.id)).toEqual([first, third]);
    worker.answer(third);
    expect(client.get('current').result?.options).toEqual(opts('a: 3'));
    expect(client.get('current').requested?.id).toBe(third);
  });

  it('does not send the same options twice for a key', () => {
    expect(client.request('current', opts('a: 1'), 'dev')).not.toBeNull();
    expect(client.request('current', opts('a: 1'), 'dev')).toBeNull();
    // The same options for another environment are another render.
    expect(client.request('current', opts('a: 1'), 'prod')).not.toBeNull();
  });

  it('renders the current environment before other keys', () => {
    const first = client.request('compare:left', opts('l'), 'dev') as number;
    client.request('compare:right', opts('r'), 'prod');
    const current = client.request('current', opts('c'), 'dev') as number;
    worker.answer(first);
    expect(worker.renders().map((m) => m.id)).toEqual([first, current]);
  });

  it('notifies subscribers on requests and results, and result listeners with the id', () => {
    const changes = vi.fn();
    const results = vi.fn();
    client.subscribe(changes);
    client.onResult(results);
    const id = client.request('current', opts('a: 1'), 'dev') as number;
    expect(changes).toHaveBeenCalledTimes(1);
    worker.answer(id);
    expect(changes).toHaveBeenCalledTimes(2);
    expect(results).toHaveBeenCalledWith('current', id);
  });

  it('starts with the server render as the current result and asks the worker to warm up', () => {
    const w = new FakeWorker();
    const initial = { options: opts('seed'), output: ok('seed'), env: 'dev' };
    const c = new RenderClient([], initial);
    c.start(w);
    expect(c.get('current').result?.output.stdout).toBe('seed');
    expect(c.request('current', opts('seed'), 'dev')).toBeNull();
    expect(w.sent.map((m) => m.type)).toEqual(['chart', 'warm']);
    expect(w.sent[1]).toMatchObject({ options: opts('seed'), count: WARM_RENDERS });
  });

  it('sends the latest unanswered requests to a new worker after a restart', () => {
    const id = client.request('current', opts('a: 1'), 'dev');
    client.stop();
    expect(worker.terminated).toBe(true);
    const again = new FakeWorker();
    client.start(again);
    expect(again.renders().map((m) => m.id)).toEqual([id]);
  });

  it('marks the engine unavailable when the worker says so', () => {
    worker.onmessage?.(event<FromWorker>({ type: 'unavailable', message: 'bad chart' }));
    expect(client.status).toEqual({ state: 'unavailable', message: 'bad chart' });
  });
});

describe('RenderClient checks', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('checks the latest render once the edits pause, and merges the findings into it', () => {
    const worker = new FakeWorker();
    const checks = new FakeChecks();
    const client = new RenderClient([]);
    client.start(worker, { makeChecks: () => checks });
    const a = client.request('current', opts('a: 1'), 'dev') as number;
    worker.answer(a);
    vi.advanceTimersByTime(CHECK_DELAY_MS - 1);
    // An edit before the pause ends cancels the checks of the older render.
    const b = client.request('current', opts('a: 2'), 'dev') as number;
    vi.advanceTimersByTime(CHECK_DELAY_MS);
    expect(checks.sent).toEqual([]);
    worker.answer(b);
    vi.advanceTimersByTime(CHECK_DELAY_MS);
    expect(checks.sent.map((m) => m.id)).toEqual([b]);
    expect(checks.sent[0]?.docs).toEqual([{ path: 'c/templates/a.yaml', text: 'id 2' }]);
    const finding = { path: 'c/templates/a.yaml', message: 'm', rule: 'r' };
    checks.onmessage?.(event<FromChecks>({ type: 'findings', id: b, key: 'current', findings: [finding] }));
    expect(client.get('current').result?.output.findings).toEqual([finding]);
    // Findings of an older render are dropped.
    checks.onmessage?.(event<FromChecks>({ type: 'findings', id: a, key: 'current', findings: [] }));
    expect(client.get('current').result?.output.findings).toEqual([finding]);
  });

  it('does not check a failed render', () => {
    const worker = new FakeWorker();
    const checks = new FakeChecks();
    const client = new RenderClient([]);
    client.start(worker, { makeChecks: () => checks });
    const id = client.request('current', opts('a: ['), 'dev') as number;
    worker.answer(id, { ...ok(''), exitCode: 1, manifests: [] });
    vi.advanceTimersByTime(CHECK_DELAY_MS * 2);
    expect(checks.sent).toEqual([]);
  });
});

describe('RenderClient result channel', () => {
  it('names the channel to the worker and takes results from it', () => {
    const worker = new FakeWorker();
    const channel = {
      name: 'render-results-test',
      onmessage: null as ((e: MessageEvent<FromWorker>) => void) | null,
      closed: false,
      close() {
        this.closed = true;
      },
    };
    const client = new RenderClient([]);
    client.start(worker, { channel });
    expect(worker.sent[0]).toMatchObject({ type: 'chart', channel: 'render-results-test' });
    const id = client.request('current', opts('a: 1'), 'dev') as number;
    channel.onmessage?.(event<FromWorker>({ type: 'result', id, key: 'current', output: ok('via channel') }));
    expect(client.get('current').result?.output.stdout).toBe('via channel');
    // The same answer by postMessage as well changes nothing.
    worker.answer(id, ok('again'));
    expect(client.get('current').result?.output.stdout).toBe('via channel');
    client.stop();
    expect(channel.closed).toBe(true);
  });
});

/** FakeSlot is a ResultSlot the test fills by hand; `broken` makes take() lose what it holds. */
class FakeSlot {
  readonly buffer = new SharedArrayBuffer(16);
  held: { id: number; json: string } | null = null;
  broken = false;
  waits = 0;
  private wake: (() => void) | null = null;
  put(id: number, key: string, output: RenderOutput): void {
    this.held = { id, json: JSON.stringify({ type: 'result', id, key, output }) };
    this.wake?.();
    this.wake = null;
  }
  take() {
    const held = this.held;
    this.held = null;
    return this.broken ? null : held;
  }
  whenFull(): Promise<void> {
    this.waits++;
    return this.held ? Promise.resolve() : new Promise((resolve) => (this.wake = resolve));
  }
}

describe('RenderClient result slot', () => {
  let worker: FakeWorker;
  let slot: FakeSlot;
  let frames: (() => void)[];
  let client: RenderClient;
  beforeEach(() => {
    worker = new FakeWorker();
    slot = new FakeSlot();
    frames = [];
    client = new RenderClient([]);
    client.start(worker, { slot: slot as never, requestFrame: (cb) => frames.push(cb) });
  });

  it('gives the worker the shared buffer', () => {
    expect(worker.sent[0]).toMatchObject({ type: 'chart', slot: slot.buffer });
  });

  it('takes a result from the slot at the start of the next frame', () => {
    const id = client.request('current', opts('a: 1'), 'dev') as number;
    expect(frames).toHaveLength(1);
    slot.put(id, 'current', ok('from the slot'));
    frames.shift()?.();
    expect(client.get('current').result?.output.stdout).toBe('from the slot');
    // The worker's notice that follows finds the slot empty and the result in: nothing is sent again.
    worker.onmessage?.(event<FromWorker>({ type: 'slot', id, key: 'current' }));
    expect(worker.renders()).toHaveLength(1);
    expect(client.busy).toBe(false);
  });

  it('wakes up when the slot fills while a render is in flight', async () => {
    const id = client.request('current', opts('a: 1'), 'dev') as number;
    expect(slot.waits).toBe(1);
    slot.put(id, 'current', ok('woken'));
    await Promise.resolve();
    await Promise.resolve();
    expect(client.get('current').result?.output.stdout).toBe('woken');
  });

  it('takes the result on the notice when no frame came first', () => {
    const id = client.request('current', opts('a: 1'), 'dev') as number;
    slot.put(id, 'current', ok('on notice'));
    worker.onmessage?.(event<FromWorker>({ type: 'slot', id, key: 'current' }));
    expect(client.get('current').result?.output.stdout).toBe('on notice');
  });

  it('asks again for a result the slot lost, or for the newer request of its key', () => {
    const first = client.request('current', opts('a: 1'), 'dev') as number;
    slot.broken = true;
    slot.put(first, 'current', ok('lost'));
    worker.onmessage?.(event<FromWorker>({ type: 'slot', id: first, key: 'current' }));
    expect(worker.renders().map((r) => r.id)).toEqual([first, first]);
    const second = client.request('current', opts('a: 2'), 'dev') as number;
    slot.put(first, 'current', ok('lost again'));
    worker.onmessage?.(event<FromWorker>({ type: 'slot', id: first, key: 'current' }));
    expect(worker.renders().map((r) => r.id)).toEqual([first, first, second]);
  });

  it('still takes whole results by message (a result the slot could not hold)', () => {
    const id = client.request('current', opts('a: 1'), 'dev') as number;
    worker.answer(id, ok('by message'));
    expect(client.get('current').result?.output.stdout).toBe('by message');
  });
});
