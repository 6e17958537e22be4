/**
 * RenderClient talks to the render worker and holds the latest request and result per key, as a store
 * the preview subscribes to. A request goes to the worker at once when the worker is idle; while it is
 * busy only the latest request per key is kept, so there is at most one render in flight and never a
 * queue of stale renders.
 *
 * Results come back through a ResultSlot in shared memory when the page has one: the client looks in it
 * at the start of the next frame after a request, so a result finished during a keystroke's task is
 * drawn in the keystroke's own frame; the worker's notice (or the whole result, when the slot could not
 * take it) follows by message in any case.
 */
import type { ChartBytes } from '../studio/chart-files';
import type { FromChecks, FromWorker, RenderOptions, RenderOutput, ToChecks, ToWorker } from './protocol';
import type { ResultSlot } from './result-slot';

/** EngineStatus says whether the render engine can be used yet. */
export type EngineStatus =
  | { state: 'loading' }
  | { state: 'ready' }
  | { state: 'unavailable'; message: string };

/** RenderRequest is what was last asked for a key: its id, options and the environment they belong to. */
export interface RenderRequest {
  id: number;
  options: RenderOptions;
  env: string;
}

/** RenderResult is the output of one request with the options that produced it. */
export interface RenderResult extends RenderRequest {
  output: RenderOutput;
}

/** KeyState is what the store holds for one key; a new object whenever anything in it changes. */
export interface KeyState {
  requested: RenderRequest | null;
  result: RenderResult | null;
}

