// Differential test: the api-gateway chart rendered by our engine and by the real helm over generated,
// hostile values. Stdout, exit code and the `Error:` line must be identical for every value set.
//   DIFF_RUNS=1000 DIFF_SEED=7 npx vitest run tests/differential/api-gateway.test.ts
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { ourRunner } from '../golden/engine';
import { helmPath, mapLimit, runHelm } from '../golden/harness.mjs';
import {
  hostileNumber,
  hostileString,
  hostileValue,
  type Json,
  type Scalar,
  toValuesFile,
  type ValuesFormat,
} from './arbitraries';

const root = fileURLToPath(new URL('../../', import.meta.url));
const CHART = 'chart-template/api-gateway';
const RUNS = Number(process.env.DIFF_RUNS ?? 300);
const SEED = Number(process.env.DIFF_SEED ?? 20261127);

type Kind =
  | 'string'
  | 'int'
  | 'bool'
  | 'map'
  | 'list'
  | 'quantity'
  | 'pullPolicy'
  | 'serviceType'
  | 'strategy';

/** PATHS are the values the generator changes, with the type the chart expects there. */
const PATHS: [string, Kind][] = [
  ['env.ALLOWED_HOSTS', 'string'],
  ['env.EXTRA_SETTING', 'string'],
  ['image.repository', 'string'],
  ['image.tag', 'string'],
  ['image.digest', 'string'],
  ['image.pullPolicy', 'pullPolicy'],
  ['replicaCount', 'int'],
  ['containerPort', 'int'],
  ['service.port', 'int'],
  ['service.type', 'serviceType'],
  ['ingress.enabled', 'bool'],
  ['ingress.className', 'string'],
  ['ingress.hosts.0.host', 'string'],
  ['ingress.hosts.0.paths', 'list'],
  ['ingress.annotations', 'map'],
  ['resources.limits.cpu', 'quantity'],
  ['resources.limits.memory', 'quantity'],
  ['resources.requests.cpu', 'quantity'],
  ['podAnnotations', 'map'],
  ['podLabels', 'map'],
  ['secrets.djangoSecretKey', 'string'],
  ['secrets.databaseUrl', 'string'],
  ['secrets.existingSecret', 'string'],
  ['secrets.extra', 'map'],
  ['nameOverride', 'string'],
  ['fullnameOverride', 'string'],
  ['migrations.strategy', 'strategy'],
  ['migrations.enabled', 'bool'],
  ['autoscaling.enabled', 'bool'],
  ['autoscaling.maxReplicas', 'int'],
  ['podDisruptionBudget.enabled', 'bool'],
  ['networkPolicy.enabled', 'bool'],
  ['networkPolicy.ingressController.namespace', 'string'],
  ['probes.host', 'string'],
  ['probes.readiness.path', 'string'],
  ['probes.liveness.path', 'string'],
  ['postgresql.enabled', 'bool'],
  ['redis.enabled', 'bool'],
  ['serviceAccount.create', 'bool'],
  ['serviceAccount.name', 'string'],
];

const typed: Record<Kind, fc.Arbitrary<Json>> = {
  string: fc.oneof(
    hostileString,
    fc.constantFrom('api.example.com', 'a.example.com,b.example.com', 'v1.2.0'),
  ),
  int: fc.oneof(
    { weight: 3, arbitrary: fc.integer({ min: 1, max: 12 }) },
    { weight: 1, arbitrary: hostileNumber },
  ),
  quantity: fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom('100m', '500m', '1', '2', '0.5', '256Mi', '1Gi', '512M', '1e3') },
    { weight: 1, arbitrary: hostileString },
  ),
  pullPolicy: fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom('Always', 'IfNotPresent', 'Never') },
    hostileString,
  ),
  serviceType: fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom('ClusterIP', 'NodePort', 'LoadBalancer') },
    hostileString,
  ),
  strategy: fc.oneof({ weight: 4, arbitrary: fc.constantFrom('hook', 'initContainer') }, hostileString),
  bool: fc.boolean(),
  map: fc.dictionary(hostileString, hostileString, { maxKeys: 3 }),
  list: fc.array(hostileString, { maxLength: 3 }),
};

interface Mutation {
  path: string;
  value: Json;
  via: 'file' | 'set' | 'set-string' | 'set-json';
}

const mutation: fc.Arbitrary<Mutation> = fc
  .tuple(
    fc.constantFrom(...PATHS),
    fc.nat(11),
    fc.constantFrom<Mutation['via']>('file', 'file', 'file', 'set', 'set-string', 'set-json'),
  )
  .chain(([[path, kind], pick, via]) =>
    (pick < 10 ? typed[kind] : pick < 11 ? fc.constant(null) : hostileValue).map((value) => ({
      path,
      value,
      via:
        via === 'set-json' ||
        typeof value === 'string' ||
        (typeof value === 'number' && Number.isInteger(value))
          ? via
          : 'file',
    })),
  );

/** ValueSet is one generated input: a values file, extra flags, a release and a namespace. */
interface ValueSet {
  base: 'ci' | 'chart' | 'dev' | 'staging' | 'prod';
  format: ValuesFormat;
  mutations: Mutation[];
  release: string;
  namespace: string;
}

