import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import JSZip from 'jszip';
import { expect, helmPath, test } from './fixtures';
import { ExportPanel } from './pages/export-panel';
import { StudioPage } from './pages/studio-page';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

const chart = join(process.cwd(), 'chart-template', 'api-gateway');

function helm(bin: string, args: string[], cwd?: string, env?: Record<string, string>) {
  const r = spawnSync(bin, args, {
    cwd,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tree(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(root, p)] = readFileSync(p, 'utf8');
    }
  };
  walk(root);
  return out;
}

async function setSecrets(studio: StudioPage, env: string): Promise<void> {
  if (env === 'dev') return;
  await studio.setSecret('secrets.djangoSecretKey', `not-a-real-key-${env}`);
  await studio.setSecret('secrets.databaseUrl', `postgres://app:pw@db.${env}:5432/app`);
}

test.describe('export', () => {
  for (const env of ['dev', 'staging', 'prod']) {
    test(`${env}: helm lints and renders the downloaded chart, values and secrets as the preview shows`, async ({
      page,
    }) => {
      const bin = await helmPath();
      const dir = mkdtempSync(join(tmpdir(), `export-${env}-`));
      const studio = new StudioPage(page);
      const panel = new ExportPanel(page);
      await studio.goto();
      await studio.selectEnvironment(env);
      await studio.setRelease('api-gateway', env);
      await setSecrets(studio, env);
      await studio.waitForRender();
      const preview = await studio.previewText();

      await panel.open();
      const tgz = await panel.download('Download chart', dir);
      expect(tgz.name).toBe('api-gateway-0.1.0.tgz');
      const values = await panel.download('Download values', dir);
      expect(values.name).toBe(`values.${env}.yaml`);
      // Every environment holds secrets: staging and prod from the form, dev from its shipped values
      // (the studio moves them out of the overlay into the secrets section).
      const secrets = await panel.download('Download secrets', dir);
      expect(secrets.name).toBe(`secrets.${env}.yaml`);
      const secretsText = readFileSync(secrets.path, 'utf8');
      expect(secretsText).toMatch(/^# secrets\.\w+\.yaml: SECRET VALUES/);
      const secretValue = env === 'dev' ? 'dev-insecure-secret-key' : `not-a-real-key-${env}`;
      expect(secretsText).toContain(secretValue);
      expect(readFileSync(values.path, 'utf8')).not.toContain(secretValue);
      const files = ['-f', values.path, '-f', secrets.path];

      const lint = helm(bin, ['lint', '--strict', tgz.path, ...files]);
      expect(lint.stdout, lint.stderr).toContain('1 chart(s) linted, 0 chart(s) failed');
      const rendered = helm(bin, ['template', 'api-gateway', tgz.path, '--namespace', env, ...files]);
      expect(rendered.stderr).toBe('');
      expect(rendered.code).toBe(0);
      expect(rendered.stdout).toBe(preview);
    });
  }

  test('the package has what helm package makes', async ({ page }) => {
    const bin = await helmPath();
    const dir = mkdtempSync(join(tmpdir(), 'export-pkg-'));
    const studio = new StudioPage(page);
    const panel = new ExportPanel(page);
    await studio.goto();
    await panel.open();
    const ours = await panel.download('Download chart', dir);
    const theirs = join(dir, 'helm');
    mkdirSync(theirs);
    expect(helm(bin, ['package', chart, '--destination', theirs]).code).toBe(0);
    for (const [name, file] of [
      ['ours', ours.path],
      ['theirs', join(theirs, 'api-gateway-0.1.0.tgz')],
    ]) {
      mkdirSync(join(dir, `x-${name}`));
      execFileSync('tar', ['-xzf', file!, '-C', join(dir, `x-${name}`)]);
    }
    expect(tree(join(dir, 'x-ours'))).toEqual(tree(join(dir, 'x-theirs')));
    expect(helm(bin, ['show', 'chart', ours.path]).stdout).toMatch(/^name: api-gateway$/m);
    expect(helm(bin, ['show', 'values', ours.path]).code).toBe(0);
  });

  test('a chosen version and baked values end up in the package, never the secrets', async ({ page }) => {
    const bin = await helmPath();
    const dir = mkdtempSync(join(tmpdir(), 'export-bake-'));
    const studio = new StudioPage(page);
    const panel = new ExportPanel(page);
    await studio.goto();
    await studio.selectEnvironment('prod');
    await setSecrets(studio, 'prod');
    await studio.setReplicas(4);
    await studio.waitForRender();
    await panel.open();
    await panel.setVersion('1.3.0-rc.1');
    await page.getByLabel(/^Bake the prod values into the chart/).check();
    const tgz = await panel.download('Download chart', dir);
    expect(tgz.name).toBe('api-gateway-1.3.0-rc.1.tgz');
    expect(helm(bin, ['show', 'chart', tgz.path]).stdout).toMatch(/^version: 1\.3\.0-rc\.1$/m);
    const values = helm(bin, ['show', 'values', tgz.path]).stdout;
    expect(values).toMatch(/^replicaCount: 4$/m);
    expect(values).not.toContain('not-a-real-key');
  });

  test('all environments: a zip of values files, a .gitignore and a README, no secrets', async ({ page }) => {
    const dir = mkdtempSync(join(tmpdir(), 'export-all-'));
    const studio = new StudioPage(page);
    const panel = new ExportPanel(page);
    await studio.goto();
    for (const env of ['staging', 'prod']) {
      await studio.selectEnvironment(env);
      await setSecrets(studio, env);
    }
    await panel.open();
    const zipFile = await panel.download('Download all environments', dir);
    const zip = await JSZip.loadAsync(readFileSync(zipFile.path));
    expect(Object.keys(zip.files).sort()).toEqual([
      '.gitignore',
      'README.md',
      'values.dev.yaml',
      'values.prod.yaml',
      'values.staging.yaml',
    ]);
    expect(await zip.file('.gitignore')!.async('string')).toContain('secrets.*.yaml');
    const readme = await zip.file('README.md')!.async('string');
    expect(readme).toContain('helm upgrade --install');
    for (const f of Object.values(zip.files)) expect(await f.async('string')).not.toContain('not-a-real-key');
  });

  test('the copied command, run as a dry run against the downloaded files, succeeds', async ({ page }) => {
    const bin = await helmPath();
    const dir = mkdtempSync(join(tmpdir(), 'export-cmd-'));
    const studio = new StudioPage(page);
    const panel = new ExportPanel(page);
    await studio.goto();
    await studio.selectEnvironment('prod');
    await studio.setRelease('gateway', 'apps');
    await setSecrets(studio, 'prod');
    await studio.waitForRender();
    await panel.open();
    await panel.download('Download chart', dir);
    await panel.download('Download values', dir);
    await panel.download('Download secrets', dir);
    const real = await panel.copyCommand();
    expect(real).toBe(
      'helm upgrade --install gateway ./api-gateway-0.1.0.tgz --namespace apps --create-namespace -f values.prod.yaml -f secrets.prod.yaml --wait --timeout 10m --rollback-on-failure',
    );
    await panel.setDryRun(true);
    const dry = await panel.copyCommand();
    expect(dry).toBe(`${real} --dry-run=client`);
    await panel.chooseHelm(3);
    expect(await panel.commandText()).toContain('--atomic --dry-run');
    await panel.chooseHelm(4);

    // Helm 4's upgrade --install asks for the release history even in a client dry run: use the memory driver.
    const releases = join(dir, 'releases.yaml');
    writeFileSync(releases, '');
    const [, ...args] = dry.split(' ');
    const r = helm(bin, args, dir, {
      HELM_DRIVER: 'memory',
      HELM_MEMORY_DRIVER_DATA: releases,
      KUBECONFIG: join(dir, 'no-kubeconfig'),
    });
    expect(r.stderr.replace(/^level=INFO .*\n/gm, '')).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('STATUS: pending-install');
    expect(r.stdout).toContain('NAMESPACE: apps');
  });

  test('bad input is refused with the reason, and nothing is offered', async ({ page }) => {
    const studio = new StudioPage(page);
    const panel = new ExportPanel(page);
    await studio.goto();
    await studio.selectEnvironment('prod');
    await setSecrets(studio, 'prod');
    await studio.waitForRender();
    await panel.open();

    await panel.setVersion('1.2');
    expect(await panel.refusal('Download chart')).toMatch(/Chart version: .*MAJOR\.MINOR\.PATCH/);
    await panel.setVersion('0.1.0');

    await studio.setRelease('Bad_Release');
    await expect(page.getByTestId('helm-command')).toHaveCount(0);
    expect(await panel.refusal('Copy helm command')).toMatch(/^Release name: /);
    await studio.setRelease('api-gateway', 'no.dots');
    expect(await panel.refusal('Copy helm command')).toMatch(/^Namespace: /);
    await studio.setRelease('api-gateway', 'prod');

    // Without its secret key the prod values do not render: values and command are refused.
    await studio.setSecret('secrets.djangoSecretKey', '');
    await expect(page.getByRole('note').filter({ hasText: 'do not render' }).first()).toBeVisible({
      timeout: 20_000,
    });
    expect(await panel.refusal('Download values')).toMatch(
      /The prod values do not render: .*djangoSecretKey/,
    );
    expect(await panel.refusal('Copy helm command')).toMatch(/do not render/);
  });
});
