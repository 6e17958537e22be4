import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { gatewayFields, secretPaths } from '@/lib/gateway';
import { chartDir, shippedValuesFiles } from './helm';

type Obj = Record<string, unknown>;

function read(file: string): Obj {
  return load(readFileSync(join(chartDir, file), 'utf8')) as Obj;
}

function get(o: unknown, path: string): unknown {
  let node = o;
  for (const p of path.split('.')) node = (node as Obj | undefined)?.[p];
  return node;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

const semver = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;

describe('Chart.yaml and packaging files', () => {
  const chart = read('Chart.yaml');
  const cases: { name: string; input: string; want: (v: unknown) => boolean }[] = [
    { name: 'apiVersion v2', input: 'apiVersion', want: (v) => v === 'v2' },
    { name: 'strict SemVer version', input: 'version', want: (v) => typeof v === 'string' && semver.test(v) },
    { name: 'appVersion is a string', input: 'appVersion', want: (v) => typeof v === 'string' && v !== '' },
    { name: 'kubeVersion range', input: 'kubeVersion', want: (v) => v === '>=1.25.0-0' },
    { name: 'description', input: 'description', want: (v) => typeof v === 'string' && v.length > 20 },
    { name: 'maintainers', input: 'maintainers', want: (v) => Array.isArray(v) && v.length > 0 },
    { name: 'icon', input: 'icon', want: (v) => typeof v === 'string' && v.startsWith('https://') },
  ];
  for (const { name, input, want } of cases) {
    it(name, () => {
      expect(want(chart[input]), `${input}: ${JSON.stringify(chart[input])}`).toBe(true);
    });
  }

  it('depends on the local dev subcharts, each behind a condition, unpacked under charts/', () => {
    expect(chart.dependencies).toEqual([
      { name: 'postgresql', version: '0.1.0', condition: 'postgresql.enabled' },
      { name: 'redis', version: '0.1.0', condition: 'redis.enabled' },
    ]);
    for (const sub of ['postgresql', 'redis']) {
      expect(read(`charts/${sub}/Chart.yaml`).version).toBe('0.1.0');
    }
  });

  it('has a .helmignore that keeps local secrets files out of packages', () => {
    expect(readFileSync(join(chartDir, '.helmignore'), 'utf8')).toMatch(/^secrets\.\*\.yaml$/m);
  });

  it('has the templates the chart bar lists', () => {
    for (const t of [
      '_helpers.tpl',
      'deployment.yaml',
      'service.yaml',
      'ingress.yaml',
      'secret.yaml',
      'migration-job.yaml',
      'networkpolicy.yaml',
      'serviceaccount.yaml',
      'hpa.yaml',
      'pdb.yaml',
      'NOTES.txt',
      'tests/test-health.yaml',
    ]) {
      expect(existsSync(join(chartDir, 'templates', t)), t).toBe(true);
    }
  });

  it('uses no non-deterministic template function', () => {
    const offenders = filesUnder(chartDir)
      .filter((f) => /\.(yaml|tpl|txt)$/.test(f))
      .filter((f) =>
        /\b(rand\w*|uuidv4|now|genPrivateKey|genCA|genSelfSignedCert\w*|genSignedCert\w*|htpasswd|bcrypt|lookup)\b/.test(
          readFileSync(f, 'utf8').replace(/#.*$/gm, ''),
        ),
      )
      .map((f) => relative(chartDir, f));
    expect(offenders).toEqual([]);
  });
});

describe('values', () => {
  const defaults = read('values.yaml');

  it('keys are camelCase', () => {
    // env holds environment variable names (UPPER_SNAKE_CASE by convention); resource names are Kubernetes'.
    const bad = gatewayFields
      .filter((f) => !f.path.startsWith('env.') && !f.path.endsWith('.ephemeral-storage'))
      .flatMap((f) => f.path.split('.'))
      .filter((segment) => !/^[a-z][a-zA-Z0-9]*$/.test(segment));
    expect([...new Set(bad)]).toEqual([]);
  });

  it('no secret has a default in values.yaml', () => {
    for (const path of secretPaths) {
      const v = get(defaults, path);
      expect(v === '' || (typeof v === 'object' && v !== null && Object.keys(v).length === 0), path).toBe(
        true,
      );
    }
  });

  it('shipped values files hold only obvious placeholders as secrets', () => {
    for (const file of shippedValuesFiles()) {
      const values = read(file);
      for (const path of secretPaths) {
        const v = get(values, path);
        if (v === undefined || v === '' || typeof v === 'object') continue;
        expect(String(v), `${file}: ${path}`).toMatch(/not-a-secret|placeholder|insecure/);
        expect(file, `${path} set in a production example`).not.toMatch(/prod|staging/);
      }
    }
  });

  it('the seed keys keep their seed values in values.prod.yaml', () => {
    const prod = read('values.prod.yaml');
    expect(prod).toMatchObject({
      replicaCount: 2,
      image: { repository: 'devyusupov/statushawk-api-gateway', tag: 'v1.2.0' },
      service: { type: 'ClusterIP', port: 8000 },
      ingress: { enabled: true, hosts: [{ host: 'api-gateway.statushawk.internal', paths: ['/'] }] },
      resources: { limits: { cpu: '500m', memory: '512Mi' } },
      env: { DEBUG: 'False', DJANGO_SETTINGS_MODULE: 'config.settings.production' },
    });
    expect((prod.ingress as Obj).tls).toEqual([
      { secretName: 'api-gateway-tls', hosts: ['api-gateway.statushawk.internal'] },
    ]);
  });

  it('the chart defaults keep the seed values (image tag empty: it defaults to appVersion)', () => {
    expect(defaults).toMatchObject({
      replicaCount: 2,
      image: { repository: 'devyusupov/statushawk-api-gateway', tag: '' },
      service: { type: 'ClusterIP', port: 8000 },
      ingress: { enabled: true, className: 'nginx' },
      resources: { limits: { cpu: '500m', memory: '512Mi' } },
      env: { DEBUG: 'False', DJANGO_SETTINGS_MODULE: 'config.settings.production', ALLOWED_HOSTS: '' },
      migrations: { strategy: 'hook' },
      networkPolicy: { enabled: true },
      postgresql: { enabled: false },
      redis: { enabled: false },
    });
  });

  it('values.dev.yaml runs the subcharts, initContainer migrations and one replica', () => {
    expect(read('values.dev.yaml')).toMatchObject({
      replicaCount: 1,
      migrations: { strategy: 'initContainer' },
      postgresql: { enabled: true },
      redis: { enabled: true },
    });
  });

  it('no example uses the latest tag', () => {
    for (const file of shippedValuesFiles()) {
      expect(get(read(file), 'image.tag'), file).not.toBe('latest');
    }
  });
});
