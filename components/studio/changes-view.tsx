'use client';
/** ChangesView lists, per environment, exactly which values differ from the chart's defaults. */
import { type PlainMap, type PlainValue, parseValues, valueChanges } from '@/lib/gateway';
import type { EnvironmentDoc } from '@/lib/studio';

function show(v: PlainValue | undefined): string {
  if (v === undefined) return '(not set)';
  return JSON.stringify(v);
}

interface ChangesViewProps {
  envs: readonly EnvironmentDoc[];
  defaults: PlainMap;
  secretCounts: Readonly<Record<string, number>>;
}

/** ChangesView renders one table per environment: value path, chart default, environment value. */
export function ChangesView({ envs, defaults, secretCounts }: ChangesViewProps) {
  return (
    <section className="changes" aria-labelledby="changes-title">
      <h2 id="changes-title">Changes from defaults</h2>
      {envs.map((env) => {
        const parsed = parseValues(env.overlay);
        const changes = parsed.ok ? valueChanges(defaults, parsed.values) : null;
        const secrets = secretCounts[env.name] ?? 0;
        return (
          <section key={env.name} className="changes__env" aria-label={`Changes in ${env.name}`}>
            <h3>{env.name}</h3>
            {changes === null ? (
              <p className="field__error">The YAML of this environment does not parse.</p>
            ) : changes.length === 0 ? (
              <p>No changes: the chart’s defaults.</p>
            ) : (
              <table>
                <thead>
                  <tr>
                    <th scope="col">Value</th>
                    <th scope="col">Default</th>
                    <th scope="col">{env.name}</th>
                  </tr>
                </thead>
                <tbody>
                  {changes.map((c) => (
                    <tr key={c.path}>
                      <th scope="row">
                        <code>{c.path}</code>
                      </th>
                      <td>
                        <code>{show(c.from)}</code>
                      </td>
                      <td>
                        <code>{show(c.to)}</code>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {secrets > 0 ? (
              <p className="field__hint">
                {secrets} secret value{secrets === 1 ? '' : 's'} set (not shown).
              </p>
            ) : null}
          </section>
        );
      })}
    </section>
  );
}
