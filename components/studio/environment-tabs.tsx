'use client';
/** EnvironmentTabs switches between environments and adds new ones. */
import { useRef, useState } from 'react';
import { environmentNameError } from '@/lib/gateway';

interface EnvironmentTabsProps {
  names: readonly string[];
  current: string;
  onSelect(name: string): void;
  onAdd(name: string, copyFrom: string | null): void;
}

/** EnvironmentTabs renders a tab list (arrow keys move between tabs) and an `Add environment` form. */
export function EnvironmentTabs({ names, current, onSelect, onAdd }: EnvironmentTabsProps) {
  const [adding, setAdding] = useState(false);
  const [name, setName] = useState('');
  const [copyFrom, setCopyFrom] = useState('');
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const error = name === '' ? null : environmentNameError(name, names);

  const onKeyDown = (e: React.KeyboardEvent, i: number) => {
    let next = -1;
    if (e.key === 'ArrowRight') next = (i + 1) % names.length;
    else if (e.key === 'ArrowLeft') next = (i - 1 + names.length) % names.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = names.length - 1;
    if (next >= 0) {
      e.preventDefault();
      onSelect(names[next]!);
      tabs.current[next]?.focus();
    }
  };

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (environmentNameError(name, names)) return;
    onAdd(name, copyFrom === '' ? null : copyFrom);
    setName('');
    setCopyFrom('');
    setAdding(false);
  };

  return (
    <div className="env-tabs">
      <div role="tablist" aria-label="Environments" className="env-tabs__list">
        {names.map((n, i) => (
          <button
            key={n}
            ref={(el) => {
              tabs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`env-tab-${n}`}
            aria-selected={n === current}
            aria-controls="env-panel"
            tabIndex={n === current ? 0 : -1}
            className="env-tabs__tab"
            onClick={() => onSelect(n)}
            onKeyDown={(e) => onKeyDown(e, i)}
          >
            {n}
          </button>
        ))}
      </div>
      {adding ? (
        <form className="env-tabs__add" onSubmit={submit} aria-label="New environment">
          <label htmlFor="new-env-name">Environment name</label>
          <input
            id="new-env-name"
            value={name}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'new-env-error' : undefined}
            onChange={(e) => setName(e.target.value)}
            // biome-ignore lint/a11y/noAutofocus: the field appears because the user asked for it.
            autoFocus
          />
          <label htmlFor="new-env-copy">Start from</label>
          <select id="new-env-copy" value={copyFrom} onChange={(e) => setCopyFrom(e.target.value)}>
            <option value="">Chart defaults</option>
            {names.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
          <button type="submit" className="button button--primary" disabled={name === '' || error !== null}>
            Create
          </button>
          <button type="button" className="button button--quiet" onClick={() => setAdding(false)}>
            Cancel
          </button>
          {error ? (
            <p id="new-env-error" className="field__error">
              {error}
            </p>
          ) : null}
        </form>
      ) : (
        <button type="button" className="button" onClick={() => setAdding(true)}>
          Add environment
        </button>
      )}
    </div>
  );
}
