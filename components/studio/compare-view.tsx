'use client';
/** CompareView shows the line diff of the rendered manifests of two environments. */
import { useMemo } from 'react';
import type { RenderOutput } from '@/components/preview/protocol';
import { diffLines, diffStats } from '@/lib/studio';

interface CompareViewProps {
  envNames: readonly string[];
  left: string;
  right: string;
  onPick(side: 'left' | 'right', env: string): void;
  leftOutput: RenderOutput | null;
  rightOutput: RenderOutput | null;
}

function outputText(o: RenderOutput | null): string | null {
  return o && o.exitCode === 0 ? o.stdout : null;
}

/** CompareView renders two environment pickers and the unified diff of their `helm template` output. */
export function CompareView({ envNames, left, right, onPick, leftOutput, rightOutput }: CompareViewProps) {
  const a = outputText(leftOutput);
  const b = outputText(rightOutput);
  const lines = useMemo(
    () => (a === null || b === null ? null : diffLines(a, b).map((l, i) => ({ ...l, key: i }))),
    [a, b],
  );
  const stats = lines ? diffStats(lines) : null;
  const failures = (
    [
      [left, leftOutput],
      [right, rightOutput],
    ] as const
  ).flatMap(([env, output]) => (output && output.exitCode !== 0 ? [{ env, output }] : []));
  return (
    <section className="compare" aria-labelledby="compare-title">
      <h2 id="compare-title">Compare environments</h2>
      <div className="compare__pickers">
        <label htmlFor="compare-from">From</label>
        <select id="compare-from" value={left} onChange={(e) => onPick('left', e.target.value)}>
          {envNames.map((n) => (
            <option key={n}>{n}</option>
          ))}
        </select>
        <label htmlFor="compare-to">To</label>
        <select id="compare-to" value={right} onChange={(e) => onPick('right', e.target.value)}>
          {envNames.map((n) => (
            <option key={n}>{n}</option>
          ))}
        </select>
        <p role="status" className="compare__stats">
          {stats
            ? `${stats.removed} lines removed, ${stats.added} added`
            : failures.length > 0
              ? 'Cannot compare until both environments render.'
              : 'Rendering both environments…'}
        </p>
      </div>
      {failures.map(({ env, output }) => (
        <div key={env} className="render-error" role="alert" aria-label={`${env} does not render`}>
          <p>
            <strong>{env}</strong> does not render (its secrets may be missing):
          </p>
          <pre className="render-error__message">{output.stderr.trim()}</pre>
        </div>
      ))}
      {lines ? (
        <section aria-label={`Diff of the manifests from ${left} to ${right}`}>
          <pre className="diff">
            {lines.map((l) => (
              <span
                key={l.key}
                className={l.op === '+' ? 'diff__add' : l.op === '-' ? 'diff__del' : 'diff__same'}
              >
                {l.op} {l.text}
                {'\n'}
              </span>
            ))}
          </pre>
        </section>
      ) : null}
    </section>
  );
}
