import { describe, expect, it } from 'vitest';
import {
  fieldMeta,
  gatewayFields,
  quantityAmount,
  secretPaths,
  validateGatewayValues,
  valuesJsonSchema,
} from './schema';

// base is a complete, valid set of values (the chart's defaults with the required settings filled in).
function base(): Record<string, unknown> {
  return {
    nameOverride: '',
    fullnameOverride: '',
    replicaCount: 2,
    image: {
      repository: 'devyusupov/statushawk-api-gateway',
      tag: '',
      digest: '',
      pullPolicy: 'IfNotPresent',
    },
    imagePullSecrets: [],
    serviceAccount: { create: true, name: '', annotations: {} },
    podAnnotations: {},
    podLabels: {},
    securityContext: { runAsUser: 1000, runAsGroup: 1000, fsGroup: 1000 },
    containerPort: 8000,
    service: { type: 'ClusterIP', port: 8000 },
    ingress: {
      enabled: true,
      className: 'nginx',
      annotations: {},
      hosts: [{ host: 'api-gateway.statushawk.internal', paths: ['/'] }],
      tls: [],
    },
    resources: { requests: { cpu: '100m', memory: '256Mi' }, limits: { cpu: '500m', memory: '512Mi' } },
    env: {
      DEBUG: 'False',
      DJANGO_SETTINGS_MODULE: 'config.settings.production',
      ALLOWED_HOSTS: 'a.example.com',
    },
    secrets: { existingSecret: '', djangoSecretKey: 'k', databaseUrl: 'postgres://u:p@h:5432/d', extra: {} },
    migrations: {
      enabled: true,
      strategy: 'hook',
      command: ['python', 'manage.py', 'migrate', '--noinput'],
      backoffLimit: 1,
      activeDeadlineSeconds: 600,
      ttlSecondsAfterFinished: 3600,
    },
    waitForDatabase: { enabled: true, timeoutSeconds: 120 },
    probes: {
      host: '',
      readiness: { path: '/api/health/', periodSeconds: 10, timeoutSeconds: 3, failureThreshold: 3 },
      liveness: { path: '', periodSeconds: 20, timeoutSeconds: 3, failureThreshold: 3 },
      startup: { periodSeconds: 5, failureThreshold: 30 },
    },
    autoscaling: {
      enabled: false,
      minReplicas: 2,
      maxReplicas: 10,
      targetCPUUtilizationPercentage: 80,
      targetMemoryUtilizationPercentage: 0,
    },
    podDisruptionBudget: { enabled: true, maxUnavailable: 1 },
    networkPolicy: {
      enabled: true,
      ingressController: {
        namespace: 'ingress-nginx',
        podLabels: { 'app.kubernetes.io/name': 'ingress-nginx' },
      },
      extraFrom: [],
      egress: { enabled: false, extraTo: [] },
    },
    nodeSelector: {},
    tolerations: [],
    affinity: {},
    topologySpreadConstraints: [],
    tests: { image: { repository: 'busybox', tag: '1.37.0' } },
    postgresql: { enabled: false, auth: { username: 'app', password: '', database: 'app' } },
    redis: { enabled: false },
  };
}

// withValue returns base() with the value at a dotted path replaced (or removed when value is undefined).
function withValue(path: string, value: unknown): Record<string, unknown> {
  const root = base();
  const keys = path.split('.');
  let node: Record<string, unknown> = root;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  const last = keys[keys.length - 1] as string;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return root;
}

describe('quantityAmount', () => {
  const cases: { name: string; input: unknown; want: number | null }[] = [
    { name: 'millicores', input: '500m', want: 0.5 },
    { name: 'a decimal', input: '1.5', want: 1.5 },
    { name: 'a number', input: 2, want: 2 },
    { name: 'binary suffix', input: '1.5Gi', want: 1.5 * 2 ** 30 },
    { name: 'decimal suffix', input: '500M', want: 5e8 },
    { name: 'exponent', input: '1e3', want: 1000 },
    { name: 'a leading dot', input: '.5', want: 0.5 },
    { name: 'not a quantity', input: 'abc', want: null },
    { name: 'not text', input: true, want: null },
  ];
  for (const c of cases) it(c.name, () => expect(quantityAmount(c.input)).toBe(c.want));
});

