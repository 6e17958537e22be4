'use client';
/** useStudio holds the studio's state: seeded from the chart, restored from a share link or autosave, autosaved. */
import { useEffect, useMemo, useReducer, useRef, useState } from 'react';
import {
  extractSecrets,
  mergeValues,
  type PlainMap,
  parseValues,
  secretPathsIn,
  seedEnvironments,
} from '@/lib/gateway';
import {
  decodeShare,
  initialState,
  parseDoc,
  STORAGE_KEY,
  type StudioDoc,
  type StudioState,
  serializeDoc,
  studioReducer,
} from '@/lib/studio';
import { chartText, type SerializedChartFile } from './chart-files';

/** DEFAULT_RELEASE is the release the studio starts with. */
export const DEFAULT_RELEASE = { name: 'api-gateway', namespace: 'api-gateway' };

/** stripSecrets removes any secret the user typed into an overlay's YAML before it is saved or shared. */
export function stripSecrets(doc: StudioDoc): StudioDoc {
  return {
    ...doc,
    envs: doc.envs.map((e) => {
      const parsed = parseValues(e.overlay);
      if (!parsed.ok || secretPathsIn(parsed.values).length === 0) return e;
      return { ...e, overlay: extractSecrets(e.overlay, parsed.values).overlay };
    }),
  };
}

function seed(files: readonly SerializedChartFile[]): StudioState {
  const texts = files.flatMap((f) => ('text' in f ? [{ path: f.path, text: f.text }] : []));
  const secrets: Record<string, Record<string, string>> = {};
  const envs = seedEnvironments(texts).map((e) => {
    const parsed = parseValues(e.overlay);
    if (!parsed.ok) return e;
    // The chart's example files may carry placeholder secrets; they live in memory like any secret.
    const split = extractSecrets(e.overlay, parsed.values);
    secrets[e.name] = split.secrets;
    return { name: e.name, overlay: split.overlay };
  });
  const doc: StudioDoc = { envs, current: envs[0]?.name ?? 'dev', release: { ...DEFAULT_RELEASE } };
  return { ...initialState(doc), secrets };
}

/** useStudio returns the state, its dispatcher, the chart defaults and what was restored at start. */
export function useStudio(files: readonly SerializedChartFile[]) {
  const [state, dispatch] = useReducer(studioReducer, files, seed);
  const [restored, setRestored] = useState<'share' | 'storage' | null>(null);
  const loaded = useRef(false);
  const defaults = useMemo<PlainMap>(() => {
    const parsed = parseValues(chartText(files, 'values.yaml') ?? '');
    return parsed.ok ? parsed.values : {};
  }, [files]);
  const seededOverlays = useMemo(() => seed(files).doc.envs, [files]);

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
    try {
      localStorage.setItem(STORAGE_KEY, serializeDoc(stripSecrets(state.doc)));
    } catch {
      // Storage full or disabled: the studio keeps working without autosave.
    }
  }, [state.doc]);

  return { state, dispatch, defaults, restored, seededOverlays };
}

/** envValues parses an overlay and merges it with the defaults; null when the YAML does not parse. */
export function envValues(defaults: PlainMap, overlay: string): PlainMap | null {
  const parsed = parseValues(overlay);
  return parsed.ok ? mergeValues(defaults, parsed.values) : null;
}
