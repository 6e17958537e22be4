'use client';
/** ValuesForm is the form view of an environment's values, driven by the form model and the schema. */
import { memo, useMemo, useRef } from 'react';
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
  removeIngressHost,
  renameEnv,
  type SectionSpec,
  setIngressHost,
  setOverlayValue,
  setTlsSecret,
  tlsSecretName,
  unusedReason,
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

/** FormEdits are the form's edit operations; one object for the form's life, so sections can be memoised. */
interface FormEdits {
  set(path: ValuesPath, value: PlainValue | undefined, key?: string): void;
  setAt(key: string, at: (values: PlainMap) => [ValuesPath, PlainValue | undefined]): void;
  renameEnv(from: string, to: string): void;
  setHost(index: number, host: string): void;
  removeHost(index: number): void;
  setTlsSecret(name: string): void;
}

function formEdits(defaults: PlainMap, onEdit: ValuesFormProps['onEdit'], shown: () => PlainMap): FormEdits {
  // The form's values may trail the overlay by a frame or two (the studio catches up after the preview),
  // so an edit that depends on the values' shape reads them from the overlay text it edits.
  const valuesOf = (text: string): PlainMap => {
    const parsed = parseValues(text);
    return parsed.ok ? mergeValues(defaults, parsed.values) : shown();
  };
  return {
    set: (path, value, key = path.join('.')) =>
      onEdit(`form:${key}`, (text) => setOverlayValue(text, defaults, path, value)),
    setAt: (key, at) =>
      onEdit(`form:${key}`, (text) => {
        const [path, value] = at(valuesOf(text));
        return setOverlayValue(text, defaults, path, value);
      }),
    renameEnv: (from, to) =>
      onEdit(`form:env:${from}`, (text) => renameEnv(text, defaults, valuesOf(text), from, to)),
    setHost: (index, host) =>
      onEdit(`form:ingress.hosts.${index}.host`, (text) =>
        setIngressHost(text, defaults, valuesOf(text), index, host),
      ),
    removeHost: (index) =>
      onEdit('form:ingress:removeHost', (text) => removeIngressHost(text, defaults, valuesOf(text), index)),
    setTlsSecret: (name) =>
      onEdit('form:ingress.tls', (text) => setTlsSecret(text, defaults, valuesOf(text), name)),
  };
}

/** ValuesForm renders the sections of FORM_SECTIONS; each edit changes only its key in the overlay. */
export const ValuesForm = memo(function ValuesForm({
  values,
  defaults,
  issues,
  disabled,
  onEdit,
}: ValuesFormProps) {
  const shown = useRef(values);
  shown.current = values;
  const edits = useMemo(() => formEdits(defaults, onEdit, () => shown.current), [defaults, onEdit]);
  return (
    <div className="values-form" data-history>
      {FORM_SECTIONS.map((section) => (
        <FormSection
          key={section.id}
          section={section}
          values={values}
          issues={issues}
          disabled={disabled}
          edits={edits}
          signature={sectionSignature(section, values, issues)}
        />
      ))}
    </div>
  );
});

/**
 * sectionSignature is everything a section shows from the values and issues, as one string: a section
 * re-renders only when it changes, so typing in one field does not re-render the other sections.
 */
function sectionSignature(
  section: SectionSpec,
  values: PlainMap,
  issues: Readonly<Record<string, string>>,
): string {
  const parts: string[] = [];
  for (const spec of section.fields) {
    const path = spec.path.join('.');
    parts.push(fieldText(spec, values), issues[path] ?? '', unusedReason(spec, values) ?? '');
  }
  const prefix = section.widget === 'env' ? 'env.' : section.widget === 'ingress-hosts' ? 'ingress.' : null;
  if (prefix) {
    if (section.widget === 'env') parts.push(JSON.stringify(envRows(values)));
    else parts.push(JSON.stringify(ingressHosts(values)), tlsSecretName(values));
    for (const [path, message] of Object.entries(issues)) {
      if (path.startsWith(prefix)) parts.push(path, message);
    }
  }
  return parts.join('\u0000');
}

// Enter in a section's only text field would submit its form (and reload the page): nothing is submitted.
function preventSubmit(e: React.FormEvent<HTMLFormElement>): void {
  e.preventDefault();
}

interface FormSectionProps {
  section: SectionSpec;
  values: PlainMap;
  issues: Readonly<Record<string, string>>;
  disabled: boolean;
  edits: FormEdits;
  signature: string;
}

const FormSection = memo(
  function FormSection({ section, values, issues, disabled, edits }: FormSectionProps) {
    const { set, setAt } = edits;
    return (
      <details className="form-section" open={section.open}>
        <summary>
          <h3>{section.title}</h3>
        </summary>
        {/* Each section is a form of its own: the browser's autofill looks at the form a changed field
            belongs to on every keystroke, and formless fields all count as one form (every field on
            the page, 3–6 ms of main-thread time per keystroke here; 1–2 ms for a section). Nothing submits. */}
        <form className="form-section__body" onSubmit={preventSubmit} noValidate>
          {section.fields.map((spec) => {
            const path = spec.path.join('.');
            return (
              <Field
                key={path}
                spec={spec}
                text={fieldText(spec, values)}
                issue={issues[path]}
                description={fieldMeta(path)?.description}
                unused={unusedReason(spec, values)}
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
              onRename={edits.renameEnv}
              onValue={(name, value) => set(['env', name], value)}
              onRemove={(name) => set(['env', name], undefined, `env:remove:${name}`)}
            />
          ) : null}
          {section.widget === 'ingress-hosts' ? (
            <IngressHosts
              hosts={ingressHosts(values)}
              tlsSecret={tlsSecretName(values)}
              issues={issues}
              disabled={disabled}
              onHost={edits.setHost}
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
              onRemoveHost={edits.removeHost}
              onTlsSecret={edits.setTlsSecret}
            />
          ) : null}
        </form>
      </details>
    );
  },
  (a, b) =>
    a.signature === b.signature &&
    a.disabled === b.disabled &&
    a.edits === b.edits &&
    a.section === b.section,
);