describe('validateGatewayValues', () => {
  const accepted: { name: string; input: [string, unknown] }[] = [
    { name: 'cpu in millicores', input: ['resources.limits.cpu', '500m'] },
    { name: 'cpu as a whole number', input: ['resources.limits.cpu', 1] },
    { name: 'cpu as a decimal string', input: ['resources.limits.cpu', '1.5'] },
    { name: 'cpu as a decimal number', input: ['resources.requests.cpu', 0.25] },
    { name: 'memory in Gi', input: ['resources.limits.memory', '2Gi'] },
    { name: 'memory in decimal M', input: ['resources.requests.memory', '256M'] },
    { name: 'memory with an exponent', input: ['resources.limits.memory', '1e9'] },
    {
      name: 'ephemeral storage',
      input: ['resources.limits', { memory: '512Mi', 'ephemeral-storage': '1Gi' }],
    },
    { name: 'wildcard ingress host', input: ['ingress.hosts', [{ host: '*.example.com', paths: ['/'] }]] },
    {
      name: 'path object with pathType',
      input: ['ingress.hosts', [{ host: 'a.example.com', paths: [{ path: '/api', pathType: 'Exact' }] }]],
    },
    { name: 'tag v1.2.0', input: ['image.tag', 'v1.2.0'] },
    { name: 'registry with port', input: ['image.repository', 'registry.example.com:5000/team/api'] },
    { name: 'digest', input: ['image.digest', `sha256:${'a'.repeat(64)}`] },
    { name: 'zero replicas', input: ['replicaCount', 0] },
    { name: 'percentage maxUnavailable', input: ['podDisruptionBudget.maxUnavailable', '25%'] },
    { name: 'existing secret name', input: ['secrets.existingSecret', 'api-env'] },
    { name: 'global values', input: ['global', { imageRegistry: 'x' }] },
    {
      name: 'ALLOWED_HOSTS with a subdomain wildcard',
      input: ['env.ALLOWED_HOSTS', '.example.com, localhost'],
    },
    { name: 'ALLOWED_HOSTS star', input: ['env.ALLOWED_HOSTS', '*'] },
    { name: 'ALLOWED_HOSTS with an IPv6 address', input: ['env.ALLOWED_HOSTS', 'api.example.com,[::1]'] },
    { name: 'ALLOWED_HOSTS empty (the chart asks for it at render time)', input: ['env.ALLOWED_HOSTS', ''] },
  ];
  for (const { name, input } of accepted) {
    it(`accepts ${name}`, () => {
      const result = validateGatewayValues(withValue(input[0], input[1]));
      expect(result.ok ? [] : result.issues).toEqual([]);
    });
  }

  const rejected: { name: string; input: [string, unknown]; want: { path: string; message: RegExp } }[] = [
    {
      name: 'replicaCount "two"',
      input: ['replicaCount', 'two'],
      want: { path: 'replicaCount', message: /Replicas must be a whole number/ },
    },
    {
      name: 'fractional replicas',
      input: ['replicaCount', 1.5],
      want: { path: 'replicaCount', message: /Replicas must be a whole number/ },
    },
    {
      name: 'negative replicas',
      input: ['replicaCount', -1],
      want: { path: 'replicaCount', message: /Replicas must be at least 0/ },
    },
    {
      name: 'malformed cpu',
      input: ['resources.limits.cpu', '500mm'],
      want: {
        path: 'resources.limits.cpu',
        message: /CPU must be a Kubernetes quantity such as 500m, 1 or 1.5/,
      },
    },
    {
      name: 'cpu with a space',
      input: ['resources.requests.cpu', '1 core'],
      want: { path: 'resources.requests.cpu', message: /CPU must be a Kubernetes quantity/ },
    },
    {
      name: 'memory in lower-case units',
      input: ['resources.limits.memory', '512mi'],
      want: { path: 'resources.limits.memory', message: /Kubernetes quantity such as 512Mi/ },
    },
    {
      name: 'memory as a bare number',
      input: ['resources.limits.memory', 512],
      want: { path: 'resources.limits.memory', message: /must be text/ },
    },
    {
      name: 'upper-case host',
      input: ['ingress.hosts', [{ host: 'API.example.com', paths: ['/'] }]],
      want: { path: 'ingress.hosts.0.host', message: /DNS name/ },
    },
    {
      name: 'host with an underscore',
      input: ['ingress.hosts', [{ host: 'api_gw.example.com', paths: ['/'] }]],
      want: { path: 'ingress.hosts.0.host', message: /DNS name/ },
    },
    {
      name: 'path without slash',
      input: ['ingress.hosts', [{ host: 'a.example.com', paths: ['api'] }]],
      want: { path: 'ingress.hosts.0.paths.0', message: /path/ },
    },
    {
      name: 'tag with a colon',
      input: ['image.tag', 'v1:2'],
      want: { path: 'image.tag', message: /Image tag may contain/ },
    },
    {
      name: 'tag as a number',
      input: ['image.tag', 1.2],
      want: { path: 'image.tag', message: /quote numbers/ },
    },
    {
      name: 'upper-case repository',
      input: ['image.repository', 'Devyusupov/API'],
      want: { path: 'image.repository', message: /lower case/ },
    },
    {
      name: 'unquoted boolean env var',
      input: ['env', { DEBUG: false }],
      want: { path: 'env.DEBUG', message: /quote them/ },
    },
    {
      name: 'ALLOWED_HOSTS with a scheme',
      input: ['env.ALLOWED_HOSTS', 'https://api.example.com'],
      want: { path: 'env.ALLOWED_HOSTS', message: /host names separated by commas/ },
    },
    {
      name: 'ALLOWED_HOSTS with a port',
      input: ['env.ALLOWED_HOSTS', 'api.example.com:8000'],
      want: { path: 'env.ALLOWED_HOSTS', message: /no ports/ },
    },
    {
      name: 'env var name with a dash',
      input: ['env', { 'MY-VAR': 'x' }],
      want: { path: 'env.MY-VAR', message: /Environment variable names/ },
    },
    {
      name: 'unknown strategy',
      input: ['migrations.strategy', 'job'],
      want: { path: 'migrations.strategy', message: /hook or initContainer/ },
    },
    {
      name: 'root user',
      input: ['securityContext.runAsUser', 0],
      want: { path: 'securityContext.runAsUser', message: /User ID must be at least 1/ },
    },
    {
      name: 'service type',
      input: ['service.type', 'ExternalName'],
      want: { path: 'service.type', message: /ClusterIP, NodePort or LoadBalancer/ },
    },
    {
      name: 'port out of range',
      input: ['service.port', 70000],
      want: { path: 'service.port', message: /Service port must be at most 65535/ },
    },
    {
      name: 'database URL without a scheme',
      input: ['secrets.databaseUrl', 'db.example.com'],
      want: { path: 'secrets.databaseUrl', message: /postgres:\/\// },
    },
    {
      name: 'unknown top-level key',
      input: ['replicas', 3],
      want: { path: '', message: /Unknown setting "replicas": check the spelling/ },
    },
    {
      name: 'unknown nested key',
      input: ['image.tags', 'v1'],
      want: { path: 'image', message: /Unknown setting "tags"/ },
    },
    {
      name: 'a CPU limit below the request (100m)',
      input: ['resources.limits.cpu', '50m'],
      want: {
        path: 'resources.limits.cpu',
        message: /^The CPU limit must be at least the CPU request \(100m\): Kubernetes refuses/,
      },
    },
    {
      name: 'a memory limit below the request (256Mi)',
      input: ['resources.limits.memory', '0.2Gi'],
      want: { path: 'resources.limits.memory', message: /memory limit must be at least the memory request/ },
    },
    {
      name: 'a maximum of replicas below the minimum (2)',
      input: ['autoscaling.maxReplicas', 1],
      want: {
        path: 'autoscaling.maxReplicas',
        message: /^Maximum replicas must be at least Minimum replicas \(2\)$/,
      },
    },
  ];
  for (const { name, input, want } of rejected) {
    it(`rejects ${name}`, () => {
      const result = validateGatewayValues(withValue(input[0], input[1]));
      expect(result.ok).toBe(false);
      if (result.ok) return;
      const issue = result.issues.find((i) => i.path === want.path);
      expect(issue, JSON.stringify(result.issues)).toBeDefined();
      expect(issue?.message).toMatch(want.message);
    });
  }
});

describe('field metadata', () => {
  it('describes every value', () => {
    expect(gatewayFields.length).toBeGreaterThan(80);
    for (const f of gatewayFields) expect(f.description.length, f.path).toBeGreaterThan(10);
  });

  const cases: { name: string; input: string; want: { group: string; secret: boolean } | undefined }[] = [
    { name: 'replicas', input: 'replicaCount', want: { group: 'General', secret: false } },
    {
      name: 'image tag inherits its section group',
      input: 'image.tag',
      want: { group: 'Image', secret: false },
    },
    { name: 'django secret key', input: 'secrets.djangoSecretKey', want: { group: 'Secrets', secret: true } },
    {
      name: 'existing secret name is not secret',
      input: 'secrets.existingSecret',
      want: { group: 'Secrets', secret: false },
    },
    {
      name: 'dev database password',
      input: 'postgresql.auth.password',
      want: { group: 'Development databases', secret: true },
    },
    { name: 'ALLOWED_HOSTS', input: 'env.ALLOWED_HOSTS', want: { group: 'Environment', secret: false } },
    { name: 'unknown path', input: 'nope.nothing', want: undefined },
  ];
  for (const { name, input, want } of cases) {
    it(name, () => {
      const meta = fieldMeta(input);
      expect(meta === undefined ? undefined : { group: meta.group, secret: meta.secret }).toEqual(want);
    });
  }

  it('lists the secret paths', () => {
    expect([...secretPaths].sort()).toEqual([
      'postgresql.auth.password',
      'secrets.databaseUrl',
      'secrets.djangoSecretKey',
      'secrets.extra',
    ]);
  });
});

describe('valuesJsonSchema', () => {
  const schema = valuesJsonSchema();
  const props = schema.properties as Record<string, Record<string, unknown>>;

  it('is JSON Schema 2020-12, closed at the top level, with no required lists', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.additionalProperties).toBe(false);
    expect(JSON.stringify(schema)).not.toContain('"required"');
    expect(JSON.stringify(schema)).not.toContain('"$ref"');
  });

  const cases: { name: string; input: string; want: Record<string, unknown> }[] = [
    { name: 'replicaCount', input: 'replicaCount', want: { type: 'integer', minimum: 0 } },
    { name: 'containerPort', input: 'containerPort', want: { type: 'integer', minimum: 1, maximum: 65535 } },
  ];
  for (const { name, input, want } of cases) {
    it(`keeps the bounds of ${name}`, () => {
      expect(props[input]).toMatchObject(want);
    });
  }

  it('has a description on every property', () => {
    const missing: string[] = [];
    const visit = (node: unknown, path: string) => {
      if (node === null || typeof node !== 'object') return;
      const n = node as Record<string, unknown>;
      if (n.properties) {
        for (const [k, v] of Object.entries(n.properties as Record<string, Record<string, unknown>>)) {
          if (typeof v.description !== 'string') missing.push(`${path}/${k}`);
          visit(v, `${path}/${k}`);
        }
      }
      for (const key of ['items', 'anyOf', 'additionalProperties']) {
        const child = n[key];
        if (Array.isArray(child)) for (const c of child) visit(c, path);
        else visit(child, path);
      }
    };
    visit(schema, '');
    expect(missing).toEqual([]);
  });
});
