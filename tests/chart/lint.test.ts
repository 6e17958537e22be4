import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chartDir, helm, kubeVersions, shippedValuesFiles } from './helm';

// CHART.md: `helm lint --strict` (with the subcharts) is clean for the defaults and for every shipped
// values file, at the lowest and highest Kubernetes versions the chart claims.
describe('helm lint --strict', () => {
  const files = ['(defaults)', ...shippedValuesFiles()];
  const cases = files.flatMap((file) =>
    kubeVersions.map((kube) => ({ name: `${file} on Kubernetes ${kube}`, file, kube })),
  );

  it('covers every shipped values file', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'values.dev.yaml',
        'values.staging.yaml',
        'values.prod.yaml',
        'ci/default-values.yaml',
      ]),
    );
  });

  // Start every lint at once (helm() limits concurrency); each test awaits its own result.
  const results = new Map(
    cases.map((c) => [
      c.name,
      helm([
        'lint',
        '--strict',
        '--with-subcharts',
        '--kube-version',
        c.kube,
        chartDir,
        ...(c.file === '(defaults)' ? [] : ['-f', join(chartDir, c.file)]),
      ]),
    ]),
  );

  for (const c of cases) {
    it(`passes for ${c.name}`, async () => {
      const result = await results.get(c.name);
      expect(result?.stdout.match(/\[(ERROR|WARNING|INFO)\].*/g) ?? [], result?.stdout).toEqual([]);
      expect(result?.stdout).toMatch(/3 chart\(s\) linted, 0 chart\(s\) failed/);
      expect(result?.code).toBe(0);
    });
  }
});
