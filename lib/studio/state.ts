/** The studio's state: environments with their values overlays, the release, secrets, undo and redo. */

/** EnvironmentDoc is one environment: its name and its values overlay as YAML text (comments kept). */
export interface EnvironmentDoc {
  name: string;
  overlay: string;
}

/** StudioDoc is everything the user edits that is saved, shared and undone (never secrets). */
export interface StudioDoc {
  envs: EnvironmentDoc[];
  current: string;
  release: { name: string; namespace: string };
}

/** Secrets maps an environment name to its secret values, keyed by dotted value path. Memory only. */
export type Secrets = Readonly<Record<string, Readonly<Record<string, string>>>>;

/** StudioState is the whole studio state: the document, its history and the in-memory secrets. */
export interface StudioState {
  doc: StudioDoc;
  past: StudioDoc[];
  future: StudioDoc[];
  /** lastEdit groups quick successive edits of one field (or the editor) into one undo step. */
  lastEdit: { key: string; at: number } | null;
  secrets: Secrets;
}

/** StudioAction is every change the studio can make to its state. */
export type StudioAction =
  | { type: 'selectEnv'; name: string }
  | { type: 'addEnv'; name: string; overlay: string }
  | { type: 'removeEnv'; name: string }
  | { type: 'editOverlay'; env: string; overlay: string; key: string; at: number }
  | { type: 'setRelease'; field: 'name' | 'namespace'; value: string; at: number }
  | { type: 'setSecret'; env: string; path: string; value: string }
  | { type: 'load'; doc: StudioDoc }
  | { type: 'undo' }
  | { type: 'redo' };

/** HISTORY_LIMIT is how many undo steps the studio keeps. */
export const HISTORY_LIMIT = 200;
/** COALESCE_MS is how close two edits of the same field must be to share one undo step. */
export const COALESCE_MS = 800;

/** initialState returns a fresh state for a document, with empty history and no secrets. */
export function initialState(doc: StudioDoc): StudioState {
  return { doc, past: [], future: [], lastEdit: null, secrets: {} };
}

/** currentEnvironment returns the environment being edited (the first one if `current` is unknown). */
export function currentEnvironment(doc: StudioDoc): EnvironmentDoc {
  const env = doc.envs.find((e) => e.name === doc.current) ?? doc.envs[0];
  if (!env) throw new Error('currentEnvironment: the studio has no environment');
  return env;
}

function commit(state: StudioState, doc: StudioDoc, key: string | null, at: number): StudioState {
  const last = state.lastEdit;
  if (key !== null && last && last.key === key && at - last.at <= COALESCE_MS && state.past.length > 0) {
    // The previous snapshot already holds the state before this run of edits.
    return { ...state, doc, future: [], lastEdit: { key, at } };
  }
  const past = [...state.past, state.doc];
  if (past.length > HISTORY_LIMIT) past.splice(0, past.length - HISTORY_LIMIT);
  return { ...state, doc, past, future: [], lastEdit: key === null ? null : { key, at } };
}

// keepView leaves the user on the environment they are looking at when undo or redo restores a snapshot.
function keepView(snapshot: StudioDoc, current: string): StudioDoc {
  if (snapshot.current === current || !snapshot.envs.some((e) => e.name === current)) return snapshot;
  return { ...snapshot, current };
}

/**
 * hiddenHistoryChange says what an undo or redo from `before` to `after` changed out of sight: the
 * environments whose values it changed (or that it added or removed) when the one in view is not among
 * them, as a sentence such as "Undo changed the values of dev."; null when the change is in view.
 */
export function hiddenHistoryChange(
  verb: 'Undo' | 'Redo',
  before: StudioDoc,
  after: StudioDoc,
): string | null {
  const names = [...new Set([...before.envs, ...after.envs].map((e) => e.name))];
  const overlay = (doc: StudioDoc, name: string) => doc.envs.find((e) => e.name === name)?.overlay;
  const changed = names.filter((n) => overlay(before, n) !== overlay(after, n));
  if (changed.length === 0 || changed.includes(after.current)) return null;
  const added = changed.filter((n) => overlay(before, n) === undefined);
  const removed = changed.filter((n) => overlay(after, n) === undefined);
  const edited = changed.filter((n) => !added.includes(n) && !removed.includes(n));
  const parts = [
    edited.length > 0 ? `the values of ${edited.join(', ')}` : '',
    added.length > 0 ? `brought back ${added.join(', ')}` : '',
    removed.length > 0 ? `removed ${removed.join(', ')}` : '',
  ].filter(Boolean);
  return `${verb} ${edited.length > 0 ? 'changed ' : ''}${parts.join('; ')}.`;
}

/** studioReducer applies an action to the state; it is pure and returns the same object for no-ops. */
export function studioReducer(state: StudioState, action: StudioAction): StudioState {
  const { doc } = state;
  switch (action.type) {
    case 'selectEnv': {
      if (doc.current === action.name || !doc.envs.some((e) => e.name === action.name)) return state;
      return { ...state, doc: { ...doc, current: action.name }, lastEdit: null };
    }
    case 'addEnv': {
      if (doc.envs.some((e) => e.name === action.name)) return state;
      const envs = [...doc.envs, { name: action.name, overlay: action.overlay }];
      // A new environment starts without secrets, even where a removed one of that name had some.
      const { [action.name]: _stale, ...secrets } = state.secrets;
      return { ...commit(state, { ...doc, envs, current: action.name }, null, 0), secrets };
    }
    case 'removeEnv': {
      if (doc.envs.length <= 1 || !doc.envs.some((e) => e.name === action.name)) return state;
      const envs = doc.envs.filter((e) => e.name !== action.name);
      const current = doc.current === action.name ? envs[0]!.name : doc.current;
      // Its secrets stay in memory (nothing uses them while it is gone), so undoing the removal
      // brings the environment back whole.
      return commit(state, { ...doc, envs, current }, null, 0);
    }
    case 'editOverlay': {
      const env = doc.envs.find((e) => e.name === action.env);
      if (!env || env.overlay === action.overlay) return state;
      const envs = doc.envs.map((e) => (e.name === action.env ? { ...e, overlay: action.overlay } : e));
      return commit(state, { ...doc, envs }, `${action.env}:${action.key}`, action.at);
    }
    case 'setRelease': {
      if (doc.release[action.field] === action.value) return state;
      const release = { ...doc.release, [action.field]: action.value };
      return commit(state, { ...doc, release }, `release:${action.field}`, action.at);
    }
    case 'setSecret': {
      const envSecrets = { ...(state.secrets[action.env] ?? {}) };
      if (action.value === '') delete envSecrets[action.path];
      else envSecrets[action.path] = action.value;
      return { ...state, secrets: { ...state.secrets, [action.env]: envSecrets } };
    }
    case 'load':
      return { ...initialState(action.doc), secrets: state.secrets };
    case 'undo': {
      const prev = state.past[state.past.length - 1];
      if (!prev) return state;
      return {
        ...state,
        doc: keepView(prev, doc.current),
        past: state.past.slice(0, -1),
        future: [doc, ...state.future],
        lastEdit: null,
      };
    }
    case 'redo': {
      const next = state.future[0];
      if (!next) return state;
      return {
        ...state,
        doc: keepView(next, doc.current),
        past: [...state.past, doc],
        future: state.future.slice(1),
        lastEdit: null,
      };
    }
  }
}
