// The chart-studio command line (package.json bin) against helm: a chart folder and the same chart packaged
// by `helm package` as a .tgz, with flags in long, short and `=` forms.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { helmPath, runHelm } from '../golden/harness.mjs';
import { chartYaml, writeFiles } from './harness';

const cli = join(__dirname, '..', '..', 'scripts', 'chart-studio.mjs');
let dir: string;
let bin: string;

function runCli(args: string[], cwd = dir): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [cli, 'template', ...args],
      { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => {
        if (err && typeof err.code !== 'number') return reject(err);
        resolve({ code: err ? Number(err.code) : 0, stdout, stderr });
      },
    );
  });
}

beforeAll(async () => {
  bin = await helmPath();
  dir = mkdtempSync(join(tmpdir(), 'chart-studio-cli-'));
  writeFiles(join(dir, 'mychart'), {
    'Chart.yaml': chartYaml('mychart', 'appVersion: "2.0"\n'),
    'values.yaml': 'replicas: 2\nname: app\n',
    'templates/cm.yaml':
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-{{ .Values.name }}\n  namespace: {{ .Release.Namespace }}\ndata:\n  replicas: {{ .Values.replicas | quote }}\n  app: {{ .Chart.AppVersion | quote }}\n',
    'templates/svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Release.Name }}\n',
  });
  writeFiles(dir, { 'override.yaml': 'replicas: 5\n' });
  const pkg = await runHelm(bin, ['package', 'mychart'], dir);
  if (pkg.code !== 0) throw new Error(pkg.stderr);
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cases: { name: string; args: string[] }[] = [
  {
    name: 'folder with flags',
    args: ['rel', 'mychart', '-f', 'override.yaml', '--set', 'name=x', '-n', 'ns'],
  },
  { name: 'packaged chart', args: ['rel', 'mychart-0.1.0.tgz', '--values=override.yaml', '--namespace=ns2'] },
  { name: 'show-only, short form', args: ['mychart', '-stemplates/svc.yaml'] },
  { name: 'error exit code', args: ['rel', 'mychart', '--set', 'name'] },
  { name: 'missing chart', args: ['rel', 'nochart'] },
];

describe('chart-studio template', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const [ours, helm] = await Promise.all([runCli(c.args), runHelm(bin, ['template', ...c.args], dir)]);
      expect(ours).toEqual({ code: helm.code, stdout: helm.stdout, stderr: helm.stderr });
    });
  }
});

// Include recursions deeper than the main thread's stack allows (about 460 levels) run again in a thread
// with a large stack: Helm renders 1001 levels of one name and refuses the 1002nd.
describe('chart-studio template, include recursion up to Helm’s limit', () => {
  const testdata = join(__dirname, '..', 'testdata');
  for (const depth of [600, 1001, 1002]) {
    it(`${depth} levels`, async () => {
      const args = ['rel', 'charts/recursion', '--set', `depth=${depth}`];
      const [ours, helm] = await Promise.all([
        runCli(args, testdata),
        runHelm(bin, ['template', ...args], testdata),
      ]);
      expect(helm.code).toBe(depth > 1001 ? 1 : 0);
      expect(ours).toEqual({ code: helm.code, stdout: helm.stdout, stderr: helm.stderr });
    });
  }
});
