import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, helmPath, test } from './fixtures';
import { SECRET_LABELS, StudioPage } from './pages/studio-page';

const chart = join(process.cwd(), 'chart-template', 'api-gateway');

// secretsYaml writes the secrets the page holds as a secrets.<env>.yaml (values nested by path).
function secretsYaml(secrets: Record<string, string>): string {
  const tree: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(secrets)) {
    const keys = path.split('.');
    let cur = tree;
    for (const k of keys.slice(0, -1)) cur = (cur[k] ??= {}) as Record<string, unknown>;
    cur[keys[keys.length - 1]!] = value;
  }
  const lines: string[] = [];
  const walk = (node: Record<string, unknown>, indent: string) => {
    for (const [k, v] of Object.entries(node)) {
      if (typeof v === 'string') lines.push(`${indent}${k}: ${JSON.stringify(v)}`);
      else {
        lines.push(`${indent}${k}:`);
        walk(v as Record<string, unknown>, `${indent}  `);
      }
    }
  };
  walk(tree, '');
  return lines.length ? `${lines.join('\n')}\n` : '';
}

// helmTemplate runs the real helm binary on the repository's chart with the page's values and secrets.
async function helmTemplate(
  release: string,
  namespace: string,
  env: string,
  values: string,
  secrets: string,
) {
  const dir = mkdtempSync(join(tmpdir(), 'studio-e2e-'));
  const valuesFile = join(dir, `values.${env}.yaml`);
  const secretsFile = join(dir, `secrets.${env}.yaml`);
  writeFileSync(valuesFile, values);
  writeFileSync(secretsFile, secrets);
  return execFileSync(
    await helmPath(),
    ['template', release, chart, '--namespace', namespace, '-f', valuesFile, '-f', secretsFile],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
}

test.describe('the preview is what helm template prints', () => {
  for (const env of ['dev', 'staging', 'prod']) {
    test(`${env}: shipped values plus secrets`, async ({ page }) => {
      const studio = new StudioPage(page);
      await studio.goto();
      await studio.selectEnvironment(env);
      if (env !== 'dev') {
        await studio.setSecret('secrets.djangoSecretKey', `key-for-${env}`);
        await studio.setSecret('secrets.databaseUrl', `postgres://app:pw@db.${env}:5432/app`);
      }
      await studio.waitForRender();
      const values = await studio.yaml();
      const secrets = await studio.secrets();
      expect(Object.keys(secrets).every((k) => k in SECRET_LABELS || k.startsWith('secrets.extra.'))).toBe(
        true,
      );
      const want = await helmTemplate('api-gateway', 'api-gateway', env, values, secretsYaml(secrets));
      expect(await studio.previewText()).toBe(want);
    });
  }

  test('after form edits: replicas, image tag, memory limit, env var, ingress host', async ({ page }) => {
    const studio = new StudioPage(page);
    await studio.goto();
    await studio.selectEnvironment('prod');
    await studio.setRelease('gw', 'apps');
    await studio.setSecret('secrets.djangoSecretKey', 'k');
    await studio.setSecret('secrets.databaseUrl', 'postgres://u:p@h:5432/d');
    await studio.addSecretVariable('API_TOKEN', 'tok-"quoted"');
    await studio.setReplicas(3);
    await studio.setImageTag('1.10');
    await studio.setMemoryLimit('768Mi');
    await studio.addVariable('GREETING', 'yes: "quoted" # not a comment');
    await studio.setHost(0, 'api.example.com');
    await expect.poll(() => studio.yaml()).toContain('api.example.com');
    await studio.waitForRender();
    const want = await helmTemplate(
      'gw',
      'apps',
      'prod',
      await studio.yaml(),
      secretsYaml(await studio.secrets()),
    );
    const got = await studio.previewText();
    expect(got).toBe(want);
    for (const kind of ['Deployment', 'Service', 'Ingress', 'Secret', 'NetworkPolicy', 'Job']) {
      expect(got).toContain(`kind: ${kind}\n`);
    }
  });
});
