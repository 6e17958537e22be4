'use client';
/** useRefocusAfterRemove moves the focus off a table row's Remove button once the row is gone. */
import { useCallback, useEffect, useState } from 'react';

/**
 * useRefocusAfterRemove returns `removing(at)`, to call when the row at `at` is removed. Once the table
 * shows one row less, `focusAt` gets the row that took its place (or the one above; null when no row is
 * left). Left where it was, the focus would sit on the next row's Remove button (rows keyed by
 * position), where a second Enter removes that row too, or on nothing (rows keyed by name).
 */
export function useRefocusAfterRemove(
  count: number,
  focusAt: (row: number | null) => void,
): (at: number) => void {
  const [removed, setRemoved] = useState<{ at: number; count: number } | null>(null);
  useEffect(() => {
    if (removed === null || count >= removed.count) return;
    const at = Math.min(removed.at, count - 1);
    focusAt(at >= 0 ? at : null);
    setRemoved(null);
  }, [removed, count, focusAt]);
  return useCallback((at: number) => setRemoved({ at, count }), [count]);
}
