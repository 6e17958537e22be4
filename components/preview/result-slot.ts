/**
 * ResultSlot hands a render result from the worker to the page through shared memory.
 *
 * Why: a keystroke makes Chromium draw a frame for the typed character, and the page's main thread runs
 * that frame before any message task, so a result that the worker finished during the keystroke's own
 * task still reaches the page only after the frame (5–10 ms on a slow machine) and shows a frame late.
 * Through the slot the page can take the result at the start of that frame, in requestAnimationFrame,
 * and the preview is drawn in the same frame as the character. The message still follows, as the
 * fallback: the slot is only ever a shortcut.
 *
 * One writer (the worker) and one reader (the page). The header holds three int32s: the state, the id of
 * the result and its length in bytes; the result follows as UTF-8 JSON. The state moves
 * EMPTY → WRITING → FULL (worker) and FULL → READING → EMPTY (page), always by compare-and-swap, so neither
 * side reads half a result: the worker never writes while the page reads, and replaces a FULL result the
 * page has not taken (a newer one supersedes it).
 */

const EMPTY = 0;
const WRITING = 1;
const FULL = 2;
const READING = 3;

const STATE = 0;
const ID = 1;
const LENGTH = 2;
/** HEADER_BYTES is the size of the header before the result's bytes. */
const HEADER_BYTES = 16;

/** SLOT_BYTES is the slot's starting size; SLOT_MAX_BYTES is the most it grows to (larger results go by message). */
export const SLOT_BYTES = 1 << 20;
export const SLOT_MAX_BYTES = 64 << 20;

/** GrowableShared is a SharedArrayBuffer that may be growable (ES2024; the project's lib is older). */
type GrowableShared = SharedArrayBuffer & { readonly growable?: boolean; grow?(bytes: number): void };

/** WaitAsync is Atomics.waitAsync (ES2024; the project's lib is older). */
type WaitAsync = (
  array: Int32Array,
  index: number,
  value: number,
  timeoutMs?: number,
) => { async: false; value: string } | { async: true; value: Promise<string> };

/** Taken is a result the page took from the slot: the id the worker gave it and its JSON text. */
export interface Taken {
  id: number;
  json: string;
}

/** ResultSlot is one side's view of the shared slot (both sides make one over the same buffer). */
export class ResultSlot {
  private readonly header: Int32Array;
  private readonly encoder = new TextEncoder();
  private readonly decoder = new TextDecoder();

  constructor(readonly buffer: SharedArrayBuffer) {
    this.header = new Int32Array(buffer, 0, 4);
  }

  /**
   * create makes a slot, or returns null where shared memory is not available (a page that is not
   * cross-origin isolated, or a browser without SharedArrayBuffer): the studio then uses messages alone.
   */
  static create(bytes = SLOT_BYTES, maxBytes = SLOT_MAX_BYTES): ResultSlot | null {
    const isolated = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated;
    if (typeof SharedArrayBuffer !== 'function' || isolated === false) return null;
    try {
      const Shared = SharedArrayBuffer as unknown as new (
        length: number,
        options?: { maxByteLength: number },
      ) => SharedArrayBuffer;
      return new ResultSlot(new Shared(bytes, { maxByteLength: Math.max(bytes, maxBytes) }));
    } catch {
      return null;
    }
  }

  /**
   * write puts result `id` (its JSON text) in the slot, replacing one the page has not taken; it returns
   * false, leaving the slot as it was, when the page is reading it or the text does not fit even after
   * growing the buffer (the caller then sends the result by message).
   */
  write(id: number, json: string): boolean {
    const h = this.header;
    if (Atomics.compareExchange(h, STATE, EMPTY, WRITING) !== EMPTY) {
      if (Atomics.compareExchange(h, STATE, FULL, WRITING) !== FULL) return false;
    }
    let length = 0;
    try {
      // Encoded outside shared memory and copied in: Chromium's encodeInto refuses a shared view.
      const bytes = this.encoder.encode(json);
      const need = HEADER_BYTES + bytes.length;
      const buffer = this.buffer as GrowableShared;
      if (need > buffer.byteLength && buffer.growable && buffer.grow) {
        const max = (buffer as { maxByteLength?: number }).maxByteLength ?? buffer.byteLength;
        if (need <= max) buffer.grow(Math.min(max, Math.max(need, buffer.byteLength * 2)));
      }
      if (need > this.buffer.byteLength) {
        Atomics.store(h, STATE, EMPTY);
        return false;
      }
      new Uint8Array(this.buffer, HEADER_BYTES, bytes.length).set(bytes);
      length = bytes.length;
    } catch {
      Atomics.store(h, STATE, EMPTY);
      return false;
    }
    Atomics.store(h, ID, id);
    Atomics.store(h, LENGTH, length);
    Atomics.store(h, STATE, FULL);
    Atomics.notify(h, STATE);
    return true;
  }

  /**
   * whenFull resolves once the slot holds a result (at once if it does now), or after `timeoutMs`; null
   * where Atomics.waitAsync is missing. Unlike a message, the wake-up comes straight from the worker's
   * thread, without a hop through the browser process.
   */
  whenFull(timeoutMs: number): Promise<void> | null {
    const waitAsync = (Atomics as unknown as { waitAsync?: WaitAsync }).waitAsync;
    if (typeof waitAsync !== 'function') return null;
    const h = this.header;
    for (;;) {
      const state = Atomics.load(h, STATE);
      if (state === FULL) return Promise.resolve();
      const waited = waitAsync(h, STATE, state, timeoutMs);
      // The state changed between the load and the wait: look again.
      if (!waited.async) continue;
      return waited.value.then(() => undefined);
    }
  }

  /** take returns the result in the slot and empties it, or null when there is none (or it cannot be read). */
  take(): Taken | null {
    const h = this.header;
    if (Atomics.compareExchange(h, STATE, FULL, READING) !== FULL) return null;
    try {
      const id = Atomics.load(h, ID);
      const length = Atomics.load(h, LENGTH);
      // A copy outside shared memory: TextDecoder may refuse a view of a SharedArrayBuffer.
      const bytes = new Uint8Array(this.buffer, HEADER_BYTES, length).slice();
      return { id, json: this.decoder.decode(bytes) };
    } catch {
      return null;
    } finally {
      Atomics.store(h, STATE, EMPTY);
    }
  }
}
