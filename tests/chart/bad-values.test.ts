import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chartDir, helm, sandboxDir } from './helm';

const allowedHosts = ['--set', 'env.ALLOWED_HOSTS=api.example.com'];
const secretKey = ['--set', 'secrets.djangoSecretKey=test-only-not-a-secret'];
const databaseUrl = ['--set', 'secrets.databaseUrl=postgres://app:test-only@db.example.com:5432/app'];
const valid = [...allowedHosts, ...secretKey, ...databaseUrl];

function valuesFile(name: string, text: string): string[] {
  const path = join(sandboxDir, name);
  writeFileSync(path, text);
  return ['-f', path];
}

// Each case makes `helm template` fail; `want` is the text the user reads (Helm prints `Error: ` + it).
const cases: { name: string; input: string[]; want: string[] }[] = [
  {
    name: 'the defaults alone: ALLOWED_HOSTS missing',
    input: [],
    want: ['env.ALLOWED_HOSTS is required: set it to the comma-separated host names Django serves'],
  },
  {
    name: 'the Django secret key missing',
    input: [...allowedHosts, ...databaseUrl],
    want: ['secrets.djangoSecretKey is required', 'or set secrets.existingSecret'],
  },
  {
    name: 'the database settings missing',
    input: [...allowedHosts, ...secretKey],
    want: [
      'secrets.databaseUrl is required: set it to postgres://USER:PASSWORD@HOST:5432/NAME',
      'postgresql.enabled=true',
    ],
  },
  {
    name: 'the dev database password missing',
    input: [
      ...allowedHosts,
      ...secretKey,
      '--set',
      'postgresql.enabled=true',
      '--set',
      'migrations.strategy=initContainer',
    ],
    want: ['postgresql.auth.password is required when postgresql.enabled=true'],
  },
  {
    name: 'the hook strategy with the dev PostgreSQL',
    input: [
      ...allowedHosts,
      ...secretKey,
      '--set',
      'postgresql.enabled=true',
      '--set',
      'postgresql.auth.password=test-only',
    ],
    want: [
      'migrations.strategy=hook cannot be used with postgresql.enabled=true',
      'Set migrations.strategy=initContainer',
    ],
  },
  {
    name: 'replicaCount "two"',
    input: [...valid, ...valuesFile('two.yaml', 'replicaCount: "two"\n')],
    want: [
      "values don't meet the specifications of the schema",
      "at '/replicaCount': got string, want integer",
    ],
  },
  {
    name: 'a negative replica count',
    input: [...valid, '--set', 'replicaCount=-1'],
    want: ["at '/replicaCount': minimum: got -1, want 0"],
  },
  {
    name: 'a malformed CPU quantity',
    input: [...valid, '--set', 'resources.limits.cpu=500mm'],
    want: ["at '/resources/limits/cpu'", "'500mm' does not match pattern"],
  },
  {
    name: 'a malformed memory quantity',
    input: [...valid, '--set', 'resources.requests.memory=512MB'],
    want: ["at '/resources/requests/memory': '512MB' does not match pattern"],
  },
  {
    name: 'an unknown top-level key',
    input: [...valid, ...valuesFile('typo.yaml', 'replicas: 3\n')],
    want: ["at '': additional properties 'replicas' not allowed"],
  },
  {
    name: 'an unknown nested key',
    input: [...valid, ...valuesFile('nested-typo.yaml', 'image:\n  tags: v1\n')],
    want: ["at '/image': additional properties 'tags' not allowed"],
  },
  {
    name: 'an unquoted boolean env var',
    input: [...valid, ...valuesFile('debug.yaml', 'env:\n  DEBUG: false\n')],
    want: ["at '/env/DEBUG': got boolean, want string"],
  },
  {
    name: 'an ingress host that is not a DNS name',
    input: [...valid, '--set', 'ingress.hosts[0].host=API_Gateway', '--set', 'ingress.hosts[0].paths[0]=/'],
    want: ["at '/ingress/hosts/0/host': 'API_Gateway' does not match pattern"],
  },
  {
    name: 'ALLOWED_HOSTS with a URL instead of host names',
    input: [...valid, '--set', 'env.ALLOWED_HOSTS=https://api.example.com'],
    want: ["at '/env/ALLOWED_HOSTS': 'https://api.example.com' does not match pattern"],
  },
  {
    name: 'an unknown migration strategy',
    input: [...valid, '--set', 'migrations.strategy=job'],
    want: ["at '/migrations/strategy': value must be one of 'hook', 'initContainer'"],
  },
  {
    name: 'a Kubernetes version below the chart kubeVersion',
    input: [...valid, '--kube-version', '1.24.0'],
    want: ['chart requires kubeVersion: >=1.25.0-0 which is incompatible with Kubernetes v1.24.0'],
  },
];

describe('bad values stop helm template with a message a user understands', () => {
  const results = new Map(
    cases.map((c) => [c.name, helm(['template', 'api-gateway', chartDir, ...c.input])]),
  );
  for (const { name, want } of cases) {
    it(name, async () => {
      const result = await results.get(name);
      expect(result?.code).toBe(1);
      expect(result?.stdout).toBe('');
      for (const w of want) expect(result?.stderr).toContain(w);
    });
  }

  it('the required checks hold under --skip-schema-validation', async () => {
    const result = await helm(['template', 'api-gateway', chartDir, '--skip-schema-validation']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('env.ALLOWED_HOSTS is required');
  });

  it('helm lint rejects wrong types too (the schema is enforced by lint)', async () => {
    const result = await helm(['lint', '--strict', chartDir, '--set-string', 'replicaCount=two']);
    expect(result.code).not.toBe(0);
    expect(result.stdout + result.stderr).toContain("at '/replicaCount': got string, want integer");
  });

  it('a valid set of values renders (the cases above fail for their own reason only)', async () => {
    const result = await helm(['template', 'api-gateway', chartDir, ...valid]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });
});
