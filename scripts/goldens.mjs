#!/usr/bin/env node
// goldens.mjs regenerates tests/testdata/golden/<case>.{out,err,code} by running the REAL helm binary
// (never our engine) on every case of tests/testdata/cases (`helm template <args>` in tests/testdata).
//   node scripts/goldens.mjs            every case
//   node scripts/goldens.mjs printing   only cases whose name contains "printing"
//   node scripts/goldens.mjs --check    compare instead of writing; exit 1 when a golden is stale
// Each case runs several times (--runs N, default 5). Where helm prints the same lines in a varying order
// (it iterates Go maps: schema errors, coalescing warnings), <case>.unordered names the stream(s) whose
// lines the golden test compares as a sorted list; a case whose lines themselves vary is an error.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { goldenPaths, listCases, mapLimit, runHelm, TESTDATA } from '../tests/golden/harness.mjs';
import { helmPath } from './helm.mjs';

const argv = process.argv.slice(2);
const check = argv.includes('--check');
const runsAt = argv.indexOf('--runs');
const RUNS = runsAt >= 0 ? Number(argv[runsAt + 1]) : 5;
const filters = argv.filter((a, i) => a !== '--check' && a !== '--runs' && argv[i - 1] !== '--runs');

const bin = await helmPath();
const all = listCases();
const cases = filters.length ? all.filter((c) => filters.some((f) => c.name.includes(f))) : all;
const goldenDir = join(TESTDATA, 'golden');
mkdirSync(goldenDir, { recursive: true });

// Nondeterministic stderr (timestamps from Go's log package) would make a golden unusable.
const timestamp = /\b\d{4}[/-]\d{2}[/-]\d{2}[ T]\d{2}:\d{2}:\d{2}/;

let stale = 0;
let unstable = 0;
const sortedLines = (t) => t.split('\n').sort().join('\n');
const t0 = Date.now();
await mapLimit(cases, 2, async (c) => {
  const r = await runHelm(bin, ['template', ...c.args], TESTDATA, c.env);
  const unordered = [];
  for (let i = 1; i < RUNS; i++) {
    const again = await runHelm(bin, ['template', ...c.args], TESTDATA, c.env);
    for (const stream of ['stdout', 'stderr']) {
      if (again[stream] === r[stream] || unordered.includes(stream)) continue;
      if (sortedLines(again[stream]) === sortedLines(r[stream])) {
        unordered.push(stream);
      } else {
        unstable++;
        console.warn(`! ${c.name}: helm's ${stream} changes between runs; the case cannot have a golden`);
      }
    }
    if (again.code !== r.code) {
      unstable++;
      console.warn(`! ${c.name}: helm's exit code changes between runs`);
    }
  }
  const p = goldenPaths(c.name);
  const files = [
    [p.out, r.stdout],
    [p.err, r.stderr],
    [p.code, `${r.code}\n`],
  ];
  const unorderedFile = p.out.replace(/\.out$/, '.unordered');
  if (timestamp.test(r.stderr)) console.warn(`! ${c.name}: stderr has a timestamp, the golden cannot match`);
  if (check) {
    const differs = files.some(([f, want]) => !existsSync(f) || readFileSync(f, 'utf8') !== want);
    if (differs) {
      stale++;
      console.log(`stale ${c.name}`);
    }
  } else {
    for (const [f, text] of files) writeFileSync(f, text);
    if (unordered.length) writeFileSync(unorderedFile, `${unordered.sort().join('\n')}\n`);
    else if (existsSync(unorderedFile)) rmSync(unorderedFile);
    const first = r.stderr.split('\n').find((l) => l.startsWith('Error:')) ?? r.stderr.split('\n')[0];
    const note = unordered.length ? ` [unordered ${unordered.join(',')}]` : '';
    console.log(`${String(r.code).padStart(2)} ${c.name}${note}${r.code ? `  ${first.slice(0, 100)}` : ''}`);
  }
});

if (!check && filters.length === 0) {
  const names = new Set(all.map((c) => c.name));
  for (const f of readdirSync(goldenDir)) {
    const name = f.replace(/\.(out|err|code|unordered)$/, '');
    if (!names.has(name)) {
      rmSync(join(goldenDir, f));
      console.log(`removed stale golden ${f}`);
    }
  }
}
console.log(
  `${check ? 'checked' : 'wrote'} ${cases.length} case(s) with ${bin} in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
);
if (unstable) {
  console.log(`${unstable} nondeterministic result(s) from helm: change those cases`);
  process.exit(1);
}
if (check && stale) {
  console.log(`${stale} golden(s) differ from helm: run node scripts/goldens.mjs`);
  process.exit(1);
}
