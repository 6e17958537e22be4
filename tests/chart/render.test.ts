import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  asArray,
  asStringMap,
  checkManifests,
  containersOf,
  type Finding,
  field,
  type JsonObject,
  type K8sObject,
  parseManifests,
  podSpecOf,
  splitHelmOutput,
} from '@/lib/k8s';
import { chartDir, helm, kubeVersions, renderArgs, shippedValuesFiles } from './helm';

// A render is one `helm template` of the chart; every rule of CHART.md below runs over all of them.
interface Render {
  name: string;
  values: JsonObject;
  stdout: string;
  objects: K8sObject[];
  findings: Finding[];
}

const longRelease = `rel-${'x'.repeat(45)}-end`; // 53 characters: Helm's maximum release name
const longOverride = `api-${'y'.repeat(59)}`; // 63 characters

interface RenderCase {
  name: string;
  file: string;
  release?: string;
  extra?: string[];
}

const renderCases: RenderCase[] = [
  ...shippedValuesFiles().flatMap((file) =>
    kubeVersions.map((kube) => ({ name: `${file} @${kube}`, file, extra: ['--kube-version', kube] })),
  ),
  {
    name: 'values.prod.yaml with a 53-character release name',
    file: 'values.prod.yaml',
    release: longRelease,
  },
  { name: 'values.dev.yaml with a 53-character release name', file: 'values.dev.yaml', release: longRelease },
  {
    name: 'values.prod.yaml with a 63-character fullnameOverride',
    file: 'values.prod.yaml',
    extra: ['--set', `fullnameOverride=${longOverride}`],
  },
  {
    name: 'values.dev.yaml with a password full of URL characters',
    file: 'values.dev.yaml',
    extra: ['--set-string', 'postgresql.auth.password=p@ss wörd+/:?#%x&y'],
  },
  {
    name: 'ci/init-container-values.yaml with a 63-character fullnameOverride',
    file: 'ci/init-container-values.yaml',
    release: longRelease,
    extra: ['--set', `fullnameOverride=${longOverride}`],
  },
];

function deepMerge(base: unknown, over: unknown): unknown {
  const plain = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!plain(over) || !plain(base)) return over;
  const out: JsonObject = { ...(base as JsonObject) };
  for (const [k, v] of Object.entries(over as JsonObject)) out[k] = deepMerge(out[k], v);
  return out;
}

const defaults = load(readFileSync(join(chartDir, 'values.yaml'), 'utf8')) as JsonObject;

function valuesOf(file: string): JsonObject {
  return deepMerge(defaults, load(readFileSync(join(chartDir, file), 'utf8'))) as JsonObject;
}

const renders: Render[] = [];

beforeAll(async () => {
  const results = await Promise.all(
    renderCases.map((c) => helm([...renderArgs(c.file, c.release), ...(c.extra ?? [])])),
  );
  results.forEach((result, i) => {
    const c = renderCases[i] as RenderCase;
    if (result.code !== 0) throw new Error(`${c.name}: helm template failed: ${result.stderr}`);
    const docs = splitHelmOutput(result.stdout);
    let values = valuesOf(c.file);
    // Apply the --set arguments of the case to the expected values too.
    for (const arg of c.extra ?? []) {
      const [path, value] = arg.split(/=(.*)/s);
      if (value === undefined || !path) continue;
      values = deepMerge(
        values,
        path.split('.').reduceRight<unknown>((v, k) => ({ [k]: v }), value),
      ) as JsonObject;
    }
    renders.push({
      name: c.name,
      values,
      stdout: result.stdout,
      objects: parseManifests(docs).objects,
      findings: checkManifests(docs),
    });
  });
}, 120_000);

function rulesOf(r: Render, prefix: string): string[] {
  return r.findings
    .filter((f) => f.rule.startsWith(prefix))
    .map((f) => `${f.kind}/${f.name}: ${f.rule}: ${f.message}`);
}

function api(r: Render): K8sObject {
  const d = r.objects.find(
    (o) =>
      o.kind === 'Deployment' &&
      field(o.object, 'metadata', 'labels', 'app.kubernetes.io/component') === 'api',
  );
  if (!d) throw new Error(`${r.name}: no api Deployment`);
  return d;
}

