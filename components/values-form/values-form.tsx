'use client';
/** ValuesForm is the form view of an environment's values, driven by the form model and the schema. */
import { memo } from 'react';
import {
  envRows,
  FORM_SECTIONS,
  fieldMeta,
  fieldText,
  getPath,
  ingressHosts,
  ingressPathValuePath,
  mergeValues,
  newEnvName,
  type PlainMap,
  type PlainValue,
  parseValues,
  renameEnv,
  setOverlayValue,
  setTlsSecret,
  tlsSecretName,
  type ValuesPath,
} from '@/lib/gateway';
import { EnvTable } from './env-table';
import { Field } from './field';
import { IngressHosts } from './ingress-hosts';

/** OverlayEdit turns the current overlay text into the edited one. */
export type OverlayEdit = (text: string) => string;

/** ValuesFormProps are the props of the ValuesForm. */
export interface ValuesFormProps {
  values: PlainMap;
  defaults: PlainMap;
  /** issues maps a dotted value path to the schema's message for it. */
  issues: Readonly<Record<string, string>>;
  disabled: boolean;
  onEdit(key: string, edit: OverlayEdit): void;
}

/** ValuesForm renders the sections of FORM_SECTIONS; each edit changes only its key in the overlay. */
export const ValuesForm = memo(function ValuesForm({
  values,
  defaults,
  issues,
  disabled,
  onEdit,
}: ValuesFormProps) {
  // The form's values may trail the overlay by a render (the studio defers them), so an edit that depends on
  // the values' shape reads them from the overlay text it edits.
  const valuesOf = (text: string): PlainMap => {
    const parsed = parseValues(text);
    return parsed.ok ? mergeValues(defaults, parsed.values) : values;
  };
  const set = (path: ValuesPath, value: PlainValue | undefined, key = path.join('.')) =>
    onEdit(`form:${key}`, (text) => setOverlayValue(text, defaults, path, value));
  const setAt = (key: string, at: (values: PlainMap) => [ValuesPath, PlainValue | undefined]) =>
    onEdit(`form:${key}`, (text) => {
      const [path, value] = at(valuesOf(text));
      return setOverlayValue(text, defaults, path, value);
    });
  const hosts = ingressHosts(values);

  return (
    <div className="values-form">
      {FORM_SECTIONS.map((section) => (
        <details key={section.id} className="form-section" open={section.open}>
          <summary>
            <h3>{section.title}</h3>
          </summary>
          <div className="form-section__body">
            {section.fields.map((spec) => {
              const path = spec.path.join('.');
              return (
                <Field
                  key={path}
                  spec={spec}
                  text={fieldText(spec, values)}
                  issue={issues[path]}
                  description={fieldMeta(path)?.description}
                  disabled={disabled}
                  onValue={(v) => set(spec.path, v)}
                />
              );
            })}
            {section.widget === 'env' ? (
              <EnvTable
                rows={envRows(values)}
                issues={issues}
                disabled={disabled}
                onAdd={() => setAt('env:add', (now) => [['env', newEnvName(now)], ''])}
                onRename={(from, to) =>
                  onEdit(`form:env:${from}`, (text) => renameEnv(text, defaults, valuesOf(text), from, to))
                }
                onValue={(name, value) => set(['env', name], value)}
                onRemove={(name) => set(['env', name], undefined, `env:remove:${name}`)}
              />
            ) : null}
            {section.widget === 'ingress-hosts' ? (
              <IngressHosts
                hosts={hosts}
                tlsSecret={tlsSecretName(values)}
                issues={issues}
                disabled={disabled}
                onHost={(i, host) => set(['ingress', 'hosts', i, 'host'], host)}
                onPath={(i, j, v) =>
                  setAt(`ingress.hosts.${i}.paths.${j}`, (now) => [ingressPathValuePath(now, i, j), v])
                }
                onAddPath={(i) =>
                  setAt(`ingress:addPath:${i}`, (now) => [
                    ['ingress', 'hosts', i, 'paths', ingressHosts(now)[i]?.paths.length ?? 0],
                    '/',
                  ])
                }
                onRemovePath={(i, j) =>
                  set(['ingress', 'hosts', i, 'paths', j], undefined, `ingress:removePath:${i}`)
                }
                onAddHost={() =>
                  setAt('ingress:addHost', (now) => {
                    const list = getPath(now, ['ingress', 'hosts']);
                    const n = Array.isArray(list) ? list.length : 0;
                    return [['ingress', 'hosts', n], { host: '', paths: ['/'] }];
                  })
                }
                onRemoveHost={(i) => set(['ingress', 'hosts', i], undefined, 'ingress:removeHost')}
                onTlsSecret={(name) =>
                  onEdit('form:ingress.tls', (text) => setTlsSecret(text, defaults, valuesOf(text), name))
                }
              />
            ) : null}
          </div>
        </details>
      ))}
    </div>
  );
});
