// Differential test: generated templates (tests/differential/template-grammar.ts) rendered by our engine and
// by the real helm: identical stdout, stderr and exit code, whether the chart renders or fails.
//   DIFF_TEMPLATES=2000 DIFF_SEED=7 npx vitest run tests/differential/templates.test.ts
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ourRunner } from '../golden/engine';
import { helmPath, mapLimit, runHelm } from '../golden/harness.mjs';
import { GRAMMAR_VALUES, Rng, TemplateGenerator, templateFile } from './template-grammar';

const TEMPLATES = Number(process.env.DIFF_TEMPLATES ?? 300);
const SEED = Number(process.env.DIFF_SEED ?? 20261127);
/** PER_CHART templates share a chart: one failing template hides the others, so charts stay small. */
const PER_CHART = 3;

describe('generated templates: our engine vs helm', () => {
  it(`renders ${TEMPLATES} generated templates identically (seed ${SEED})`, {
    timeout: 30 * 60_000,
  }, async () => {
    const { run } = await ourRunner();
    const bin = await helmPath();
    const rng = new Rng(SEED);
    const gen = new TemplateGenerator(rng);
    const work = mkdtempSync(join(tmpdir(), 'diff-templates-'));
    const charts: string[] = [];
    for (let c = 0; c * PER_CHART < TEMPLATES; c++) {
      const dir = join(work, `g${c}`);
      mkdirSync(join(dir, 'templates'), { recursive: true });
      writeFileSync(join(dir, 'Chart.yaml'), `apiVersion: v2\nname: g${c}\nversion: 0.1.0\n`);
      writeFileSync(join(dir, 'values.yaml'), GRAMMAR_VALUES);
      for (let t = 0; t < PER_CHART && c * PER_CHART + t < TEMPLATES; t++) {
        const name = `t${c * PER_CHART + t}`;
        writeFileSync(join(dir, 'templates', `${name}.yaml`), templateFile(name, gen.body()));
      }
      charts.push(dir);
    }
    let rendered = 0;
    let crashed = 0;
    const failures: string[] = [];
    await mapLimit(charts, 2, async (dir) => {
      const args = ['rel', dir];
      const want = await runHelm(bin, ['template', ...args], work);
      // Bad input must never escape as a JavaScript exception: one is a difference like any other.
      const got = await run(args, work).catch((err: unknown) => ({
        stdout: '',
        stderr: `uncaught exception: ${err instanceof Error ? err.stack : String(err)}`,
        code: -1,
      }));
      // A Go runtime crash (a cyclic map from `merge` printed by toJson overflows the goroutine stack) prints
      // a goroutine dump with addresses: nothing to compare with, so such charts are counted apart.
      if (want.code === 2 && /^(runtime|fatal error):/m.test(want.stderr)) {
        crashed++;
        return;
      }
      if (want.code === 0) rendered++;
      if (got.code !== want.code || got.stdout !== want.stdout || got.stderr !== want.stderr) {
        writeFileSync(join(dir, 'helm.out'), `${want.stdout}${want.stderr}exit ${want.code}\n`);
        writeFileSync(join(dir, 'ours.out'), `${got.stdout}${got.stderr}exit ${got.code}\n`);
        failures.push(
          `${dir}\n  helm: exit ${want.code} ${want.stderr.split('\n')[0]}\n  ours: exit ${got.code} ${got.stderr.split('\n')[0]}`,
        );
      }
    });
    // The grammar must produce both rendering charts and failing ones, or the test proves little.
    // The generated charts are kept only when some differ (their paths are in the failures).
    if (failures.length === 0) rmSync(work, { recursive: true, force: true });
    expect(rendered, 'charts helm rendered').toBeGreaterThan(charts.length / 5);
    expect(charts.length - rendered - crashed, 'charts helm refused').toBeGreaterThan(0);
    expect(crashed, 'charts that crashed helm').toBeLessThan(charts.length / 20);
    expect(failures.slice(0, 10), `${failures.length} of ${charts.length} charts differ`).toEqual([]);
  });
});
