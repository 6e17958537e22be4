'use client';
/** useDraft keeps a control's text while the studio's state catches up with what was typed. */
import { createContext, useContext, useRef, useState } from 'react';

const MAX_SENT = 64;

/**
 * DraftEpoch changes when the state changes from outside the controls (undo, redo, another environment,
 * a restored document): every control then shows the state again, whatever it had typed.
 */
export const DraftEpoch = createContext(0);

/**
 * useDraft returns the text a control shows and `edit(text)` for the user's input. The studio applies
 * edits to its state after the preview (a frame or two later), so `value` can come back as an older
 * text this control sent: that echo is ignored and the newer draft stays. A value the control never
 * sent (an edit in the YAML editor, undo, another environment) replaces the draft, and `onExternal` runs.
 */
export function useDraft(
  value: string,
  same: (a: string, b: string) => boolean = (a, b) => a === b,
  onExternal?: () => void,
): [string, (text: string) => void] {
  const [draft, setDraft] = useState(value);
  const seen = useRef(value);
  const sent = useRef<string[]>([]);
  const epoch = useContext(DraftEpoch);
  const seenEpoch = useRef(epoch);
  if (seenEpoch.current !== epoch) {
    seenEpoch.current = epoch;
    seen.current = value;
    sent.current = [];
    if (draft !== value) {
      setDraft(value);
      onExternal?.();
    }
  } else if (seen.current !== value) {
    seen.current = value;
    if (same(draft, value)) sent.current = [];
    else if (!sent.current.some((t) => same(t, value))) {
      sent.current = [];
      setDraft(value);
      onExternal?.();
    }
  }
  const edit = (text: string) => {
    setDraft(text);
    sent.current.push(text);
    if (sent.current.length > MAX_SENT) sent.current.shift();
  };
  return [draft, edit];
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
