'use client';
/** useDraft keeps a control's text while the studio's state catches up with what was typed. */
import { createContext, useCallback, useContext, useState } from 'react';

const MAX_SENT = 64;

/**
 * DraftEpoch changes when the state changes from outside the controls (undo, redo, another environment,
 * a restored document): every control then shows the state again, whatever it had typed.
 */
export const DraftEpoch = createContext(0);

/** DraftState is what a control remembers between renders. */
interface DraftState {
  /** draft is the text the control shows. */
  draft: string;
  /** seen is the last value the studio gave the control. */
  seen: string;
  epoch: number;
  /** sent are the texts the control sent that the studio has not given back yet (oldest first). */
  sent: readonly string[];
}

/**
 * useDraft returns the text a control shows and `edit(text)` for the user's input. The studio applies
 * edits to its state after the preview (a frame or two later), so `value` can come back as an older
 * text this control sent: that echo is ignored and the newer draft stays. A value the control never
 * sent (an edit in the YAML editor, undo, another environment) replaces the draft, and `onExternal` runs.
 *
 * All of it is React state, nothing is kept in refs: the studio's catch-up renders in a transition,
 * which React may start, drop and start again; a ref written by a dropped render would make the next
 * one believe the new value was already shown.
 */
export function useDraft(
  value: string,
  same: (a: string, b: string) => boolean = (a, b) => a === b,
  onExternal?: () => void,
): [string, (text: string) => void] {
  const epoch = useContext(DraftEpoch);
  const [state, setState] = useState<DraftState>(() => ({ draft: value, seen: value, epoch, sent: [] }));
  let next = state;
  if (state.epoch !== epoch) {
    next = { draft: value, seen: value, epoch, sent: [] };
    if (state.draft !== value) onExternal?.();
  } else if (state.seen !== value) {
    if (same(state.draft, value)) next = { ...state, seen: value, sent: [] };
    else if (state.sent.some((t) => same(t, value))) next = { ...state, seen: value };
    else {
      next = { draft: value, seen: value, epoch, sent: [] };
      onExternal?.();
    }
  }
  // Adjusting state while rendering (React's pattern for props that changed): React renders again at once.
  if (next !== state) setState(next);
  const edit = useCallback(
    (text: string) =>
      setState((s) => ({
        ...s,
        draft: text,
        sent: s.sent.length >= MAX_SENT ? [...s.sent.slice(1), text] : [...s.sent, text],
      })),
    [],
  );
  return [next.draft, edit];
}

/** DraftInputProps are an input's props with its text as `value` and the user's edits as `onValue`. */
export type DraftInputProps = Omit<React.InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'> & {
  value: string;
  onValue(text: string): void;
};

/** DraftInput is a text input that keeps what the user typed until the studio's state catches up. */
export function DraftInput({ value, onValue, ...rest }: DraftInputProps) {
  const [draft, edit] = useDraft(value);
  return (
    <input
      {...rest}
      value={draft}
      onChange={(e) => {
        edit(e.target.value);
        onValue(e.target.value);
      }}
    />
  );
}