function apiContainer(r: Render): JsonObject {
  const spec = podSpecOf(api(r))?.spec ?? {};
  return containersOf(spec).find((c) => c.name === 'api')?.container ?? {};
}

// forEachRender runs one named rule as one test per render.
function forEachRender(rule: string, check: (r: Render) => void): void {
  describe(rule, () => {
    for (const c of renderCases) {
      it(c.name, () => {
        const r = renders.find((x) => x.name === c.name);
        if (!r) throw new Error(`render ${c.name} missing`);
        check(r);
      });
    }
  });
}

forEachRender(
  'every object validates against the Kubernetes OpenAPI schema, unknown fields included',
  (r) => {
    expect(rulesOf(r, 'openapi/')).toEqual([]);
    expect(rulesOf(r, 'yaml/')).toEqual([]);
  },
);

forEachRender('every pod meets the Pod Security restricted profile', (r) => {
  expect(rulesOf(r, 'pss/')).toEqual([]);
  expect(r.objects.filter((o) => podSpecOf(o)).length).toBeGreaterThan(0);
});

forEachRender('standard labels on every object with valid values', (r) => {
  expect(rulesOf(r, 'chart/standard-labels')).toEqual([]);
  expect(rulesOf(r, 'chart/label-syntax')).toEqual([]);
  const image = r.values.image as JsonObject;
  const want = String(image.tag || '1.2.0');
  for (const o of r.objects.filter(
    (x) => field(x.object, 'metadata', 'labels', 'app.kubernetes.io/name') === 'api-gateway',
  )) {
    expect(field(o.object, 'metadata', 'labels', 'app.kubernetes.io/version'), `${o.kind}/${o.name}`).toBe(
      want,
    );
    expect(field(o.object, 'metadata', 'labels', 'helm.sh/chart')).toBe('api-gateway-0.1.0');
  }
});

forEachRender('names are valid and at most 63 characters, and unique per kind', (r) => {
  expect(rulesOf(r, 'chart/name')).toEqual([]);
  const seen = new Set<string>();
  for (const o of r.objects) {
    const key = `${o.kind}/${o.name}`;
    expect(seen.has(key), key).toBe(false);
    seen.add(key);
  }
  if (r.values.fullnameOverride) expect(api(r).name).toBe(r.values.fullnameOverride);
});

forEachRender('no hard-coded metadata.namespace', (r) => {
  expect(rulesOf(r, 'chart/no-namespace')).toEqual([]);
  expect(r.stdout).not.toMatch(/^\s+namespace:/m);
});

forEachRender('selectors use name, instance and component only and match their pods', (r) => {
  for (const rule of [
    'chart/selector',
    'chart/service-selector',
    'chart/pdb-selector',
    'chart/hpa-',
    'chart/ingress-backend',
  ]) {
    expect(rulesOf(r, rule)).toEqual([]);
  }
  expect(Object.keys(asStringMap(field(api(r).object, 'spec', 'selector', 'matchLabels'))).sort()).toEqual([
    'app.kubernetes.io/component',
    'app.kubernetes.io/instance',
    'app.kubernetes.io/name',
  ]);
});

forEachRender('the Service is ClusterIP-style on port 8000 to the named port http', (r) => {
  const svc = r.objects.find((o) => o.kind === 'Service' && o.name === api(r).name);
  expect(field(svc?.object, 'spec', 'type')).toBe((r.values.service as JsonObject).type);
  expect(asArray(field(svc?.object, 'spec', 'ports'))).toEqual([
    { name: 'http', port: (r.values.service as JsonObject).port, targetPort: 'http', protocol: 'TCP' },
  ]);
});

