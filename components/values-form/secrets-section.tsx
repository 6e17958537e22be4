'use client';
/** SecretsSection edits the environment's secrets: kept in memory only, never in the overlay, links or storage. */
import { useState } from 'react';
import { dotted, fieldMeta, SECRET_FIELDS } from '@/lib/gateway';
import { Field } from './field';

interface SecretsSectionProps {
  env: string;
  secrets: Readonly<Record<string, string>>;
  /** inOverlay lists secret paths found in the YAML, which should move here. */
  inOverlay: readonly string[];
  onSecret(path: string, value: string): void;
  onMoveFromOverlay(): void;
}

/** SecretsSection renders a password field per secret value and a warning for secrets typed into the YAML. */
export function SecretsSection({
  env,
  secrets,
  inOverlay,
  onSecret,
  onMoveFromOverlay,
}: SecretsSectionProps) {
  const [show, setShow] = useState(false);
  const extra = Object.keys(secrets).filter((k) => !SECRET_FIELDS.some((f) => dotted(f.path) === k));
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
      {extra.length > 0 ? (
        <p className="field__hint">Also set: {extra.join(', ')} (extra secret variables).</p>
      ) : null}
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