/** WorkerLike is the part of a Worker the client uses (tests pass a fake). */
export interface WorkerLike {
  postMessage(message: ToWorker): void;
  terminate(): void;
  onmessage: ((e: MessageEvent<FromWorker>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
}

/** ResultChannel is the BroadcastChannel the worker sends its results on (tests pass a fake). */
export interface ResultChannel {
  readonly name: string;
  onmessage: ((e: MessageEvent<FromWorker>) => void) | null;
  close(): void;
}

/** SlotLike is the part of a ResultSlot the client uses (tests pass a fake). */
export type SlotLike = Pick<ResultSlot, 'buffer' | 'take' | 'whenFull'>;

/** StartOptions are what the client uses besides the worker, each optional. */
export interface StartOptions {
  /** makeChecks creates the checks worker when the first checks are due. */
  makeChecks?: (() => ChecksWorkerLike) | null;
  /** channel is the BroadcastChannel the worker sends its results on. */
  channel?: ResultChannel | null;
  /** slot is the shared ResultSlot the worker puts results in. */
  slot?: SlotLike | null;
  /** requestFrame runs a callback at the start of the next frame (requestAnimationFrame by default). */
  requestFrame?: ((callback: () => void) => void) | null;
}

/** ChecksWorkerLike is the part of the checks worker the client uses. */
export interface ChecksWorkerLike {
  postMessage(message: ToChecks): void;
  terminate(): void;
  onmessage: ((e: MessageEvent<FromChecks>) => void) | null;
}

const emptyKey: KeyState = { requested: null, result: null };

/**
 * CHECK_DELAY_MS is the pause in the edits after which a render's Kubernetes checks run. The checks take
 * their own worker several milliseconds of CPU; run sooner, they met the next keystroke of someone typing
 * (a key every 100–300 ms) and slowed its render on a 2-core machine (keystroke p95 about 17 → 15 ms here).
 */
export const CHECK_DELAY_MS = 500;
/** SLOT_WATCH_MS is how long one wait for the slot lasts (the worker's message covers a longer render). */
export const SLOT_WATCH_MS = 1000;
/**
 * WARM_RENDERS is how many throw-away renders the worker does while idle after it starts (one per task),
 * so the engine's code is optimised before the first keystrokes; about 0.3 s of the worker's time.
 */
export const WARM_RENDERS = 200;

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

/** RenderClient is the studio's side of the render worker. */
export class RenderClient {
  private worker: WorkerLike | null = null;
  private readonly keys = new Map<string, KeyState>();
  /** inFlight is the request the worker is rendering, if any. */
  private inFlight: { key: string; request: RenderRequest } | null = null;
  /** waiting holds, per key, the latest request not sent yet (the worker was busy). */
  private readonly waiting = new Map<string, RenderRequest>();
  private readonly listeners = new Set<() => void>();
  private readonly resultListeners = new Set<(key: string, id: number) => void>();
  private nextId = 1;
  private channel: ResultChannel | null = null;
  private slot: SlotLike | null = null;
  private requestFrame: ((callback: () => void) => void) | null = null;
  private pollPending = false;
  private watching = false;
  private checksWorker: ChecksWorkerLike | null = null;
  private makeChecks: (() => ChecksWorkerLike) | null = null;
  private readonly checkTimers = new Map<string, ReturnType<typeof setTimeout>>();
  status: EngineStatus = { state: 'loading' };

  constructor(
    private readonly files: readonly ChartBytes[],
    initial: { options: RenderOptions; output: RenderOutput; env: string } | null = null,
  ) {
    if (initial) {
      const requested = { id: 0, options: initial.options, env: initial.env };
      this.keys.set('current', { requested, result: { ...requested, output: initial.output } });
    }
  }

  /**
   * start attaches a worker, sends it the chart, and sends the latest request of every key again; with
   * nothing to render, the worker warms the engine up on the current options.
   */
  start(worker: WorkerLike, options: StartOptions = {}): void {
    const { makeChecks = null, channel = null, slot = null } = options;
    this.worker = worker;
    this.inFlight = null;
    this.makeChecks = makeChecks;
    this.channel = channel;
    this.slot = slot;
    // A wait on an earlier slot may still be pending: the new slot gets its own.
    this.watching = false;
    this.requestFrame =
      options.requestFrame !== undefined
        ? options.requestFrame
        : typeof requestAnimationFrame === 'function'
          ? (callback) => requestAnimationFrame(callback)
          : null;
    worker.onmessage = (e) => this.receive(e.data);
    if (channel) channel.onmessage = (e) => this.receive(e.data);
    worker.onerror = (e) => {
      this.setStatus({ state: 'unavailable', message: e.message || 'the render worker failed to start' });
    };
    worker.postMessage({
      type: 'chart',
      files: this.files.map((f) => ({ path: f.path, data: f.data })),
      channel: channel?.name,
      slot: slot?.buffer,
    });
    for (const [key, s] of this.keys) {
      if (s.requested && s.requested.id !== s.result?.id) this.waiting.set(key, s.requested);
    }
    const current = this.keys.get('current')?.requested;
    if (this.waiting.size === 0 && current) {
      worker.postMessage({ type: 'warm', options: current.options, count: WARM_RENDERS });
    }
    this.pump();
  }

  /** stop ends the workers; requests made meanwhile wait for the next start. */
  stop(): void {
    this.worker?.terminate();
    this.worker = null;
    this.channel?.close();
    this.channel = null;
    this.slot = null;
    this.inFlight = null;
    this.checksWorker?.terminate();
    this.checksWorker = null;
    for (const t of this.checkTimers.values()) clearTimeout(t);
    this.checkTimers.clear();
  }

  /** fail marks the engine unavailable (the worker could not be created). */
  fail(message: string): void {
    this.setStatus({ state: 'unavailable', message });
  }

  /**
   * request asks for a render of `options` under `key`; it returns the request's id, or null when the
   * same options were the latest request for that key already.
   */
  request(key: string, options: RenderOptions, env: string): number | null {
    const s = this.keys.get(key) ?? emptyKey;
    if (s.requested && s.requested.env === env && sameOptions(s.requested.options, options)) return null;
    const requested = { id: this.nextId++, options, env };
    this.keys.set(key, { ...s, requested });
    this.cancelChecks(key);
    this.waiting.set(key, requested);
    this.pump();
    this.pollAtNextFrame();
    this.notify();
    return requested.id;
  }

  /** poll takes a result from the slot, if one is there, and says whether it did. */
  poll(): boolean {
    const taken = this.slot?.take();
    if (taken) this.receive(JSON.parse(taken.json) as FromWorker);
    return taken != null;
  }

  // The result of a request sent now may be ready when the next frame starts: look for it then.
  private pollAtNextFrame(): void {
    if (!this.slot || !this.requestFrame || this.pollPending) return;
    this.pollPending = true;
    this.requestFrame(() => {
      this.pollPending = false;
      this.poll();
    });
  }

  // While a render is in flight, the page wakes up as soon as its result is in the slot.
  private watchSlot(): void {
    if (!this.slot || this.watching || !this.inFlight) return;
    const full = this.slot.whenFull(SLOT_WATCH_MS);
    if (!full) return;
    this.watching = true;
    void full.then(() => {
      this.watching = false;
      this.poll();
      this.watchSlot();
    });
  }

  /** get returns the state of a key (the same object until it changes). */
  get(key: string): KeyState {
    return this.keys.get(key) ?? emptyKey;
  }

  /** subscribe calls `listener` after every change; it returns the unsubscribe function. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** onResult calls `listener(key, id)` after a render's result is in the store. */
  onResult(listener: (key: string, id: number) => void): () => void {
    this.resultListeners.add(listener);
    return () => this.resultListeners.delete(listener);
  }

  /** busy says whether a render is in flight or waiting. */
  get busy(): boolean {
    return this.inFlight !== null || this.waiting.size > 0;
  }

  // pump sends the next waiting request when the worker is idle; the current environment goes first.
  private pump(): void {
    if (!this.worker || this.inFlight || this.waiting.size === 0) return;
    const key = this.waiting.has('current') ? 'current' : (this.waiting.keys().next().value as string);
    const req = this.waiting.get(key) as RenderRequest;
    this.waiting.delete(key);
    this.inFlight = { key, request: req };
    this.worker.postMessage({ type: 'render', id: req.id, key, options: req.options });
    this.watchSlot();
  }

  private receive(msg: FromWorker): void {
    if (msg.type === 'slot') {
      if (!this.poll() && this.inFlight?.request.id === msg.id) this.resend();
      return;
    }
    if (msg.type === 'ready') this.setStatus({ state: 'ready' });
    else if (msg.type === 'unavailable') {
      this.inFlight = null;
      this.setStatus({ state: 'unavailable', message: msg.message });
    } else {
      const sent = this.inFlight?.request.id === msg.id ? this.inFlight.request : null;
      if (sent) this.inFlight = null;
      const s = this.keys.get(msg.key);
      // An answer to a request that a newer one replaced is still shown (marked pending) while the newer
      // one renders, so the preview follows fast typing; an answer older than the one shown is dropped.
      if (s && sent && (!s.result || s.result.id < msg.id)) {
        this.keys.set(msg.key, { ...s, result: { ...sent, output: msg.output } });
        this.notify();
        for (const l of this.resultListeners) l(msg.key, msg.id);
        if (msg.output.exitCode === 0 && s.requested?.id === msg.id) this.scheduleChecks(msg.key, msg.id);
      }
      this.pump();
    }
  }

  // The slot said it held the in-flight result but it could not be read: render it again (or the newer
  // request of its key, if one is waiting).
  private resend(): void {
    const flight = this.inFlight;
    if (!flight) return;
    this.inFlight = null;
    if (!this.waiting.has(flight.key)) this.waiting.set(flight.key, flight.request);
    this.pump();
  }

  // The checks of a render run once the edits pause, in their own worker.
  private scheduleChecks(key: string, id: number): void {
    if (!this.makeChecks) return;
    this.cancelChecks(key);
    this.checkTimers.set(
      key,
      setTimeout(() => {
        this.checkTimers.delete(key);
        const s = this.keys.get(key);
        if (!s?.result || s.result.id !== id || s.requested?.id !== id) return;
        if (!this.checksWorker && this.makeChecks) {
          try {
            this.checksWorker = this.makeChecks();
          } catch {
            this.makeChecks = null;
            return;
          }
          this.checksWorker.onmessage = (e) => this.receiveFindings(e.data);
        }
        const docs = s.result.output.manifests.map((m) => ({ path: m.path, text: m.text }));
        this.checksWorker?.postMessage({ id, key, docs });
      }, CHECK_DELAY_MS),
    );
  }

  private cancelChecks(key: string): void {
    const t = this.checkTimers.get(key);
    if (t !== undefined) clearTimeout(t);
    this.checkTimers.delete(key);
  }

  private receiveFindings(msg: FromChecks): void {
    const s = this.keys.get(msg.key);
    if (!s?.result || s.result.id !== msg.id) return;
    const output = { ...s.result.output, findings: msg.findings };
    this.keys.set(msg.key, { ...s, result: { ...s.result, output } });
    this.notify();
  }

  private setStatus(status: EngineStatus): void {
    this.status = status;
    this.notify();
  }

  private notify(): void {
    for (const l of this.listeners) l();
  }
}
