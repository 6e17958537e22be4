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
  newEnvName,
  type PlainMap,
  type PlainValue,
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
  const set = (path: ValuesPath, value: PlainValue | undefined, key = path.join('.')) =>
    onEdit(`form:${key}`, (text) => setOverlayValue(text, defaults, path, value));
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
                onAdd={() => set(['env', newEnvName(values)], '', 'env:add')}
                onRename={(from, to) =>
                  onEdit(`form:env:${from}`, (text) => renameEnv(text, defaults, values, from, to))
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
                  set(ingressPathValuePath(values, i, j), v, `ingress.hosts.${i}.paths.${j}`)
                }
                onAddPath={(i) => {
                  const n = hosts[i]?.paths.length ?? 0;
                  set(['ingress', 'hosts', i, 'paths', n], '/', `ingress:addPath:${i}`);
                }}
                onRemovePath={(i, j) =>
                  set(['ingress', 'hosts', i, 'paths', j], undefined, `ingress:removePath:${i}`)
                }
                onAddHost={() => {
                  const list = getPath(values, ['ingress', 'hosts']);
                  const n = Array.isArray(list) ? list.length : 0;
                  set(['ingress', 'hosts', n], { host: '', paths: ['/'] }, 'ingress:addHost');
                }}
                onRemoveHost={(i) => set(['ingress', 'hosts', i], undefined, 'ingress:removeHost')}
                onTlsSecret={(name) =>
                  onEdit('form:ingress.tls', (text) => setTlsSecret(text, defaults, values, name))
                }
              />
            ) : null}
          </div>
        </details>
      ))}
    </div>
  );
});
