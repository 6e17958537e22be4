// The goldens must still be what the real helm prints: a chart or case edited without running
// scripts/goldens.mjs would otherwise test our engine against a stale expectation.
import { describe, expect, it } from 'vitest';
import { comparableOutcome, readGolden } from './compare';
import { helmPath, listCases, mapLimit, runHelm, TESTDATA } from './harness.mjs';

describe('golden files', () => {
  it('are what the real helm prints today (else run node scripts/goldens.mjs)', {
    timeout: 10 * 60_000,
  }, async () => {
    const bin = await helmPath();
    const cases = listCases();
    const stale: string[] = [];
    await mapLimit(cases, 2, async (c) => {
      const want = readGolden(c.name);
      const got = await runHelm(bin, ['template', ...c.args], TESTDATA, c.env);
      const a = comparableOutcome(got, want.unordered);
      const b = comparableOutcome(want, want.unordered);
      if (a.code !== b.code || a.stdout !== b.stdout || a.stderr !== b.stderr) stale.push(c.name);
    });
    expect(stale).toEqual([]);
  });
});
