'use client';
/** useStudio holds the studio's state: seeded from the chart, restored from a share link or autosave, autosaved. */
import { useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { mergeValues, type PlainMap, parseValues } from '@/lib/gateway';
import {
  decodeShare,
  parseDoc,
  STORAGE_KEY,
  type StudioDoc,
  serializeDoc,
  studioReducer,
} from '@/lib/studio';
import { chartText, type SerializedChartFile } from './chart-files';
import { seedState, stripSecrets } from './seed';

/** useStudio returns the state, its dispatcher, the chart defaults and what was restored at start. */
export function useStudio(files: readonly SerializedChartFile[]) {
  const [state, dispatch] = useReducer(studioReducer, files, seedState);
  const [restored, setRestored] = useState<'share' | 'storage' | null>(null);
  const loaded = useRef(false);
  const defaults = useMemo<PlainMap>(() => {
    const parsed = parseValues(chartText(files, 'values.yaml') ?? '');
    return parsed.ok ? parsed.values : {};
  }, [files]);

  useEffect(() => {
    if (loaded.current) return;
    loaded.current = true;
    const shared = decodeShare(window.location.hash);
    if (shared) {
      dispatch({ type: 'load', doc: stripSecrets(shared) });
      setRestored('share');
      // The state now lives in the page; the fragment is dropped so later edits are not confused with it.
      history.replaceState(null, '', window.location.pathname + window.location.search);
      return;
    }
    let saved: StudioDoc | null = null;
    try {
      saved = parseDoc(localStorage.getItem(STORAGE_KEY));
    } catch {
      saved = null;
    }
    if (saved) {
      dispatch({ type: 'load', doc: saved });
      setRestored('storage');
    }
  }, []);

  useEffect(() => {
    if (!loaded.current) return;
    // Saved shortly after the last edit, off the typing path; a pending save is flushed when the page hides.
    const save = () => {
      try {
        localStorage.setItem(STORAGE_KEY, serializeDoc(stripSecrets(state.doc)));
      } catch {
        // Storage full or disabled: the studio keeps working without autosave.
      }
    };
    const timer = setTimeout(save, 250);
    window.addEventListener('pagehide', save);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('pagehide', save);
    };
  }, [state.doc]);

  return { state, dispatch, defaults, restored };
}

/** envValues parses an overlay and merges it with the defaults; null when the YAML does not parse. */
export function envValues(defaults: PlainMap, overlay: string): PlainMap | null {
  const parsed = parseValues(overlay);
  return parsed.ok ? mergeValues(defaults, parsed.values) : null;
}
