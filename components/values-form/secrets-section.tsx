'use client';
/** SecretsSection edits the environment's secrets: kept in memory only, never in the overlay, links or storage. */
import { useCallback, useId, useRef, useState } from 'react';
import { dotted, fieldMeta, SECRET_FIELDS, SECRET_MAP_PATHS, secretVariableNameError } from '@/lib/gateway';
import { VariablesHead } from './env-table';
import { Field } from './field';
import { useDraft } from './use-draft';
import { useRowFocus } from './use-refocus';

const extraPrefix = `${dotted(SECRET_MAP_PATHS[0] ?? ['secrets', 'extra'])}.`;

// SecretValue is the value of a secret variable. Its text may be emptied on the way to a new value; an
// empty value is not applied (it would remove the variable: that is what Remove is for).
function SecretValue(props: { name: string; value: string; show: boolean; onValue(value: string): void }) {
  const [draft, edit] = useDraft(props.value);
  const errorId = useId();
  return (
    <>
      <input
        aria-label={`Secret value of ${props.name}`}
        type={props.show ? 'text' : 'password'}
        autoComplete="off"
        value={draft}
        aria-invalid={draft === '' ? true : undefined}
        aria-describedby={draft === '' ? errorId : undefined}
        onChange={(e) => {
          edit(e.target.value);
          if (e.target.value !== '') props.onValue(e.target.value);
        }}
      />
      {draft === '' ? (
        <p id={errorId} className="field__error">
          Enter a value (Remove deletes the variable).
        </p>
      ) : null}
    </>
  );
}

// SecretVariables edits the extra secret environment variables (secrets.extra): a name and a hidden value per row.
function SecretVariables(props: {
  env: string;
  secrets: Readonly<Record<string, string>>;
  plainNames: readonly string[];
  show: boolean;
  onSecret(path: string, value: string): void;
}) {
  const { env, secrets, plainNames, show, onSecret } = props;
  const names = Object.keys(secrets)
    .filter((k) => k.startsWith(extraPrefix))
    .map((k) => k.slice(extraPrefix.length));
  const [draft, setDraft] = useState<{ name: string; value: string } | null>(null);
  const draftError = draft ? secretVariableNameError(draft.name, names, plainNames) : null;
  // After Remove, the focus goes to the value of the row that took the removed one's place.
  const body = useRef<HTMLTableSectionElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const { removing } = useRowFocus(
    names.length,
    useCallback((row: number) => body.current?.rows[row]?.querySelector('input'), []),
    addButton,
  );
  const commitDraft = () => {
    if (!draft || draftError || draft.value === '') return;
    onSecret(extraPrefix + draft.name, draft.value);
    setDraft(null);
  };
  return (
    <div className="env-table">
      <h3>Secret variables</h3>
      <table>
        <VariablesHead />
        <tbody ref={body}>
          {names.map((name, i) => (
            <tr key={`${env}:${name}`}>
              <td>
                <code>{name}</code>
              </td>
              <td>
                <SecretValue
                  name={name}
                  value={secrets[extraPrefix + name] ?? ''}
                  show={show}
                  onValue={(v) => onSecret(extraPrefix + name, v)}
                />
              </td>
              <td>
                <button
                  type="button"
                  className="button button--quiet"
                  aria-label={`Remove secret variable ${name}`}
                  onClick={() => {
                    removing(i);
                    onSecret(extraPrefix + name, '');
                  }}
                >
                  Remove
                </button>
              </td>
            </tr>
          ))}
          {draft ? (
            <tr>
              <td>
                <input
                  aria-label="Secret variable name"
                  value={draft.name}
                  autoComplete="off"
                  spellCheck={false}
                  aria-invalid={draftError ? true : undefined}
                  onChange={(e) => setDraft({ ...draft, name: e.target.value })}
                />
                {draftError ? <p className="field__error">{draftError}</p> : null}
              </td>
              <td>
                <input
                  aria-label="Secret variable value"
                  type={show ? 'text' : 'password'}
                  autoComplete="off"
                  value={draft.value}
                  onChange={(e) => setDraft({ ...draft, value: e.target.value })}
                  onKeyDown={(e) => e.key === 'Enter' && commitDraft()}
                />
              </td>
              <td>
                <button
                  type="button"
                  className="button"
                  disabled={draftError !== null || draft.value === ''}
                  onClick={commitDraft}
                >
                  Save
                </button>
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
      {draft ? null : (
        <button
          ref={addButton}
          type="button"
          className="button"
          onClick={() => setDraft({ name: '', value: '' })}
        >
          Add secret variable
        </button>
      )}
    </div>
  );
}

interface SecretsSectionProps {
  env: string;
  secrets: Readonly<Record<string, string>>;
  /** inOverlay lists secret paths found in the YAML, which should move here. */
  inOverlay: readonly string[];
  /** plainNames are the environment's plain variables (a secret variable must not share a name with one). */
  plainNames: readonly string[];
  onSecret(path: string, value: string): void;
  onMoveFromOverlay(): void;
}

/** SecretsSection renders a password field per secret value and a warning for secrets typed into the YAML. */
export function SecretsSection({
  env,
  secrets,
  inOverlay,
  plainNames,
  onSecret,
  onMoveFromOverlay,
}: SecretsSectionProps) {
  const [show, setShow] = useState(false);
  return (
    <section className="secrets" aria-labelledby="secrets-title">
      <h2 id="secrets-title">
        Secrets <span className="badge badge--secret">secret</span>
      </h2>
      <p className="secrets__note">
        Kept in this tab’s memory only: never written to values.{env}.yaml, the share link, the address or
        browser storage. They go to secrets.{env}.yaml, which must be git-ignored or encrypted (SOPS).
      </p>
      <label className="checkbox">
        <input type="checkbox" checked={show} onChange={(e) => setShow(e.target.checked)} /> Show secret
        values
      </label>
      {SECRET_FIELDS.map((spec) => {
        const path = dotted(spec.path);
        return (
          <Field
            key={`${env}:${path}`}
            spec={spec}
            text={secrets[path] ?? ''}
            description={fieldMeta(path)?.description}
            type={show ? 'text' : 'password'}
            onValue={(v) => onSecret(path, typeof v === 'string' ? v : String(v))}
          />
        );
      })}
      <SecretVariables
        key={env}
        env={env}
        secrets={secrets}
        plainNames={plainNames}
        show={show}
        onSecret={onSecret}
      />
      {inOverlay.length > 0 ? (
        <div className="callout callout--warning" role="alert">
          <p>
            The YAML of {env} holds secret values ({inOverlay.join(', ')}). They are left out of autosave and
            share links; move them here so the values file stays free of secrets.
          </p>
          <button type="button" className="button" onClick={onMoveFromOverlay}>
            Move secrets out of the YAML
          </button>
        </div>
      ) : null}
    </section>
  );
}
