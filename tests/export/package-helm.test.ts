// The chart the studio packages is accepted by the real helm, and renders as our engine renders it.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageChart } from '@/lib/gateway/export/package';
import { helmTemplate, loadArchive } from '@/lib/helm';
import { helmPath } from '../../scripts/helm.mjs';

const chartDir = join(__dirname, '../../chart-template/api-gateway');
const dir = mkdtempSync(join(tmpdir(), 'package-'));
let helm = '';
beforeAll(async () => {
  helm = await helmPath();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function chartFiles(root: string): { path: string; data: Uint8Array }[] {
  const out: { path: string; data: Uint8Array }[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push({ path: relative(root, p).split('\\').join('/'), data: readFileSync(p) });
    }
  };
  walk(root);
  return out;
}

function run(args: string[]) {
  const r = spawnSync(helm, args, { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const secrets =
  '--set-string=secrets.djangoSecretKey=not-a-real-key,secrets.databaseUrl=postgres://u:p@db:5432/app';
const secretsFile =
  'secrets:\n  djangoSecretKey: not-a-real-key\n  databaseUrl: postgres://u:p@db:5432/app\n';

describe('packageChart', () => {
  const files = chartFiles(chartDir);
  const prod = readFileSync(join(chartDir, 'values.prod.yaml'), 'utf8');

  it('refuses a version that is not SemVer', () => {
    const r = packageChart(files, { version: '1.2' });
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.error).toMatch(/^Chart version: /);
  });

  it('makes a package helm reads, with the chosen version', () => {
    const r = packageChart(files, { version: '1.4.2-rc.1' });
    expect(r.ok && r.fileName).toBe('api-gateway-1.4.2-rc.1.tgz');
    const tgz = join(dir, 'plain.tgz');
    writeFileSync(tgz, r.ok ? r.bytes : new Uint8Array());
    const show = run(['show', 'chart', tgz]);
    expect(show.code).toBe(0);
    expect(show.stdout).toMatch(/^version: 1\.4\.2-rc\.1$/m);
    expect(show.stdout).toMatch(/^name: api-gateway$/m);
    expect(run(['show', 'values', tgz]).stdout).toBe(run(['show', 'values', chartDir]).stdout);
    const valuesFile = join(dir, 'values.prod.yaml');
    writeFileSync(valuesFile, prod);
    const secretsPath = join(dir, 'secrets.prod.yaml');
    writeFileSync(secretsPath, secretsFile);
    const lint = run(['lint', '--strict', tgz, '-f', valuesFile, '-f', secretsPath]);
    expect(lint.stderr + lint.stdout).toMatch(/1 chart\(s\) linted, 0 chart\(s\) failed/);
    const real = run(['template', 'api-gateway', tgz, '-f', valuesFile, '-f', secretsPath]);
    expect(real.code).toBe(0);
    const ours = helmTemplate(loadArchive(r.ok ? r.bytes : new Uint8Array()), {
      releaseName: 'api-gateway',
      valueFiles: [prod, secretsFile],
    });
    expect(ours.stdout).toBe(real.stdout);
  });

  it('bakes an environment into values.yaml without its secrets', () => {
    const overlay = `${prod}secrets:\n  djangoSecretKey: must-not-leak\n`;
    const r = packageChart(files, {
      version: '0.1.0',
      bake: { overlayText: overlay, secretPaths: [['secrets', 'djangoSecretKey']] },
    });
    expect(r.ok).toBe(true);
    const tgz = join(dir, 'baked.tgz');
    writeFileSync(tgz, r.ok ? r.bytes : new Uint8Array());
    const values = run(['show', 'values', tgz]).stdout;
    expect(values).not.toContain('must-not-leak');
    expect(values).toContain('tag: v1.2.0');
    // Rendering the baked chart alone equals rendering the plain chart with values.prod.yaml
    // (same version, since the version is in every label and so in the secret checksum).
    const baked = execFileSync(helm, ['template', 'api-gateway', tgz, secrets], { encoding: 'utf8' });
    const valuesFile = join(dir, 'values.prod.yaml');
    writeFileSync(valuesFile, prod);
    const plain = execFileSync(helm, ['template', 'api-gateway', chartDir, '-f', valuesFile, secrets], {
      encoding: 'utf8',
    });
    expect(baked).toBe(plain);
  });
});
