'use client';
/** useDraft keeps a control's text while the studio's state catches up with what was typed. */
import { createContext, useCallback, useContext, useLayoutEffect, useState } from 'react';

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
 * follow is the state after the studio gave the control `value`: an echo of a text the control sent
 * keeps the draft; any other value (an edit in the YAML editor, undo, another environment) replaces it.
 * It returns the same object when nothing changes.
 */
function follow(
  s: DraftState,
  value: string,
  epoch: number,
  same: (a: string, b: string) => boolean,
): DraftState {
  if (s.epoch !== epoch) return { draft: value, seen: value, epoch, sent: [] };
  if (s.seen === value) return s;
  if (same(s.draft, value)) return { ...s, seen: value, sent: [] };
  if (s.sent.some((t) => same(t, value))) return { ...s, seen: value };
  return { draft: value, seen: value, epoch, sent: [] };
}

/**
 * useDraft returns the text a control shows and `edit(text)` for the user's input. The studio applies
 * edits to its state after the preview (a frame or two later), so `value` can come back as an older
 * text this control sent: that echo is ignored and the newer draft stays. A value the control never
 * sent replaces the draft, and `onExternal` runs.
 *
 * The value is followed in a layout effect, after React commits it and before the browser paints,
 * never while rendering. The studio's catch-up renders in a transition that React may start, drop and
 * start again; a state update made while rendering it can outlive the dropped render and meet the
 * older value of a later render, which then looked external and threw away what was typed since (the
 * keystrokes lost in a Host field typed into fast, 2 of 20 runs on a loaded machine). Nothing is kept
 * in refs either, for the same reason.
 */
export function useDraft(
  value: string,
  same: (a: string, b: string) => boolean = (a, b) => a === b,
  onExternal?: () => void,
): [string, (text: string) => void] {
  const epoch = useContext(DraftEpoch);
  const [state, setState] = useState<DraftState>(() => ({ draft: value, seen: value, epoch, sent: [] }));
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new value or epoch is followed; `same` and `onExternal` are read as they are then.
  useLayoutEffect(() => {
    if (follow(state, value, epoch, same).draft !== state.draft) onExternal?.();
    setState((s) => follow(s, value, epoch, same));
  }, [value, epoch]);
  const edit = useCallback(
    (text: string) =>
      setState((s) => ({
        ...s,
        draft: text,
        sent: s.sent.length >= MAX_SENT ? [...s.sent.slice(1), text] : [...s.sent, text],
      })),
    [],
  );
  return [state.draft, edit];
}

/** DraftInputProps are an input's props with its text as `value` and the user's edits as `onValue`. */
export type DraftInputProps = Omit<React.InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'> & {
  value: string;
  onValue(text: string): void;
  ref?: React.Ref<HTMLInputElement>;
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
