'use client';
/** EnvTable edits the container's plain environment variables: a row per variable, `Name` and `Value`. */
import { useRef, useState } from 'react';
import { type EnvRow, envNameError } from '@/lib/gateway';
import { fieldId } from './field';

interface EnvTableProps {
  rows: readonly EnvRow[];
  issues: Readonly<Record<string, string>>;
  disabled?: boolean;
  onAdd(): void;
  onRename(from: string, to: string): void;
  onValue(name: string, value: string): void;
  onRemove(name: string): void;
}

function NameCell(props: { row: EnvRow; others: string[]; disabled?: boolean; onRename(to: string): void }) {
  const { row, others, disabled, onRename } = props;
  const [draft, setDraft] = useState(row.name);
  const seen = useRef(row.name);
  if (seen.current !== row.name) {
    seen.current = row.name;
    setDraft(row.name);
  }
  const error = draft === row.name ? null : envNameError(draft, others);
  const commit = () => {
    if (draft !== row.name && !envNameError(draft, others)) onRename(draft);
  };
  return (
    <td>
      <input
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
          if (e.key === 'Escape') setDraft(row.name);
        }}
      />
      {error ? <p className="field__error">{error}</p> : null}
    </td>
  );
}

/** EnvTable renders the table with `Add variable`; a name is applied when the field is left or Enter is pressed. */
export function EnvTable({ rows, issues, disabled, onAdd, onRename, onValue, onRemove }: EnvTableProps) {
  const names = rows.map((r) => r.name);
  return (
    <div className="env-table">
      <table>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Value</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => {
            const issue = issues[`env.${row.name}`];
            return (
              // Rows are keyed by position so a rename does not move the focus.
              // biome-ignore lint/suspicious/noArrayIndexKey: the row's identity is its position while its name is edited.
              <tr key={i}>
                <NameCell
                  row={row}
                  others={names.filter((n) => n !== row.name)}
                  disabled={disabled}
                  onRename={(to) => onRename(row.name, to)}
                />
                <td>
                  <input
                    id={fieldId(`env.${row.name}`)}
                    aria-label="Value"
                    value={row.value}
                    disabled={disabled}
                    spellCheck={false}
                    autoComplete="off"
                    aria-invalid={issue ? true : undefined}
                    onChange={(e) => onValue(row.name, e.target.value)}
                  />
                  {issue ? <p className="field__error">{issue}</p> : null}
                </td>
                <td>
                  <button
                    type="button"
                    className="button button--quiet"
                    aria-label={`Remove variable ${row.name}`}
                    disabled={disabled}
                    onClick={() => onRemove(row.name)}
                  >
                    Remove
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <button type="button" className="button" disabled={disabled} onClick={onAdd}>
        Add variable
      </button>
    </div>
  );
}
