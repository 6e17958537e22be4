'use client';
/** useRowFocus moves the focus where a keyboard user expects it after a table row is added or removed. */
import { type RefObject, useCallback, useEffect, useState } from 'react';

/**
 * useRowFocus returns `adding()` and `removing(at)`, to call when a row is added at the end or the row
 * at `at` is removed. Once the table shows the change, the focus goes to the new row's field (selected
 * with `selectAdded`, ready to type over), or to the field of the row that took the removed one's place
 * (or the row above; the add button when no row is left). Left where it was after a removal, the focus
 * would sit on the next row's Remove button (rows keyed by position), where a second Enter removes that
 * row too, or on nothing (rows keyed by name). `fieldOf(row)` is the row's field to focus.
 */
export function useRowFocus(
  count: number,
  fieldOf: (row: number) => HTMLInputElement | null | undefined,
  addButton: RefObject<HTMLButtonElement | null>,
  selectAdded = false,
): { adding(): void; removing(at: number): void } {
  const [pending, setPending] = useState<{ added: boolean; at: number; count: number } | null>(null);
  useEffect(() => {
    if (pending === null) return;
    if (pending.added ? count <= pending.at : count >= pending.count) return;
    const at = pending.added ? pending.at : Math.min(pending.at, count - 1);
    const field = at >= 0 ? fieldOf(at) : null;
    if (field && pending.added && selectAdded) field.select();
    else if (field) field.focus();
    else addButton.current?.focus();
    setPending(null);
  }, [pending, count, fieldOf, addButton, selectAdded]);
  const adding = useCallback(() => setPending({ added: true, at: count, count }), [count]);
  const removing = useCallback((at: number) => setPending({ added: false, at, count }), [count]);
  return { adding, removing };
}