const valueSet: fc.Arbitrary<ValueSet> = fc.record({
  base: fc.constantFrom<ValueSet['base']>('ci', 'ci', 'chart', 'dev', 'staging', 'prod'),
  format: fc.constantFrom<ValueSet['format']>('yaml', 'json', 'plain'),
  mutations: fc.array(mutation, { maxLength: 4 }),
  release: fc.constantFrom(
    'rel',
    'api-gateway',
    'my-release',
    'prod-api-gateway-x',
    'a'.repeat(53),
    'Bad_Name',
  ),
  namespace: fc.constantFrom('default', 'prod', 'team-a'),
});

function setPath(obj: Record<string, Json>, path: string, value: Json): void {
  const parts = path.split('.');
  let cur: Record<string, Json> | Json[] = obj;
  for (let i = 0; i < parts.length - 1; i++) {
    const k = parts[i]!;
    const nextIsIndex = /^\d+$/.test(parts[i + 1]!);
    const container = cur as Record<string, Json>;
    let next = container[k];
    if (next === null || typeof next !== 'object') {
      next = nextIsIndex ? [] : {};
      container[k] = next;
    }
    cur = next as Record<string, Json> | Json[];
  }
  (cur as Record<string, Json>)[parts[parts.length - 1]!] = value;
}

function setArg(path: string): string {
  return path.replace(/\.(\d+)(?=\.|$)/g, '[$1]');
}

/** materialize writes a value set's files into dir and returns the `helm template` arguments. */
function materialize(vs: ValueSet, dir: string, ciValues: Record<string, Json>): string[] {
  const values: Record<string, Json> = vs.base === 'ci' ? structuredClone(ciValues) : {};
  const args = [vs.release, CHART, '--namespace', vs.namespace];
  if (vs.base === 'dev' || vs.base === 'staging' || vs.base === 'prod') {
    // As the studio's export is used: the chart's environment file, then a secrets file, then overrides.
    args.push('-f', join(CHART, `values.${vs.base}.yaml`));
    const secretsFile = join(dir, 'secrets.yaml');
    writeFileSync(
      secretsFile,
      vs.base === 'dev'
        ? 'postgresql:\n  auth:\n    password: dev-password\n'
        : 'secrets:\n  djangoSecretKey: not-a-secret\n  databaseUrl: postgres://app:pw@db.example.com:5432/app\n',
    );
    args.push('-f', secretsFile);
  }
  for (const m of vs.mutations) {
    if (m.via === 'file') setPath(values, m.path, m.value);
  }
  const file = join(dir, vs.format === 'json' ? 'values.json' : 'values.yaml');
  writeFileSync(file, toValuesFile(values, vs.format));
  args.push('-f', file);
  for (const m of vs.mutations) {
    if (m.via === 'set-json') args.push('--set-json', `${setArg(m.path)}=${JSON.stringify(m.value)}`);
    else if (m.via !== 'file') args.push(`--${m.via}`, `${setArg(m.path)}=${String(m.value as Scalar)}`);
  }
  return args;
}

const errorLine = (stderr: string) => stderr.split('\n').find((l) => l.startsWith('Error:')) ?? '';

describe('api-gateway chart: our engine vs helm over generated values', () => {
  it(`renders ${RUNS} generated value sets identically (seed ${SEED})`, {
    timeout: 30 * 60_000,
  }, async () => {
    const { run } = await ourRunner();
    const bin = await helmPath();
    const ciValues = load(readFileSync(join(root, CHART, 'ci', 'default-values.yaml'), 'utf8')) as Record<
      string,
      Json
    >;
    const sets = fc.sample(valueSet, { seed: SEED, numRuns: RUNS });
    const work = mkdtempSync(join(tmpdir(), 'diff-api-gateway-'));
    const inputs = sets.map((vs, i) => {
      const dir = join(work, String(i));
      mkdirSync(dir);
      return { vs, dir, args: materialize(vs, dir, ciValues) };
    });
    const failures: string[] = [];
    let rendered = 0;
    await mapLimit(inputs, 2, async ({ dir, args }, i) => {
      const want = await runHelm(bin, ['template', ...args], root);
      // Bad input must never escape as a JavaScript exception: one is a difference like any other.
      const got = await run(args, root).catch((err: unknown) => ({
        stdout: '',
        stderr: `uncaught exception: ${err instanceof Error ? err.stack : String(err)}`,
        code: -1,
      }));
      if (want.code === 0) rendered++;
      const same =
        got.code === want.code &&
        got.stdout === want.stdout &&
        errorLine(got.stderr) === errorLine(want.stderr);
      if (!same) {
        writeFileSync(join(dir, 'helm.out'), want.stdout + want.stderr);
        writeFileSync(join(dir, 'ours.out'), got.stdout + got.stderr);
        failures.push(
          `#${i} helm template ${args.join(' ')}\n  helm: exit ${want.code} ${errorLine(want.stderr)}\n` +
            `  ours: exit ${got.code} ${errorLine(got.stderr)}\n  files: ${dir}`,
        );
      }
    });
    // The value sets are kept only when some differ (their paths are in the failures).
    if (failures.length === 0) rmSync(work, { recursive: true, force: true });
    // The generator must reach both outcomes, or the test proves little.
    expect(rendered, 'value sets helm rendered').toBeGreaterThan(RUNS / 10);
    expect(RUNS - rendered, 'value sets helm refused').toBeGreaterThan(RUNS / 10);
    expect(failures.slice(0, 10), `${failures.length} of ${RUNS} value sets differ`).toEqual([]);
  });
});
