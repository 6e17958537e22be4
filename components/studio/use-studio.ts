'use client';
/**
 * useStudio holds the studio's state: seeded from the chart, restored from a share link or autosave,
 * autosaved, and sent to the render worker on every change.
 *
 * The state has two copies. `truth` changes synchronously with every action and is what the event
 * handlers read and what the worker renders. React's copy (`state`, which the form, the YAML editor and
 * the views render) follows it: at once for most actions, and for a typing edit (`dispatch(action,
 * true)`) in a transition that starts once the preview of that edit is painted, so a keystroke's own
 * task does no more than post the render request.
 */
import { startTransition, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { RenderClient } from '@/components/preview/render-client';
import { mergeValues, type PlainMap, parseValues } from '@/lib/gateway';
import {
  currentEnvironment,
  decodeShare,
  parseDoc,
  STORAGE_KEY,
  type StudioAction,
  type StudioDoc,
  type StudioState,
  serializeDoc,
  studioReducer,
} from '@/lib/studio';
import { chartText, type SerializedChartFile } from './chart-files';
import { renderOptions, seedState, stripSecrets } from './seed';

/** RESYNC are the actions after which every control shows the state again, whatever it had typed. */
const RESYNC = new Set<StudioAction['type']>(['selectEnv', 'addEnv', 'removeEnv', 'load', 'undo', 'redo']);

/** CATCH_UP_MS is how long the form and the editor wait at most for the preview before they catch up. */
const CATCH_UP_MS = 150;

/** afterNextPaint runs `fn` in a task after the next frame is painted. */
function afterNextPaint(fn: () => void): void {
  requestAnimationFrame(() => setTimeout(fn, 0));
}

type IdleWindow = Window & { requestIdleCallback?(cb: () => void, o?: { timeout: number }): number };

/** useStudio returns the state, its dispatcher, the chart defaults and what was restored at start. */
export function useStudio(files: readonly SerializedChartFile[], client: RenderClient) {
  const [state, setState] = useState(() => seedState(files));
  const truth = useRef<StudioState>(state);
  const [restored, setRestored] = useState<'share' | 'storage' | null>(null);
  // Bumped by the actions that change what the controls show from outside them (see DraftEpoch).
  const [epoch, setEpoch] = useState(0);
  const loaded = useRef(false);
  const defaults = useMemo<PlainMap>(() => {
    const parsed = parseValues(chartText(files, 'values.yaml') ?? '');
    return parsed.ok ? parsed.values : {};
  }, [files]);

  // A typing edit's catch-up: waiting for the render `waitFor`, with a deadline.
  const lagging = useRef(false);
  const waitFor = useRef<number | null>(null);
  const deadline = useRef<ReturnType<typeof setTimeout> | null>(null);

  const catchUp = useCallback(() => {
    if (deadline.current !== null) clearTimeout(deadline.current);
    deadline.current = null;
    waitFor.current = null;
    if (!lagging.current) return;
    lagging.current = false;
    startTransition(() => setState(truth.current));
  }, []);

  useEffect(
    () =>
      client.onResult((key, id) => {
        if (key !== 'current' || waitFor.current === null || id < waitFor.current) return;
        waitFor.current = null;
        afterNextPaint(catchUp);
      }),
    [client, catchUp],
  );

  /**
   * dispatch applies an action to the truth and asks for the render of the current environment.
   * `typing` defers React's copy until the preview of the edit is painted (or CATCH_UP_MS passed).
   */
  const dispatch = useCallback(
    (action: StudioAction, typing = false) => {
      const next = studioReducer(truth.current, action);
      if (next === truth.current) return;
      truth.current = next;
      const env = currentEnvironment(next.doc).name;
      const id = client.request('current', renderOptions(next.doc, env, next.secrets[env]), env);
      if (!typing) {
        lagging.current = false;
        waitFor.current = null;
        setState(next);
        if (RESYNC.has(action.type)) setEpoch((e) => e + 1);
        return;
      }
      lagging.current = true;
      if (id !== null) waitFor.current = id;
      else if (waitFor.current === null) afterNextPaint(catchUp);
      deadline.current ??= setTimeout(catchUp, CATCH_UP_MS);
    },
    [client, catchUp],
  );

  useEffect(() => {
    if (loaded.current) return;
    loaded.current = true;
    const env = currentEnvironment(truth.current.doc).name;
    client.request('current', renderOptions(truth.current.doc, env, truth.current.secrets[env]), env);
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
  }, [client, dispatch]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: each new document restarts the save timer; the save writes the truth, which may be newer still.
  useEffect(() => {
    if (!loaded.current) return;
    // Saved when the page is idle after the last edit, off the typing path; a pending save is flushed
    // when the page hides.
    const save = () => {
      try {
        localStorage.setItem(STORAGE_KEY, serializeDoc(stripSecrets(truth.current.doc)));
      } catch {
        // Storage full or disabled: the studio keeps working without autosave.
      }
    };
    const w = window as IdleWindow;
    let idle: number | null = null;
    const timer = setTimeout(() => {
      if (w.requestIdleCallback) idle = w.requestIdleCallback(save, { timeout: 1000 });
      else save();
    }, 250);
    window.addEventListener('pagehide', save);
    return () => {
      clearTimeout(timer);
      if (idle !== null)
        (window as Window & { cancelIdleCallback?(id: number): void }).cancelIdleCallback?.(idle);
      window.removeEventListener('pagehide', save);
    };
  }, [state.doc]);

  return { state, truth, dispatch, defaults, restored, epoch };
}

/** envValues parses an overlay and merges it with the defaults; null when the YAML does not parse. */
export function envValues(defaults: PlainMap, overlay: string): PlainMap | null {
  const parsed = parseValues(overlay);
  return parsed.ok ? mergeValues(defaults, parsed.values) : null;
}
