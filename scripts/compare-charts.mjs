#!/usr/bin/env node
// compare-charts.mjs runs every chart of a folder through our CLI and the real helm and compares them.
// Each subfolder with a Chart.yaml is a chart; its cases are the default values and every ci/*.yaml|yml.
//   node scripts/compare-charts.mjs work-charts [--filter NAME] [--verbose] [--jobs N] [--flags] [--case NAME]
//   [--helm-runs N] (helm runs up to N times, default 6, on a case where ours differs, to tell random output)
// --flags adds, per chart, cases with --kube-version 1.27.0 and 1.20.0, --include-crds, --is-upgrade -n other,
// --api-versions of common CRD groups (monitoring.coreos.com/v1, cert-manager.io/v1, …) and `toggles`
// (--set of keys many charts share: ingress, metrics, serviceMonitor, autoscaling, networkPolicy, pdb).
// --flags also adds `enable-all`: --set KEY=true for every `enabled: false` found in the chart's values.yaml
// (maps only, keys of plain characters), which turns on optional parts and disabled dependencies.
// --extra DIR adds, per chart, a case for every DIR/<chart>/*.yaml values file (-f), with the arguments of a
// JSON array in a sibling <name>.args.json when there is one (values gathered elsewhere, e.g. from test suites).
// --case NAME keeps only the cases of that name (default, a ci file, or a --flags case); NAME* is a prefix.
// Prints one line per case, a per-chart summary and "identical/total". Differing outputs are written to
// DIR/.diff/<chart>--<case>.{helm,ours}. Exit code 0 when every case is identical, else 1.
// (See scripts/fetch-charts.md for how the folder is assembled; nothing of it is committed.)
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load as loadYaml } from 'js-yaml';
import { helmEnv, mapLimit } from '../tests/golden/harness.mjs';
import { helmPath } from './helm.mjs';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
const argv = process.argv.slice(2);
const flag = (name) => {
  const i = argv.indexOf(name);
  if (i < 0) return undefined;
  const v = argv[i + 1];
  argv.splice(i, 2);
  return v;
};
const filter = flag('--filter');
const jobs = Number(flag('--jobs') ?? 2);
const verbose = argv.includes('--verbose');
const withFlags = argv.includes('--flags');
const onlyCase = flag('--case');
/** HELM_RUNS is how many times helm runs at most on a case where ours differs (--helm-runs N). */
const HELM_RUNS = Math.max(2, Number(flag('--helm-runs') ?? 6));
const extraDir = flag('--extra');
/** FLAG_CASES are the extra cases of --flags: a name and the arguments added to `helm template`. */
const FLAG_CASES = [
  ['kube-1.27', ['--kube-version', '1.27.0']],
  ['kube-1.20', ['--kube-version', '1.20.0']],
  [
    'toggles',
    [
      '--set',
      'ingress.enabled=true,metrics.enabled=true,metrics.serviceMonitor.enabled=true,serviceMonitor.enabled=true',
      '--set',
      'autoscaling.enabled=true,networkPolicy.enabled=true,podDisruptionBudget.enabled=true,pdb.create=true',
    ],
  ],
  ['include-crds', ['--include-crds']],
  ['upgrade-ns', ['--is-upgrade', '-n', 'other']],
  [
    'api-versions',
    [
      '--api-versions',
      'monitoring.coreos.com/v1',
      '--api-versions',
      'cert-manager.io/v1',
      '--api-versions',
      'gateway.networking.k8s.io/v1',
      '--api-versions',
      'policy/v1/PodDisruptionBudget',
      '--api-versions',
      'autoscaling.k8s.io/v1',
      '--api-versions',
      'networking.istio.io/v1beta1',
    ],
  ],
];
const dir = resolve(argv.find((a) => !a.startsWith('--')) ?? 'work-charts');
const cli = join(root, 'scripts', 'chart-studio.mjs');

if (!existsSync(dir)) {
  console.error(`no such folder: ${dir} (see scripts/fetch-charts.md)`);
  process.exit(2);
}
if (!existsSync(cli)) {
  console.error('scripts/chart-studio.mjs (our CLI) does not exist yet');
  process.exit(2);
}

