// The Helm engine against the real helm binary: for every case of cases.ts, our `runTemplateCommand` must print
// exactly what `helm template` prints (stdout, stderr, exit code).
import { beforeAll, describe, expect, it } from 'vitest';
import { allCases } from './cases';
import { type Outcome, runCases } from './harness';

let results: Map<string, { helm: Outcome; ours: Outcome }>;

beforeAll(async () => {
  results = await runCases(allCases);
}, 300_000);

describe('helm template, differential', () => {
  for (const c of allCases) {
    it(c.name, () => {
      const r = results.get(c.name);
      expect(r).toBeDefined();
      expect(r!.ours).toEqual(r!.helm);
    });
  }
  it('has unique case names', () => {
    expect(new Set(allCases.map((c) => c.name)).size).toBe(allCases.length);
  });
});
