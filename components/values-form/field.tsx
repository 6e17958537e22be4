'use client';
/** Field is one labelled form control bound to one value, with its error shown beside it. */
import { useId, useState } from 'react';
import { type FieldSpec, type PlainValue, parseField } from '@/lib/gateway';
import { useDraft } from './use-draft';

/** fieldId is the DOM id of the control for a dotted value path (error links focus it). */
export function fieldId(path: string): string {
  return `field-${path.replace(/[^A-Za-z0-9_.-]/g, '_')}`;
}

function sameValue(spec: FieldSpec, a: string, b: string): boolean {
  if (a === b) return true;
  const pa = parseField(spec, a);
  const pb = parseField(spec, b);
  return pa.ok && pb.ok && pa.value === pb.value;
}

/** FieldProps are the props of a Field. */
export interface FieldProps {
  spec: FieldSpec;
  /** text is the control's text for the current value. */
  text: string;
  /** issue is the schema's message for this value, if any. */
  issue?: string;
  description?: string;
  /** unused says why the chart ignores this value now: the control is then disabled, with the reason. */
  unused?: string | null;
  disabled?: boolean;
  onValue(value: PlainValue): void;
  type?: 'text' | 'password';
}

/** Field renders the control for its kind; text it cannot read stays in the control with a message. */
export function Field({
  spec,
  text,
  issue,
  description,
  unused,
  disabled: formDisabled,
  onValue,
  type = 'text',
}: FieldProps) {
  const path = spec.path.join('.');
  const id = fieldId(path);
  const hintId = useId();
  const errorId = useId();
  const [error, setError] = useState<string | null>(null);
  // The value changed elsewhere (editor, undo, environment switch): shown unless the draft means the same.
  const [draft, setDraft] = useDraft(
    text,
    (a, b) => sameValue(spec, a, b),
    () => setError(null),
  );
  const message = error ?? issue ?? null;
  const hint = unused ?? spec.hint ?? description;
  const disabled = formDisabled || Boolean(unused);
  const describedBy = [hint ? hintId : '', message ? errorId : ''].filter(Boolean).join(' ') || undefined;

  const change = (next: string) => {
    setDraft(next);
    const parsed = parseField(spec, next);
    if (parsed.ok) {
      setError(null);
      onValue(parsed.value);
    } else setError(parsed.error);
  };

  let control: React.ReactNode;
  if (spec.kind === 'boolean') {
    control = (
      <input
        id={id}
        type="checkbox"
        checked={draft === 'true'}
        disabled={disabled}
        aria-describedby={describedBy}
        aria-invalid={message ? true : undefined}
        onChange={(e) => change(e.target.checked ? 'true' : 'false')}
      />
    );
  } else if (spec.kind === 'select') {
    const options = spec.options ?? [];
    control = (
      <select
        id={id}
        value={draft}
        disabled={disabled}
        aria-describedby={describedBy}
        aria-invalid={message ? true : undefined}
        onChange={(e) => change(e.target.value)}
      >
        {options.includes(draft) ? null : <option value={draft}>{draft || '(unset)'}</option>}
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    );
  } else {
    control = (
      <input
        id={id}
        type={type}
        value={draft}
        disabled={disabled}
        inputMode={spec.kind === 'integer' ? 'numeric' : undefined}
        autoComplete="off"
        spellCheck={false}
        aria-describedby={describedBy}
        aria-invalid={message ? true : undefined}
        onChange={(e) => change(e.target.value)}
      />
    );
  }

  return (
    <div className={`field field--${spec.kind}${message ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>{spec.label}</label>
      {control}
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      {message ? (
        <p id={errorId} className="field__error" role="status">
          {message}
        </p>
      ) : null}
    </div>
  );
}
