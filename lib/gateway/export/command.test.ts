import { describe, expect, it } from 'vitest';
import { buildHelmCommand, type HelmCommandOptions, shellQuote } from './command';

const base: HelmCommandOptions = {
  release: 'api-gateway',
  namespace: 'prod',
  environment: 'prod',
  chart: { kind: 'tgz', name: 'api-gateway', version: '0.1.0' },
  withSecrets: true,
  timeout: '5m',
  helmMajor: 4,
  dryRun: false,
};

describe('buildHelmCommand', () => {
  const cases: { name: string; input: Partial<HelmCommandOptions>; want: string }[] = [
    {
      name: 'helm 4 with secrets and a local package',
      input: {},
      want: 'helm upgrade --install api-gateway ./api-gateway-0.1.0.tgz --namespace prod --create-namespace -f values.prod.yaml -f secrets.prod.yaml --wait --timeout 5m --rollback-on-failure',
    },
    {
      name: 'helm 3 uses --atomic',
      input: { helmMajor: 3, withSecrets: false },
      want: 'helm upgrade --install api-gateway ./api-gateway-0.1.0.tgz --namespace prod --create-namespace -f values.prod.yaml --wait --timeout 5m --atomic',
    },
    {
      name: 'dry run on helm 4 is client side',
      input: {
        dryRun: true,
        withSecrets: false,
        chart: { kind: 'folder', path: 'chart-template/api-gateway' },
      },
      want: 'helm upgrade --install api-gateway ./chart-template/api-gateway --namespace prod --create-namespace -f values.prod.yaml --wait --timeout 5m --rollback-on-failure --dry-run=client',
    },
    {
      name: 'OCI reference with a version',
      input: {
        withSecrets: false,
        chart: { kind: 'oci', url: 'oci://registry.example/charts/api-gateway', version: '1.2.0' },
      },
      want: 'helm upgrade --install api-gateway oci://registry.example/charts/api-gateway --version 1.2.0 --namespace prod --create-namespace -f values.prod.yaml --wait --timeout 5m --rollback-on-failure',
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = buildHelmCommand({ ...base, ...c.input });
      expect(r).toMatchObject({ ok: true, command: c.want });
      expect(r.ok && r.command).not.toContain('--reuse-values');
    });
  }

  const refusals: { name: string; input: Partial<HelmCommandOptions>; want: RegExp }[] = [
    { name: 'uppercase release', input: { release: 'API' }, want: /^Release name: .*lowercase/ },
    { name: 'release too long', input: { release: 'a'.repeat(54) }, want: /^Release name: .*53/ },
    { name: 'namespace with a dot', input: { namespace: 'a.b' }, want: /^Namespace: / },
    { name: 'bad timeout', input: { timeout: 'five minutes' }, want: /^Timeout: / },
    {
      name: 'bad OCI reference',
      input: { chart: { kind: 'oci', url: 'https://x/y' } },
      want: /^Chart: .*oci:\/\//,
    },
  ];
  for (const c of refusals) {
    it(`refuses ${c.name}`, () => {
      const r = buildHelmCommand({ ...base, ...c.input });
      expect(r.ok).toBe(false);
      expect(r.ok ? '' : r.error).toMatch(c.want);
    });
  }
});

describe('shellQuote', () => {
  const cases = [
    { name: 'plain word', input: 'values.prod.yaml', want: 'values.prod.yaml' },
    { name: 'space', input: 'a b', want: "'a b'" },
    { name: 'single quote', input: "it's", want: `'it'"'"'s'` },
    { name: 'dollar', input: '$HOME', want: "'$HOME'" },
  ];
  for (const c of cases) it(c.name, () => expect(shellQuote(c.input)).toBe(c.want));
});
