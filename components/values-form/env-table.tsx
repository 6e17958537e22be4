'use client';
/** EnvTable edits the container's plain environment variables: a row per variable, `Name` and `Value`. */
import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { type EnvRow, envNameError } from '@/lib/gateway';
import { fieldId } from './field';
import { DraftInput } from './use-draft';
import { useRowFocus } from './use-refocus';

interface EnvTableProps {
  rows: readonly EnvRow[];
  issues: Readonly<Record<string, string>>;
  disabled?: boolean;
  onAdd(): void;
  onRename(from: string, to: string): void;
  onValue(name: string, value: string): void;
  onRemove(name: string): void;
}

/**
 * EnvRowView is one variable: `Name` (applied on Enter or when left) and `Value`. The row remembers the
 * name it last applied, so an edit made before the studio's state catches up goes to the right key.
 */
function EnvRowView(props: {
  row: EnvRow;
  others: string[];
  issue?: string;
  disabled?: boolean;
  nameRef(el: HTMLInputElement | null): void;
  onRename(from: string, to: string): void;
  onValue(name: string, value: string): void;
  onRemove(name: string): void;
}) {
  const { row, others, issue, disabled } = props;
  // What the row shows is React state, adjusted while rendering when the name changes elsewhere (undo,
  // another environment); no ref is written while rendering, as a render React drops would keep it.
  const [view, setView] = useState({ draft: row.name, seen: row.name });
  if (view.seen !== row.name) setView({ draft: row.name, seen: row.name });
  const draft = view.seen === row.name ? view.draft : row.name;
  const setDraft = (text: string) => setView((v) => ({ ...v, draft: text }));
  // The name the studio has for this row, as the handlers must use it: a rename applies it at once,
  // before React's copy of the state catches up; a name changed elsewhere resets it after the commit.
  const applied = useRef(row.name);
  useLayoutEffect(() => {
    applied.current = row.name;
  }, [row.name]);
  const error = draft === applied.current || draft === row.name ? null : envNameError(draft, others);
  const commit = () => {
    if (draft !== applied.current && !envNameError(draft, others)) {
      props.onRename(applied.current, draft);
      applied.current = draft;
    }
  };
  return (
    <tr>
      <td>
        <input
          ref={props.nameRef}
          aria-label="Name"
          value={draft}
          disabled={disabled}
          spellCheck={false}
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
            if (e.key === 'Escape') setDraft(applied.current);
          }}
        />
        {error ? <p className="field__error">{error}</p> : null}
      </td>
      <td>
        <DraftInput
          id={fieldId(`env.${row.name}`)}
          aria-label="Value"
          value={row.value}
          disabled={disabled}
          spellCheck={false}
          autoComplete="off"
          aria-invalid={issue ? true : undefined}
          onValue={(v) => props.onValue(applied.current, v)}
        />
        {issue ? <p className="field__error">{issue}</p> : null}
      </td>
      <td>
        <button
          type="button"
          className="button button--quiet"
          aria-label={`Remove variable ${row.name}`}
          disabled={disabled}
          onClick={() => props.onRemove(applied.current)}
        >
          Remove
        </button>
      </td>
    </tr>
  );
}

/** VariablesHead is the header row of a table of environment variables (plain or secret). */
export function VariablesHead() {
  return (
    <thead>
      <tr>
        <th scope="col">Name</th>
        <th scope="col">Value</th>
        <th scope="col">
          <span className="visually-hidden">Actions</span>
        </th>
      </tr>
    </thead>
  );
}

/** EnvTable renders the table with `Add variable`; a name is applied when the field is left or Enter is pressed. */
export function EnvTable({ rows, issues, disabled, onAdd, onRename, onValue, onRemove }: EnvTableProps) {
  const names = rows.map((r) => r.name);
  const nameInputs = useRef<(HTMLInputElement | null)[]>([]);
  // Add variable focuses (and selects) the new name; Remove, the name of the row taking its place.
  const addButton = useRef<HTMLButtonElement>(null);
  const { adding, removing } = useRowFocus(
    rows.length,
    useCallback((row: number) => nameInputs.current[row], []),
    addButton,
    true,
  );
  return (
    <div className="env-table">
      <table>
        <VariablesHead />
        <tbody>
          {rows.map((row, i) => (
            // Rows are keyed by position so a rename does not move the focus.
            <EnvRowView
              // biome-ignore lint/suspicious/noArrayIndexKey: the row's identity is its position while its name is edited.
              key={i}
              row={row}
              others={names.filter((n) => n !== row.name)}
              issue={issues[`env.${row.name}`]}
              disabled={disabled}
              nameRef={(el) => {
                nameInputs.current[i] = el;
              }}
              onRename={onRename}
              onValue={onValue}
              onRemove={(name) => {
                removing(i);
                onRemove(name);
              }}
            />
          ))}
        </tbody>
      </table>
      <button
        ref={addButton}
        type="button"
        className="button"
        disabled={disabled}
        onClick={() => {
          adding();
          onAdd();
        }}
      >
        Add variable
      </button>
    </div>
  );
}
