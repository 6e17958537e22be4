import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { transformSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { ResultSlot } from './result-slot';

// The slot's header is three int32s: state (0 empty, 1 writing, 2 full, 3 reading), id, length.
const stateOf = (slot: ResultSlot) => new Int32Array(slot.buffer, 0, 1)[0];

function growable(bytes: number, max: number): SharedArrayBuffer {
  const Shared = SharedArrayBuffer as unknown as new (
    n: number,
    o: { maxByteLength: number },
  ) => SharedArrayBuffer;
  return new Shared(bytes, { maxByteLength: max });
}

/**
 * writerScript is the code of a worker thread that writes `count` results into the slot as fast as it can,
 * each JSON text carrying its own id and a body whose length varies, while the test's thread takes them.
 * The slot's TypeScript is compiled for it (a worker thread does not get vitest's transform).
 */
function writerScript(): string {
  const source = readFileSync(new URL('./result-slot.ts', import.meta.url), 'utf8');
  const { code } = transformSync(source, { loader: 'ts', format: 'cjs' });
  return `
    const module = { exports: {} };
    (function (exports, module) { ${code} })(module.exports, module);
    const { ResultSlot } = module.exports;
    const { parentPort, workerData } = require('node:worker_threads');
    const slot = new ResultSlot(workerData.buffer);
    let written = 0;
    for (let id = 1; id <= workerData.count; id++) {
      const json = JSON.stringify({ id, body: 'x'.repeat(id % 997), tail: 'end of ' + id });
      // A write refused while the reader holds the slot is tried again, so every id is offered once.
      while (!slot.write(id, json));
      written++;
    }
    parentPort.postMessage({ written });
  `;
}

describe('ResultSlot', () => {
  it('hands a result over once, with its id, in UTF-8 and back', () => {
    const worker = new ResultSlot(new SharedArrayBuffer(1024));
    const page = new ResultSlot(worker.buffer);
    expect(page.take()).toBeNull();
    const json = JSON.stringify({ text: 'replicas: 3 — ünïcödé 🚀' });
    expect(worker.write(7, json)).toBe(true);
    expect(page.take()).toEqual({ id: 7, json });
    expect(page.take()).toBeNull();
    expect(stateOf(page)).toBe(0);
  });

  it('replaces a result the page has not taken with a newer one', () => {
    const slot = new ResultSlot(new SharedArrayBuffer(1024));
    expect(slot.write(1, '"old result, longer than the new one"')).toBe(true);
    expect(slot.write(2, '"new"')).toBe(true);
    expect(slot.take()).toEqual({ id: 2, json: '"new"' });
  });

  it('does not write while the page reads', () => {
    const slot = new ResultSlot(new SharedArrayBuffer(1024));
    expect(slot.write(1, '"first"')).toBe(true);
    // The page is in the middle of take(): the state is READING.
    new Int32Array(slot.buffer, 0, 1)[0] = 3;
    expect(slot.write(2, '"second"')).toBe(false);
    new Int32Array(slot.buffer, 0, 1)[0] = 2;
    expect(slot.take()).toEqual({ id: 1, json: '"first"' });
  });

  it('refuses a result too large for a fixed buffer and stays usable', () => {
    const slot = new ResultSlot(new SharedArrayBuffer(64));
    expect(slot.write(1, JSON.stringify('x'.repeat(100)))).toBe(false);
    expect(stateOf(slot)).toBe(0);
    expect(slot.take()).toBeNull();
    expect(slot.write(2, '"fits"')).toBe(true);
    expect(slot.take()).toEqual({ id: 2, json: '"fits"' });
  });

  it('grows a growable buffer up to its maximum, and no further', () => {
    const slot = new ResultSlot(growable(64, 4096));
    const big = JSON.stringify('y'.repeat(1000));
    expect(slot.write(1, big)).toBe(true);
    expect(slot.buffer.byteLength).toBeGreaterThanOrEqual(1000);
    expect(slot.take()).toEqual({ id: 1, json: big });
    expect(slot.write(2, JSON.stringify('z'.repeat(5000)))).toBe(false);
    expect(slot.buffer.byteLength).toBeLessThanOrEqual(4096);
  });

  it('whenFull resolves at once when full, and on the write otherwise', async () => {
    const slot = new ResultSlot(new SharedArrayBuffer(1024));
    let woke = false;
    const waiting = slot.whenFull(60_000)?.then(() => {
      woke = true;
    });
    expect(waiting).toBeDefined();
    await Promise.resolve();
    expect(woke).toBe(false);
    slot.write(3, '"done"');
    await waiting;
    expect(woke).toBe(true);
    await expect(slot.whenFull(5000)).resolves.toBeUndefined();
    expect(slot.take()).toEqual({ id: 3, json: '"done"' });
  });

  it('create gives a working slot where shared memory exists', () => {
    const slot = ResultSlot.create(256, 1024);
    expect(slot).not.toBeNull();
    expect(slot?.write(1, '"ok"')).toBe(true);
    expect(slot?.take()).toEqual({ id: 1, json: '"ok"' });
  });

  it('never hands over a torn result while another thread writes', async () => {
    const slot = new ResultSlot(new SharedArrayBuffer(64 * 1024));
    const count = 20_000;
    const writer = new Worker(writerScript(), { eval: true, workerData: { buffer: slot.buffer, count } });
    const done = new Promise<{ written: number }>((resolve, reject) => {
      writer.once('message', resolve);
      writer.once('error', reject);
    });
    let finished = false;
    void done.then(
      () => (finished = true),
      () => (finished = true),
    );
    let last = 0;
    let taken = 0;
    // Take until the writer is done, yielding now and then so its message can arrive.
    for (let spins = 0; !finished; spins++) {
      const got = slot.take();
      if (got) {
        const parsed = JSON.parse(got.json) as { id: number; body: string; tail: string };
        expect(parsed.id).toBe(got.id);
        expect(parsed.body.length).toBe(got.id % 997);
        expect(parsed.tail).toBe(`end of ${got.id}`);
        // Newer results replace older ones: ids only go up.
        expect(got.id).toBeGreaterThan(last);
        last = got.id;
        taken++;
      }
      if (spins % 1000 === 0) await new Promise((r) => setImmediate(r));
    }
    expect((await done).written).toBe(count);
    const rest = slot.take();
    if (rest) last = rest.id;
    expect(last).toBe(count);
    expect(taken).toBeGreaterThan(0);
    await writer.terminate();
  });
});
