'use client';
/** ReleaseFields edits the release name and namespace, checked as Helm and Kubernetes check them. */
import { validateNamespace, validateReleaseName } from '@/lib/studio';

interface ReleaseFieldsProps {
  name: string;
  namespace: string;
  onChange(field: 'name' | 'namespace', value: string): void;
}

/** ReleaseFields renders `Release name` and `Namespace` with their messages. */
export function ReleaseFields({ name, namespace, onChange }: ReleaseFieldsProps) {
  const nameError = validateReleaseName(name);
  const nsError = validateNamespace(namespace);
  return (
    <fieldset className="release-fields" data-history>
      <legend className="visually-hidden">Release</legend>
      <div className={`field${nameError ? ' field--invalid' : ''}`}>
        <label htmlFor="release-name">Release name</label>
        <input
          id="release-name"
          value={name}
          spellCheck={false}
          autoComplete="off"
          aria-invalid={nameError ? true : undefined}
          aria-describedby={nameError ? 'release-name-error' : undefined}
          onChange={(e) => onChange('name', e.target.value)}
        />
        {nameError ? (
          <p id="release-name-error" className="field__error">
            {nameError}
          </p>
        ) : null}
      </div>
      <div className={`field${nsError ? ' field--invalid' : ''}`}>
        <label htmlFor="release-namespace">Namespace</label>
        <input
          id="release-namespace"
          value={namespace}
          spellCheck={false}
          autoComplete="off"
          aria-invalid={nsError ? true : undefined}
          aria-describedby={nsError ? 'release-namespace-error' : undefined}
          onChange={(e) => onChange('namespace', e.target.value)}
        />
        {nsError ? (
          <p id="release-namespace-error" className="field__error">
            {nsError}
          </p>
        ) : null}
      </div>
    </fieldset>
  );
}
