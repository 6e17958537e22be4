// The golden driver: every case of tests/testdata/cases runs through our engine, and its stdout, stderr and
// exit code must equal the goldens the real helm produced (scripts/goldens.mjs writes them; never our engine).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Outcome, ourRunner, type RunOurs } from './engine';
import { goldenPaths, listCases, TESTDATA } from './harness.mjs';

/**
 * KNOWN_DIFFERENCES lists cases where our engine is known to differ from helm, each with the reason.
 * Such a case is run as an expected failure: when it starts to pass, the test fails until its entry is removed.
 */
const KNOWN_DIFFERENCES: Record<string, string> = {};

const cases = listCases();

function readGolden(name: string): Outcome & { unordered: string[] } {
  const p = goldenPaths(name);
  const unorderedFile = p.out.replace(/\.out$/, '.unordered');
  return {
    stdout: readFileSync(p.out, 'utf8'),
    stderr: readFileSync(p.err, 'utf8'),
    code: Number(readFileSync(p.code, 'utf8').trim()),
    unordered: existsSync(unorderedFile)
      ? readFileSync(unorderedFile, 'utf8').split('\n').filter(Boolean)
      : [],
  };
}

/**
 * comparable returns a stream in the form the goldens are compared in. Helm prints some lines in Go map
 * order, which varies between runs: its log lines on stderr (`level=…`, e.g. coalescing warnings) are
 * always compared as a sorted list ahead of the rest, and a stream scripts/goldens.mjs saw reordered
 * (`<case>.unordered`) is compared as a sorted list of lines.
 */
function comparable(text: string, unordered: boolean, stderr: boolean): string {
  const lines = text.split('\n');
  if (unordered) return lines.sort().join('\n');
  if (!stderr) return text;
  const logs = lines.filter((l) => l.startsWith('level=')).sort();
  return [...logs, ...lines.filter((l) => !l.startsWith('level='))].join('\n');
}

describe('golden files', () => {
  it('exist for every case, and only for cases', () => {
    const names = new Set(cases.map((c) => c.name));
    const missing = cases.filter((c) => !existsSync(goldenPaths(c.name).out)).map((c) => c.name);
    const orphans = readdirSync(join(TESTDATA, 'golden'))
      .map((f) => f.replace(/\.(out|err|code|unordered)$/, ''))
      .filter((n) => !names.has(n));
    expect({ missing, orphans }).toEqual({ missing: [], orphans: [] });
    expect(cases.length).toBeGreaterThan(50);
  });

  it('name only existing cases as known differences', () => {
    const names = new Set(cases.map((c) => c.name));
    expect(Object.keys(KNOWN_DIFFERENCES).filter((n) => !names.has(n))).toEqual([]);
  });
});

describe('helm template goldens', () => {
  let run: RunOurs;
  beforeAll(async () => {
    run = (await ourRunner()).run;
  });

  for (const c of cases) {
    const reason = KNOWN_DIFFERENCES[c.name];
    const title = reason ? `${c.name} (known difference: ${reason})` : c.name;
    (reason ? it.fails : it)(title, async () => {
      const want = readGolden(c.name);
      const got = await run(c.args, TESTDATA);
      const un = (stream: string) => want.unordered.includes(stream);
      expect({
        code: got.code,
        stderr: comparable(got.stderr, un('stderr'), true),
        stdout: comparable(got.stdout, un('stdout'), false),
      }).toEqual({
        code: want.code,
        stderr: comparable(want.stderr, un('stderr'), true),
        stdout: comparable(want.stdout, un('stdout'), false),
      });
    });
  }
});
