// The product's chart through both engines: every example and CI values file of chart-template/api-gateway,
// at the default and at an old Kubernetes version, must render exactly as helm renders it.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runTemplateCommand } from '@/lib/helm';
import { helmPath, mapLimit, runHelm } from '../golden/harness.mjs';
import { listFilesIn, readFileIn } from './harness';

const root = join(__dirname, '..', '..');
const chartDir = 'chart-template/api-gateway';
const valueFiles = [
  ...readdirSync(join(root, chartDir, 'ci')).map((f) => `${chartDir}/ci/${f}`),
  ...readdirSync(join(root, chartDir))
    .filter((f) => /^values\..+\.yaml$/.test(f))
    .map((f) => `${chartDir}/${f}`),
];
const cases = [
  { name: 'defaults', args: ['api-gateway', chartDir] },
  ...valueFiles.map((f) => ({ name: f, args: ['rel', chartDir, '-f', f, '-n', 'apps'] })),
  ...valueFiles.map((f) => ({
    name: `${f} (kube 1.28, upgrade, show-only)`,
    args: [
      'rel',
      chartDir,
      '-f',
      f,
      '--kube-version',
      '1.28.0',
      '--is-upgrade',
      '-s',
      'templates/deployment.yaml',
    ],
  })),
];

type Outcome = { code: number; stdout: string; stderr: string };
const helm = new Map<string, Outcome>();

beforeAll(async () => {
  const bin = await helmPath();
  const runs = await mapLimit(cases, 4, (c) => runHelm(bin, ['template', ...c.args], root));
  for (const [i, c] of cases.entries()) helm.set(c.name, runs[i]!);
}, 300_000);

describe('api-gateway chart, differential', () => {
  it('has example values files', () => expect(valueFiles.length).toBeGreaterThan(3));
  for (const c of cases) {
    it(c.name, () => {
      const r = runTemplateCommand(c.args, readFileIn(root), listFilesIn(root), {});
      expect({ code: r.exitCode, stderr: r.stderr, stdout: r.stdout }).toEqual(helm.get(c.name));
    });
  }
});