forEachRender(
  'the NetworkPolicy admits the ingress controller by namespace AND pod labels, and the test pod',
  (r) => {
    expect(rulesOf(r, 'chart/networkpolicy')).toEqual([]);
    const np = r.objects.find((o) => o.kind === 'NetworkPolicy');
    expect(np).toBeDefined();
    const settings = r.values.networkPolicy as JsonObject;
    const rules = asArray(field(np?.object, 'spec', 'ingress'));
    const controllerRule = rules.find((rule) =>
      asArray(field(rule, 'from')).some((p) => field(p, 'namespaceSelector')),
    );
    const peers = asArray(field(controllerRule, 'from'));
    expect(peers).toHaveLength(1);
    expect(field(peers[0], 'namespaceSelector', 'matchLabels')).toEqual({
      'kubernetes.io/metadata.name': field(settings, 'ingressController', 'namespace'),
    });
    expect(field(peers[0], 'podSelector', 'matchLabels')).toEqual(
      field(settings, 'ingressController', 'podLabels'),
    );
    const testPod = r.objects.find(
      (o) => o.kind === 'Pod' && field(o.object, 'metadata', 'annotations', 'helm.sh/hook') === 'test',
    );
    const testLabels = asStringMap(field(testPod?.object, 'metadata', 'labels'));
    const admitsTest = rules.some((rule) =>
      asArray(field(rule, 'from')).some((p) => {
        const sel = asStringMap(field(p, 'podSelector', 'matchLabels'));
        return (
          !field(p, 'namespaceSelector') &&
          Object.keys(sel).length > 0 &&
          Object.entries(sel).every(([k, v]) => testLabels[k] === v)
        );
      }),
    );
    expect(admitsTest).toBe(true);
    for (const peer of asArray(settings.extraFrom)) {
      expect(
        rules.some((rule) =>
          asArray(field(rule, 'from')).some((p) => JSON.stringify(p) === JSON.stringify(peer)),
        ),
      ).toBe(true);
    }
    const egress = field(settings, 'egress', 'enabled') === true;
    expect(asArray(field(np?.object, 'spec', 'policyTypes'))).toEqual(
      egress ? ['Ingress', 'Egress'] : ['Ingress'],
    );
  },
);

function expectedProbeHost(values: JsonObject): string {
  const first =
    String(field(values, 'env', 'ALLOWED_HOSTS'))
      .split(',')[0]
      ?.trim()
      .replace(/^\./, '') ?? '';
  return first === '*' || first === '' ? 'localhost' : first;
}

forEachRender(
  'probes: readiness on /api/health/ with an allowed Host, liveness apart from it, startup probe',
  (r) => {
    expect(rulesOf(r, 'chart/probe')).toEqual([]);
    const c = apiContainer(r);
    expect(field(c, 'readinessProbe', 'httpGet', 'path')).toBe('/api/health/');
    expect(field(c, 'readinessProbe', 'httpGet', 'port')).toBe('http');
    expect(asArray(field(c, 'readinessProbe', 'httpGet', 'httpHeaders'))).toEqual([
      { name: 'Host', value: expectedProbeHost(r.values) },
    ]);
    // Liveness must not depend on the database: never the readiness endpoint.
    expect(field(c, 'livenessProbe', 'httpGet', 'path')).not.toBe('/api/health/');
    expect(c.startupProbe).toBeDefined();
  },
);

forEachRender('migrations: a hook Job with weights and policies, or an initContainer, never both', (r) => {
  expect(rulesOf(r, 'chart/hook')).toEqual([]);
  const strategy = field(r.values, 'migrations', 'strategy');
  const job = r.objects.find((o) => o.kind === 'Job');
  const initNames = containersOf(podSpecOf(api(r))?.spec ?? {})
    .filter((c) => c.list === 'initContainers')
    .map((c) => c.name);
  expect(initNames).toContain('wait-for-database');
  if (strategy === 'hook') {
    expect(initNames).not.toContain('migrate');
    const a = asStringMap(field(job?.object, 'metadata', 'annotations'));
    expect(a).toEqual({
      'helm.sh/hook': 'pre-install,pre-upgrade',
      'helm.sh/hook-weight': '-5',
      'helm.sh/hook-delete-policy': 'before-hook-creation',
      'helm.sh/hook-output-log-policy': 'hook-failed',
    });
    const spec = field(job?.object, 'spec') as JsonObject;
    expect([spec.backoffLimit, spec.activeDeadlineSeconds, spec.ttlSecondsAfterFinished]).toEqual([
      1, 600, 3600,
    ]);
    expect(field(spec, 'template', 'spec', 'restartPolicy')).toBe('Never');
    const jobInit = containersOf(podSpecOf(job as K8sObject)?.spec ?? {}).map((c) => `${c.list}/${c.name}`);
    expect(jobInit).toEqual(['initContainers/wait-for-database', 'containers/migrate']);
    const hookSecrets = r.objects.filter(
      (o) => o.kind === 'Secret' && field(o.object, 'metadata', 'annotations', 'helm.sh/hook'),
    );
    if (field(r.values, 'secrets', 'existingSecret')) expect(hookSecrets).toEqual([]);
    else {
      expect(hookSecrets).toHaveLength(1);
      expect(
        Number(field(hookSecrets[0]?.object, 'metadata', 'annotations', 'helm.sh/hook-weight')),
      ).toBeLessThan(-5);
    }
  } else {
    expect(job).toBeUndefined();
    expect(initNames).toEqual(['wait-for-database', 'migrate']);
  }
});

