#!/usr/bin/env node
// fuzz-values measures how often our CLI fails on a broken values.yaml exactly as `helm template` does.
// For each case it copies a chart from work-charts/, applies one or two random edits to its
// values.yaml (a YAML token inserted or replacing a character, or a few characters deleted), runs the
// real helm and `scripts/chart-studio.mjs template`, and compares exit code, stdout and the first
// line of stderr (the `Error:` line). Charts are read at run time and never copied into the repo.
//
//   node scripts/fuzz-values.mjs [--charts a,b,c] [--count N] [--seeds 1,2,3] [--keep DIR] [--quiet]
//                                [--ours path/to/chart-studio.mjs]
//
// --count is the number of cases per chart and seed; differing cases are printed (and their chart
// copies kept under --keep, default /tmp/fuzz-values) and a final line gives identical/total, overall
// and among the cases helm rejects (--quiet prints only the differing cases' names and that line).
// --ours runs another copy of the CLI (say a copy of scripts/chart-studio.mjs and its .cache/cli
// bundle taken before a change: the CLI rebuilds its bundle whenever lib/ changes, so a long run
// against the worktree would mix versions).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { helmPath } from './helm.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values: opts } = parseArgs({
  options: {
    charts: { type: 'string', default: 'ingress-nginx,traefik,bitnami-nginx,grafana,bitnami-redis' },
    count: { type: 'string', default: '20' },
    seeds: { type: 'string', default: '1,2,3' },
    keep: { type: 'string', default: join(tmpdir(), 'fuzz-values') },
    quiet: { type: 'boolean', default: false },
    ours: { type: 'string', default: join(root, 'scripts', 'chart-studio.mjs') },
  },
});

const charts = opts.charts.split(',').map((c) => (isAbsolute(c) ? c : join(root, 'work-charts', c)));
for (const c of charts) if (!existsSync(join(c, 'values.yaml'))) throw new Error(`no values.yaml in ${c}`);
const count = Number(opts.count);
const seeds = opts.seeds.split(',').map(Number);
const helm = await helmPath();
const ours = opts.ours;

// Tokens users (and editors) put in the wrong place in YAML.
const tokens = [
  ':',
  '-',
  ' ',
  '  ',
  '\n',
  '"',
  "'",
  '[',
  ']',
  '{',
  '}',
  '#',
  '&a ',
  '*a',
  '!!str ',
  '|',
  '>',
  'null',
  'true',
  '1e3',
  '0x1F',
  '~',
  '? ',
  ',',
  '\t',
  'yes',
  '010',
  '.inf',
  '<<: *a',
];

/** rng is a small linear congruential generator, so a seed always gives the same cases. */
function rng(seed) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

/** mutate applies 1–2 edits, mostly near line starts (where indentation and keys are). */
function mutate(text, rnd) {
  const pick = (a) => a[Math.floor(rnd() * a.length)];
  let s = text;
  const edits = [];
  const k = 1 + Math.floor(rnd() * 2);
  for (let j = 0; j < k; j++) {
    const breaks = [...s.matchAll(/\n/g)].map((m) => m.index);
    const pos =
      breaks.length && rnd() < 0.8 ? pick(breaks) + Math.floor(rnd() * 30) : Math.floor(rnd() * s.length);
    const op = Math.floor(rnd() * 3);
    if (op === 0) {
      const n = 1 + Math.floor(rnd() * 4);
      edits.push(`del ${pos}+${n}`);
      s = s.slice(0, pos) + s.slice(pos + n);
    } else {
      const t = pick(tokens);
      edits.push(`${op === 1 ? 'ins' : 'rep'} ${pos} ${JSON.stringify(t)}`);
      s = s.slice(0, pos) + t + s.slice(pos + (op === 1 ? 0 : 1));
    }
  }
  return { text: s, edits };
}

const work = join(tmpdir(), `fuzz-values-${process.pid}`);
mkdirSync(opts.keep, { recursive: true });
let total = 0;
let same = 0;
let errorCases = 0;
let errorSame = 0;
try {
  for (const chart of charts) {
    const name = chart.split('/').at(-1);
    const original = readFileSync(join(chart, 'values.yaml'), 'utf8');
    for (const seed of seeds) {
      const rnd = rng(seed);
      for (let i = 0; i < count; i++) {
        const { text, edits } = mutate(original, rnd);
        const dir = join(work, name);
        rmSync(dir, { recursive: true, force: true });
        cpSync(chart, dir, { recursive: true });
        writeFileSync(join(dir, 'values.yaml'), text);
        const a = spawnSync(helm, ['template', 'rel', dir], { encoding: 'utf8', maxBuffer: 1 << 28 });
        if (a.status !== 0) errorCases++;
        const b = spawnSync(process.execPath, [ours, 'template', 'rel', dir], {
          encoding: 'utf8',
          maxBuffer: 1 << 28,
        });
        const norm = (x) => x.replaceAll(dir, 'CHART');
        const first = (x) => norm(x).split('\n')[0];
        total++;
        if (a.status === b.status && first(a.stderr) === first(b.stderr)) {
          // A chart using random functions (generated certificates) renders differently each time:
          // then only the exit code and the Error line can be compared.
          const stable = () =>
            spawnSync(helm, ['template', 'rel', dir], { encoding: 'utf8', maxBuffer: 1 << 28 }).stdout ===
            a.stdout;
          if (norm(a.stdout) === norm(b.stdout) || !stable()) {
            same++;
            if (a.status !== 0) errorSame++;
            continue;
          }
        }
        const kept = join(opts.keep, `${name}-s${seed}-${i}`);
        rmSync(kept, { recursive: true, force: true });
        cpSync(dir, kept, { recursive: true });
        // Even --quiet names each differing case and where it was kept.
        console.log(`DIFF ${name} seed ${seed} case ${i} -> ${kept}`);
        if (!opts.quiet) {
          console.log(`  edits: ${edits.join('; ')}`);
          console.log(`  helm ${a.status}: ${first(a.stderr).slice(0, 300)}`);
          console.log(`  ours ${b.status}: ${first(b.stderr).slice(0, 300)}`);
        }
      }
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
const pct = (n, d) => `${((100 * n) / Math.max(d, 1)).toFixed(1)}%`;
console.log(
  `identical ${same}/${total} (${pct(same, total)}); where helm failed: identical ${errorSame}/${errorCases} (${pct(errorSame, errorCases)})`,
);