/** run executes a command and resolves to its stdout, stderr, exit code and wall time. */
function run(cmd, args, env) {
  return new Promise((done, fail) => {
    const t0 = performance.now();
    execFile(cmd, args, { env, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err && typeof err.code !== 'number') return fail(err);
      done({ stdout, stderr, code: err ? err.code : 0, ms: performance.now() - t0 });
    });
  });
}

/** firstDifference returns the 1-based line where two texts differ and both lines. */
function firstDifference(a, b) {
  const la = a.split('\n');
  const lb = b.split('\n');
  for (let i = 0; i < Math.max(la.length, lb.length); i++) {
    if (la[i] !== lb[i]) return { line: i + 1, helm: la[i] ?? '<end>', ours: lb[i] ?? '<end>' };
  }
  return undefined;
}

/**
 * sameApartFromRandom reports whether ours equals helm's output on every line where two helm runs agree
 * (the lines that differ between helm runs hold random values: passwords, certificates, names).
 */
function sameApartFromRandom(helm1, helm2, ours) {
  const a = helm1.split('\n');
  const b = helm2.split('\n');
  const o = ours.split('\n');
  if (a.length !== b.length || a.length !== o.length) return false;
  return a.every((line, i) => line !== b[i] || line === o[i]);
}

const errorLine = (s) => s.split('\n').find((l) => l.startsWith('Error:')) ?? '';

/** disabledKeys returns the --set paths of every `enabled: false` of a chart's values.yaml (maps only). */
function disabledKeys(chartDir) {
  let values;
  try {
    values = loadYaml(readFileSync(join(chartDir, 'values.yaml'), 'utf8'));
  } catch {
    return [];
  }
  const found = [];
  const walk = (node, path) => {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return;
    for (const [k, v] of Object.entries(node)) {
      if (!/^[A-Za-z0-9_-]+$/.test(k)) continue;
      if (k === 'enabled' && v === false) found.push([...path, k].join('.'));
      else walk(v, [...path, k]);
    }
  };
  walk(values, []);
  return found;
}

const charts = readdirSync(dir)
  .filter((n) => !n.startsWith('.') && existsSync(join(dir, n, 'Chart.yaml')))
  .filter((n) => !filter || n.includes(filter))
  .sort();
const cases = [];
for (const chart of charts) {
  cases.push({ chart, name: 'default', args: [] });
  if (withFlags) {
    for (const [name, args] of FLAG_CASES) cases.push({ chart, name, args });
    const keys = disabledKeys(join(dir, chart));
    if (keys.length)
      cases.push({ chart, name: 'enable-all', args: ['--set', keys.map((k) => `${k}=true`).join(',')] });
  }
  const extra = extraDir && join(extraDir, chart);
  if (extra && existsSync(extra)) {
    for (const f of readdirSync(extra).sort()) {
      if (!f.endsWith('.yaml')) continue;
      const argsFile = join(extra, f.replace(/\.yaml$/, '.args.json'));
      const more = existsSync(argsFile) ? JSON.parse(readFileSync(argsFile, 'utf8')) : [];
      cases.push({ chart, name: `extra/${f}`, args: ['-f', join(extra, f), ...more] });
    }
  }
  const ci = join(dir, chart, 'ci');
  if (existsSync(ci) && statSync(ci).isDirectory()) {
    for (const f of readdirSync(ci).sort()) {
      if (/\.ya?ml$/.test(f)) cases.push({ chart, name: f, args: ['-f', join(ci, f)] });
    }
  }
}

const bin = await helmPath();
const env = helmEnv();
const diffDir = join(dir, '.diff');
mkdirSync(diffDir, { recursive: true });
const caseMatches = (name) =>
  onlyCase.endsWith('*') ? name.startsWith(onlyCase.slice(0, -1)) : name === onlyCase;