function expectedImage(values: JsonObject): string {
  const image = values.image as JsonObject;
  if (image.digest) return `${image.repository}@${image.digest}`;
  return `${image.repository}:${image.tag || '1.2.0'}`;
}

forEachRender('images come from values and are pinned', (r) => {
  expect(rulesOf(r, 'chart/image')).toEqual([]);
  const allowed = new Set([
    expectedImage(r.values),
    `${field(r.values, 'tests', 'image', 'repository')}:${field(r.values, 'tests', 'image', 'tag')}`,
    'postgres:17.6-alpine',
    'redis:7.4.5-alpine',
  ]);
  for (const o of r.objects) {
    const pod = podSpecOf(o);
    if (!pod) continue;
    for (const c of containersOf(pod.spec))
      expect(allowed, `${o.kind}/${o.name} ${c.name}`).toContain(c.container.image);
  }
  expect(field(apiContainer(r), 'image')).toBe(expectedImage(r.values));
});

forEachRender('resources come from values with requests set', (r) => {
  expect(rulesOf(r, 'chart/resources')).toEqual([]);
  expect(apiContainer(r).resources).toEqual(r.values.resources);
});

forEachRender(
  'restricted security context: UID 1000, read-only root with /tmp, no service account token',
  (r) => {
    for (const rule of [
      'chart/read-only-root',
      'chart/run-as-group',
      'chart/service-account',
      'chart/tmp-volume',
    ]) {
      expect(rulesOf(r, rule)).toEqual([]);
    }
    for (const o of r.objects.filter(
      (x) => field(x.object, 'metadata', 'labels', 'app.kubernetes.io/name') === 'api-gateway',
    )) {
      const pod = podSpecOf(o);
      if (!pod) continue;
      expect(field(pod.spec, 'securityContext', 'runAsUser')).toBe(1000);
      for (const c of containersOf(pod.spec))
        expect(field(c.container, 'securityContext', 'runAsUser')).toBe(1000);
    }
    const accounts = r.objects.filter((o) => o.kind === 'ServiceAccount');
    for (const sa of accounts) expect(field(sa.object, 'automountServiceAccountToken'), sa.name).toBe(false);
    const used = field(podSpecOf(api(r))?.spec, 'serviceAccountName');
    expect(accounts.map((sa) => sa.name)).toContain(used);
  },
);

forEachRender('rolling update keeps every pod (maxUnavailable 0) and spreads replicas', (r) => {
  expect(rulesOf(r, 'chart/rolling-update')).toEqual([]);
  expect(rulesOf(r, 'chart/spread')).toEqual([]);
  expect(field(api(r).object, 'spec', 'strategy')).toEqual({
    type: 'RollingUpdate',
    rollingUpdate: { maxUnavailable: 0, maxSurge: 1 },
  });
});

forEachRender('pods roll when the Secret changes (checksum/secret)', (r) => {
  expect(rulesOf(r, 'chart/checksum')).toEqual([]);
  expect(podSpecOf(api(r))?.annotations['checksum/secret']).toMatch(/^[0-9a-f]{64}$/);
});

forEachRender('replicas from values, omitted when the HPA is on', (r) => {
  const hpa = r.objects.find((o) => o.kind === 'HorizontalPodAutoscaler');
  if (field(r.values, 'autoscaling', 'enabled') === true) {
    expect(hpa?.apiVersion).toBe('autoscaling/v2');
    expect(field(api(r).object, 'spec', 'replicas')).toBeUndefined();
  } else {
    expect(hpa).toBeUndefined();
    expect(field(api(r).object, 'spec', 'replicas')).toBe(r.values.replicaCount);
  }
});

