import { existsSync, readFileSync } from 'node:fs';
import type { Outcome } from './engine';
import { goldenPaths } from './harness.mjs';

/** readGolden reads a case's golden stdout, stderr, exit code and the streams helm prints unordered. */
export function readGolden(name: string): Outcome & { unordered: string[] } {
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
export function comparable(text: string, unordered: boolean, stderr: boolean): string {
  const lines = text.split('\n');
  if (unordered) return lines.sort().join('\n');
  if (!stderr) return text;
  const logs = lines.filter((l) => l.startsWith('level=')).sort();
  return [...logs, ...lines.filter((l) => !l.startsWith('level='))].join('\n');
}

/** comparableOutcome returns an outcome in the form the goldens are compared in (see comparable). */
export function comparableOutcome(o: Outcome, unordered: readonly string[]): Outcome {
  return {
    code: o.code,
    stderr: comparable(o.stderr, unordered.includes('stderr'), true),
    stdout: comparable(o.stdout, unordered.includes('stdout'), false),
  };
}
