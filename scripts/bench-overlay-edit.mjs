#!/usr/bin/env node
// bench-overlay-edit.mjs times the form's edit of an environment's overlay, setOverlayValue in
// lib/gateway/overlay.ts, the way typing into one field calls it: each edit sets the same key again, on
// the text the previous edit returned. It types 2000 values (--edits N) into `replicaCount` and into
// `image.tag` of chart-template/api-gateway/values.prod.yaml, and the digits 2 to 9 again and again into
// `replicaCount` of values.dev.yaml (the chart's default is 2: each 2 removes the key, the next digit adds
// it back), against the chart's values.yaml defaults, with the slow path alone (setOverlayValueUncached:
// parse and print the whole document) and with setOverlayValue (its fast path splices the value into the
// previous text), alternating the two edit by edit, and prints p50/p95/mean per edit, how many edits took
// the fast path and the slow one, and whether the two gave the same texts. It prints figures and asserts
// nothing about time (the machine may be busy: see the load).
// Run with plain node: `node scripts/bench-overlay-edit.mjs`; it bundles lib/gateway/overlay.ts with
// esbuild (the engine's bundle options, scripts/engine-bundle.mjs) into .cache/bench/ and loads that.
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadBundled } from './engine-bundle.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const at = argv.indexOf('--edits');
const EDITS = Math.max(100, Number(at >= 0 ? argv[at + 1] : 2000));
const WARMUP = 300;

const overlay = await loadBundled(root, 'lib/gateway/overlay.ts', 'overlay');

const chartDir = join(root, 'chart-template', 'api-gateway');
const parsed = overlay.parseValues(readFileSync(join(chartDir, 'values.yaml'), 'utf8'));
if (!parsed.ok) throw new Error('chart-template/api-gateway/values.yaml does not parse');
const defaults = parsed.values;
const prod = readFileSync(join(chartDir, 'values.prod.yaml'), 'utf8');
const dev = readFileSync(join(chartDir, 'values.dev.yaml'), 'utf8');

// The values typed into prod: never the chart's default (2 replicas, an empty tag), which removes the key
// instead; into dev, the digits 2..9, across the default.
const fields = [
  { name: 'replicaCount', start: prod, path: ['replicaCount'], value: (i) => 3 + (i % 5000) },
  { name: 'image.tag', start: prod, path: ['image', 'tag'], value: (i) => `v1.2.${i}` },
  { name: 'dev 2..9', start: dev, path: ['replicaCount'], value: (i) => 2 + (i % 8) },
];

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const us = (ms) => `${(ms * 1000).toFixed(1)} µs`;

/** typeInto edits one field `n` times with both functions in turn and times each call. */
function typeInto(field, n, offset) {
  let slowText = field.start;
  let fastText = field.start;
  const slow = [];
  const fast = [];
  let same = true;
  const before = overlay.overlayEditCounts();
  for (let i = 0; i < n; i++) {
    const value = field.value(offset + i);
    let t0 = performance.now();
    slowText = overlay.setOverlayValueUncached(slowText, defaults, field.path, value);
    slow.push(performance.now() - t0);
    t0 = performance.now();
    fastText = overlay.setOverlayValue(fastText, defaults, field.path, value);
    fast.push(performance.now() - t0);
    if (fastText !== slowText) same = false;
  }
  const after = overlay.overlayEditCounts();
  return {
    slow: slow.sort((a, b) => a - b),
    fast: fast.sort((a, b) => a - b),
    same,
    fastEdits: after.fast - before.fast,
    slowEdits: after.slow - before.slow,
  };
}

console.log(
  `overlay edit, ${EDITS} consecutive values per field, chart-template/api-gateway/values.prod.yaml ` +
    `and values.dev.yaml (node ${process.version}, load ${loadavg()[0].toFixed(2)})`,
);
// Columns: field, edited by, p50, p95, mean, fast/slow edits, same texts.
const widths = [14, -24, 10, 10, 10, 13, 10];
const line = (cells) =>
  console.log(cells.map((c, i) => (widths[i] < 0 ? c.padEnd(-widths[i]) : c.padStart(widths[i]))).join(' '));
line(['field'.padEnd(14), 'edited by', 'p50', 'p95', 'mean', 'fast/slow', 'same text']);
for (const field of fields) {
  typeInto(field, WARMUP, 100_000);
  const r = typeInto(field, EDITS, 0);
  const row = (label, times, fastEdits) => {
    const mean = times.reduce((a, b) => a + b, 0) / times.length;
    line([
      field.name.padEnd(14),
      label,
      us(quantile(times, 0.5)),
      us(quantile(times, 0.95)),
      us(mean),
      String(fastEdits),
      r.same ? 'yes' : 'NO',
    ]);
  };
  row('before (slow path)', r.slow, `0/${EDITS}`);
  row('after (setOverlayValue)', r.fast, `${r.fastEdits}/${r.slowEdits}`);
}