forEachRender('secrets: existingSecret renders no Secret; otherwise one Secret with stable keys', (r) => {
  const existing = field(r.values, 'secrets', 'existingSecret');
  const secrets = r.objects.filter(
    (o) =>
      o.kind === 'Secret' &&
      field(o.object, 'metadata', 'labels', 'app.kubernetes.io/name') === 'api-gateway',
  );
  const envFrom = asArray(field(apiContainer(r), 'envFrom'));
  if (existing) {
    expect(secrets).toEqual([]);
    expect(envFrom).toEqual([{ secretRef: { name: existing } }]);
  } else {
    const main = secrets.find((s) => !field(s.object, 'metadata', 'annotations', 'helm.sh/hook'));
    expect(Object.keys(field(main?.object, 'data') as JsonObject).sort()).toEqual([
      'DATABASE_URL',
      'SECRET_KEY',
    ]);
    expect(envFrom).toEqual([{ secretRef: { name: main?.name } }]);
  }
});

forEachRender('the helm test pod calls /api/health/ through the Service with a pinned image', (r) => {
  const pod = r.objects.find(
    (o) => o.kind === 'Pod' && field(o.object, 'metadata', 'annotations', 'helm.sh/hook') === 'test',
  );
  const container = asArray(field(pod?.object, 'spec', 'containers'))[0];
  const args = asArray(field(container, 'command')).join(' ');
  expect(args).toContain(`http://${api(r).name}:${field(r.values, 'service', 'port')}/api/health/`);
  expect(args).toContain(`Host: ${expectedProbeHost(r.values)}`);
});

forEachRender(
  'the Ingress (networking.k8s.io/v1) follows the values and routes to the chart Service',
  (r) => {
    const ingress = r.objects.find((o) => o.kind === 'Ingress');
    const settings = r.values.ingress as JsonObject;
    if (settings.enabled !== true) {
      expect(ingress).toBeUndefined();
      return;
    }
    expect(ingress?.apiVersion).toBe('networking.k8s.io/v1');
    expect(field(ingress?.object, 'spec', 'ingressClassName')).toBe(settings.className);
    const backend = { service: { name: api(r).name, port: { name: 'http' } } };
    const want = asArray(settings.hosts).map((h) => ({
      host: field(h, 'host'),
      http: {
        paths: asArray(field(h, 'paths')).map((p) =>
          typeof p === 'string'
            ? { path: p, pathType: 'Prefix', backend }
            : { path: field(p, 'path'), pathType: field(p, 'pathType') ?? 'Prefix', backend },
        ),
      },
    }));
    expect(field(ingress?.object, 'spec', 'rules')).toEqual(want);
    const tls = asArray(settings.tls);
    expect(field(ingress?.object, 'spec', 'tls')).toEqual(tls.length > 0 ? tls : undefined);
  },
);

forEachRender('the PodDisruptionBudget is optional and selects the API pods', (r) => {
  const pdb = r.objects.find((o) => o.kind === 'PodDisruptionBudget');
  const settings = r.values.podDisruptionBudget as JsonObject;
  if (settings.enabled !== true) {
    expect(pdb).toBeUndefined();
    return;
  }
  expect(field(pdb?.object, 'spec', 'maxUnavailable')).toBe(settings.maxUnavailable);
  expect(field(pdb?.object, 'spec', 'selector')).toEqual(field(api(r).object, 'spec', 'selector'));
});

forEachRender('egress, when restricted, allows DNS and reaches the dev databases it enables', (r) => {
  const np = r.objects.find((o) => o.kind === 'NetworkPolicy');
  const egress = asArray(field(np?.object, 'spec', 'egress'));
  if (field(r.values, 'networkPolicy', 'egress', 'enabled') !== true) {
    expect(egress).toEqual([]);
    return;
  }
  const dns = egress.find((rule) => asArray(field(rule, 'ports')).some((p) => field(p, 'port') === 53));
  expect(asArray(field(dns, 'ports')).map((p) => field(p, 'protocol'))).toEqual(['UDP', 'TCP']);
  for (const [sub, port] of [
    ['postgresql', 5432],
    ['redis', 6379],
  ] as const) {
    const enabled = field(r.values, sub, 'enabled') === true;
    const rule = egress.find(
      (e) =>
        asArray(field(e, 'ports')).some((p) => field(p, 'port') === port) &&
        asArray(field(e, 'to')).some((t) => field(t, 'podSelector')),
    );
    expect(rule !== undefined, sub).toBe(enabled);
    if (!rule) continue;
    const selector = asStringMap(field(asArray(field(rule, 'to'))[0], 'podSelector', 'matchLabels'));
    const target = r.objects.find((o) => o.kind === 'Deployment' && o.path.includes(`/charts/${sub}/`));
    const labels = podSpecOf(target as K8sObject)?.labels ?? {};
    expect(
      Object.entries(selector).every(([k, v]) => labels[k] === v),
      sub,
    ).toBe(true);
  }
  for (const extra of asArray(field(r.values, 'networkPolicy', 'egress', 'extraTo')))
    expect(egress).toContainEqual(extra);
});