const selected = onlyCase ? cases.filter((c) => caseMatches(c.name)) : cases;
const results = await mapLimit(selected, jobs, async (c) => {
  const args = ['template', 'rel', join(dir, c.chart), ...c.args];
  const helm = await run(bin, args, env);
  const ours = await run(process.execPath, [cli, ...args], env);
  const same =
    helm.code === ours.code &&
    helm.stdout === ours.stdout &&
    errorLine(helm.stderr) === errorLine(ours.stderr);
  const label = `${c.chart} ${c.name}`;
  // A chart that uses randomness (randAlphaNum passwords, genCA certificates) never matches byte for byte,
  // and one that ranges over `keys` of a map prints in Go's random map order: when ours differs, helm
  // runs again (up to HELM_RUNS times in all) until it disagrees with itself; such a case is reported
  // apart and not counted, as matching when ours equals one of helm's outputs or differs only in lines
  // helm changes between runs.
  let again;
  for (let i = 1; !same && again === undefined && i < HELM_RUNS; i++) {
    const r = await run(bin, args, env);
    if (r.stdout !== helm.stdout) again = r;
  }
  const nondeterministic = again !== undefined;
  if (nondeterministic) {
    const masked =
      helm.code === ours.code &&
      (again.stdout === ours.stdout || sameApartFromRandom(helm.stdout, again.stdout, ours.stdout));
    if (!masked) {
      const base = join(diffDir, `${c.chart}--${c.name.replaceAll('/', '_')}`);
      writeFileSync(`${base}.helm`, `${helm.stdout}${helm.stderr}exit ${helm.code}\n`);
      writeFileSync(`${base}.helm2`, `${again.stdout}${again.stderr}exit ${again.code}\n`);
      writeFileSync(`${base}.ours`, `${ours.stdout}${ours.stderr}exit ${ours.code}\n`);
    }
    console.log(
      `nondet ${label}: helm's own output changes between runs (random values); not counted` +
        (masked ? ', ours equal apart from those lines' : ', ours differs elsewhere too'),
    );
    return { ...c, same, nondeterministic, masked, helmMs: helm.ms, oursMs: ours.ms };
  }
  if (same) {
    console.log(
      `ok    ${label} (exit ${helm.code}, helm ${helm.ms.toFixed(0)} ms, ours ${ours.ms.toFixed(0)} ms)`,
    );
  } else {
    const base = join(diffDir, `${c.chart}--${c.name.replaceAll('/', '_')}`);
    writeFileSync(`${base}.helm`, `${helm.stdout}${helm.stderr}exit ${helm.code}\n`);
    writeFileSync(`${base}.ours`, `${ours.stdout}${ours.stderr}exit ${ours.code}\n`);
    const d = firstDifference(helm.stdout, ours.stdout);
    console.log(`DIFF  ${label}: helm exit ${helm.code}, ours exit ${ours.code}`);
    if (helm.code !== ours.code || errorLine(helm.stderr) !== errorLine(ours.stderr)) {
      console.log(`      helm: ${errorLine(helm.stderr).slice(0, 200)}`);
      console.log(`      ours: ${(errorLine(ours.stderr) || ours.stderr.split('\n')[0]).slice(0, 200)}`);
    } else if (d) {
      console.log(
        `      stdout line ${d.line}:\n      helm: ${d.helm.slice(0, 200)}\n      ours: ${d.ours.slice(0, 200)}`,
      );
    }
    if (verbose) console.log(`      files: ${base}.{helm,ours}`);
  }
  return { ...c, same, nondeterministic, helmMs: helm.ms, oursMs: ours.ms };
});

console.log('\nper chart:');
for (const chart of charts) {
  const rs = results.filter((r) => r.chart === chart && !r.nondeterministic);
  const ok = rs.filter((r) => r.same).length;
  const nd = results.filter((r) => r.chart === chart && r.nondeterministic).length;
  console.log(`  ${chart.padEnd(28)} ${ok}/${rs.length}${nd ? ` (+${nd} nondeterministic)` : ''}`);
}
const counted = results.filter((r) => !r.nondeterministic);
const identical = counted.filter((r) => r.same).length;
const nondet = results.length - counted.length;
const masked = results.filter((r) => r.masked).length;
console.log(
  `\nidentical/total: ${identical}/${counted.length}` +
    (nondet
      ? ` (${nondet} nondeterministic cases not counted; ${masked} of them equal apart from random lines)`
      : ''),
);
process.exit(identical === counted.length ? 0 : 1);