forEachRender('DATABASE_URL and REDIS_URL point at the dev subchart Services when they are on', (r) => {
  const services = r.objects.filter((o) => o.kind === 'Service').map((o) => o.name);
  const secret = r.objects.find(
    (o) => o.kind === 'Secret' && o.path.endsWith('templates/secret.yaml') && !o.path.includes('/charts/'),
  );
  const encoded = field(secret?.object, 'data', 'DATABASE_URL');
  if (field(r.values, 'postgresql', 'enabled') === true && !field(r.values, 'secrets', 'existingSecret')) {
    const url = new URL(atob(String(encoded)));
    expect(services).toContain(url.hostname);
    expect(url.port).toBe('5432');
    expect(decodeURIComponent(url.password)).toBe(field(r.values, 'postgresql', 'auth', 'password'));
  }
  const redis = asArray(field(apiContainer(r), 'env')).find((e) => field(e, 'name') === 'REDIS_URL');
  if (field(r.values, 'redis', 'enabled') === true) {
    expect(services).toContain(new URL(String(field(redis, 'value'))).hostname);
  } else {
    expect(redis).toBeUndefined();
  }
});

forEachRender('no warnings at all from lib/k8s', (r) => {
  expect(r.findings.map((f) => `${f.severity} ${f.kind}/${f.name}: ${f.rule}: ${f.message}`)).toEqual([]);
});

describe('rendering', () => {
  const args = renderArgs('values.prod.yaml');

  it('sanitises the version label (at most 63 characters, alphanumeric at both ends)', async () => {
    const tag = `v1.2.0_rc-1.${'9'.repeat(60)}.`;
    const result = await helm([...args, '--set', `image.tag=${tag}`]);
    expect(result.code).toBe(0);
    const { objects } = parseManifests(splitHelmOutput(result.stdout));
    const want = tag.slice(0, 63).replace(/[^A-Za-z0-9]+$/, '');
    for (const o of objects) {
      expect(field(o.object, 'metadata', 'labels', 'app.kubernetes.io/version'), `${o.kind}/${o.name}`).toBe(
        want,
      );
    }
    expect(
      checkManifests(splitHelmOutput(result.stdout)).filter((f) => f.rule === 'chart/label-syntax'),
    ).toEqual([]);
  });

  it('is identical on two runs (no randomness)', async () => {
    const [a, b] = await Promise.all([helm(args), helm(args)]);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
  });

  it('renders with --is-upgrade, the same as an install', async () => {
    const [install, upgrade] = await Promise.all([helm(args), helm([...args, '--is-upgrade'])]);
    expect(upgrade.code).toBe(0);
    expect(upgrade.stdout).toBe(install.stdout);
  });

  it('dev subcharts render only when enabled', () => {
    const prod = renders.find((r) => r.name.startsWith('values.prod.yaml @'));
    const dev = renders.find((r) => r.name.startsWith('values.dev.yaml @'));
    expect(prod?.objects.some((o) => o.path.includes('/charts/'))).toBe(false);
    expect(dev?.objects.filter((o) => o.kind === 'Deployment').map((o) => o.name)).toEqual([
      'api-gateway-postgresql',
      'api-gateway-redis',
      'api-gateway',
    ]);
    const env = asArray(field(apiContainer(dev as Render), 'env'));
    expect(env).toContainEqual({ name: 'REDIS_URL', value: 'redis://api-gateway-redis:6379/0' });
  });
});
