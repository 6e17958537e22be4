import { describe, expect, it } from 'vitest';
import {
  COALESCE_MS,
  currentEnvironment,
  hiddenHistoryChange,
  initialState,
  type StudioAction,
  type StudioDoc,
  type StudioState,
  studioReducer,
} from './state';

const doc: StudioDoc = {
  envs: [
    { name: 'dev', overlay: 'replicaCount: 1\n' },
    { name: 'prod', overlay: '# prod\nreplicaCount: 2\n' },
  ],
  current: 'dev',
  release: { name: 'api-gateway', namespace: 'default' },
};

const run = (actions: StudioAction[], start: StudioState = initialState(doc)) =>
  actions.reduce(studioReducer, start);
const overlays = (s: StudioState) => Object.fromEntries(s.doc.envs.map((e) => [e.name, e.overlay]));

describe('studioReducer', () => {
  const cases: { name: string; input: StudioAction[]; want: Partial<Record<string, unknown>> }[] = [
    {
      name: 'editOverlay changes only the named environment',
      input: [{ type: 'editOverlay', env: 'prod', overlay: 'replicaCount: 3\n', key: 'editor', at: 0 }],
      want: { overlays: { dev: 'replicaCount: 1\n', prod: 'replicaCount: 3\n' }, past: 1 },
    },
    {
      name: 'quick edits of one field share an undo step',
      input: [
        { type: 'editOverlay', env: 'dev', overlay: 'replicaCount: 2\n', key: 'form:replicaCount', at: 0 },
        { type: 'editOverlay', env: 'dev', overlay: 'replicaCount: 23\n', key: 'form:replicaCount', at: 100 },
        { type: 'undo' },
      ],
      want: { overlays: { dev: 'replicaCount: 1\n', prod: '# prod\nreplicaCount: 2\n' }, past: 0, future: 1 },
    },
    {
      name: 'slow edits of one field are separate undo steps',
      input: [
        { type: 'editOverlay', env: 'dev', overlay: 'a: 1\n', key: 'editor', at: 0 },
        { type: 'editOverlay', env: 'dev', overlay: 'a: 2\n', key: 'editor', at: COALESCE_MS + 1 },
        { type: 'undo' },
      ],
      want: { overlays: { dev: 'a: 1\n', prod: '# prod\nreplicaCount: 2\n' }, past: 1, future: 1 },
    },
    {
      name: 'undo crosses from editor to form edits and redo restores them',
      input: [
        { type: 'editOverlay', env: 'dev', overlay: 'a: 1\n', key: 'editor', at: 0 },
        { type: 'editOverlay', env: 'dev', overlay: 'a: 1\nb: 2\n', key: 'form:b', at: 10 },
        { type: 'undo' },
        { type: 'undo' },
        { type: 'redo' },
      ],
      want: { overlays: { dev: 'a: 1\n', prod: '# prod\nreplicaCount: 2\n' }, past: 1, future: 1 },
    },
    {
      name: 'a new edit clears redo',
      input: [
        { type: 'editOverlay', env: 'dev', overlay: 'a: 1\n', key: 'editor', at: 0 },
        { type: 'undo' },
        { type: 'editOverlay', env: 'dev', overlay: 'b: 1\n', key: 'editor', at: 5000 },
      ],
      want: { future: 0, past: 1 },
    },
    {
      name: 'addEnv adds, selects and can be undone',
      input: [{ type: 'addEnv', name: 'qa', overlay: 'x: 1\n' }],
      want: { current: 'qa', names: ['dev', 'prod', 'qa'], past: 1 },
    },
    {
      name: 'addEnv with an existing name is a no-op',
      input: [{ type: 'addEnv', name: 'prod', overlay: '' }],
      want: { names: ['dev', 'prod'], past: 0 },
    },
    {
      name: 'undo of addEnv returns to an existing environment',
      input: [{ type: 'addEnv', name: 'qa', overlay: '' }, { type: 'undo' }],
      want: { current: 'dev', names: ['dev', 'prod'] },
    },
    {
      name: 'removeEnv keeps at least one environment',
      input: [
        { type: 'removeEnv', name: 'dev' },
        { type: 'removeEnv', name: 'prod' },
      ],
      want: { current: 'prod', names: ['prod'] },
    },
    {
      name: 'selectEnv is not an undo step and ignores unknown names',
      input: [
        { type: 'selectEnv', name: 'prod' },
        { type: 'selectEnv', name: 'nope' },
      ],
      want: { current: 'prod', past: 0 },
    },
    {
      name: 'undo keeps the environment in view',
      input: [
        { type: 'editOverlay', env: 'dev', overlay: 'a: 1\n', key: 'editor', at: 0 },
        { type: 'selectEnv', name: 'prod' },
        { type: 'undo' },
      ],
      want: { current: 'prod', overlays: { dev: 'replicaCount: 1\n', prod: '# prod\nreplicaCount: 2\n' } },
    },
    {
      name: 'setRelease edits and coalesces typing',
      input: [
        { type: 'setRelease', field: 'name', value: 'a', at: 0 },
        { type: 'setRelease', field: 'name', value: 'ab', at: 50 },
      ],
      want: { release: { name: 'ab', namespace: 'default' }, past: 1 },
    },
    {
      name: 'undoing the removal of an environment brings its secrets back with it',
      input: [
        { type: 'setSecret', env: 'prod', path: 'secrets.djangoSecretKey', value: 'k' },
        { type: 'removeEnv', name: 'prod' },
        { type: 'undo' },
      ],
      want: { names: ['dev', 'prod'], secrets: { prod: { 'secrets.djangoSecretKey': 'k' } } },
    },
    {
      name: 'a new environment with the name of a removed one starts without secrets',
      input: [
        { type: 'setSecret', env: 'prod', path: 'secrets.djangoSecretKey', value: 'k' },
        { type: 'removeEnv', name: 'prod' },
        { type: 'addEnv', name: 'prod', overlay: '' },
      ],
      want: { names: ['dev', 'prod'], secrets: {} },
    },
    {
      name: 'secrets are not part of the document or its history',
      input: [
        { type: 'setSecret', env: 'dev', path: 'secrets.djangoSecretKey', value: 's3cr3t' },
        { type: 'editOverlay', env: 'dev', overlay: 'a: 1\n', key: 'editor', at: 0 },
        { type: 'undo' },
      ],
      want: { secrets: { dev: { 'secrets.djangoSecretKey': 's3cr3t' } }, past: 0 },
    },
    {
      name: 'an empty secret is removed',
      input: [
        { type: 'setSecret', env: 'dev', path: 'k', value: 'v' },
        { type: 'setSecret', env: 'dev', path: 'k', value: '' },
      ],
      want: { secrets: { dev: {} } },
    },
    {
      name: 'load replaces the document and clears history, keeping secrets',
      input: [
        { type: 'setSecret', env: 'dev', path: 'k', value: 'v' },
        { type: 'editOverlay', env: 'dev', overlay: 'a: 1\n', key: 'editor', at: 0 },
        { type: 'load', doc: { ...doc, current: 'prod' } },
      ],
      want: { current: 'prod', past: 0, future: 0, secrets: { dev: { k: 'v' } } },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const s = run(c.input);
      const got: Record<string, unknown> = {
        overlays: overlays(s),
        past: s.past.length,
        future: s.future.length,
        current: s.doc.current,
        names: s.doc.envs.map((e) => e.name),
        release: s.doc.release,
        secrets: s.secrets,
      };
      for (const [k, v] of Object.entries(c.want)) expect(got[k], k).toEqual(v);
    });
  }

  it('returns the same state object for no-op edits', () => {
    const s = initialState(doc);
    expect(
      studioReducer(s, { type: 'editOverlay', env: 'dev', overlay: 'replicaCount: 1\n', key: 'x', at: 0 }),
    ).toBe(s);
    expect(studioReducer(s, { type: 'undo' })).toBe(s);
    expect(studioReducer(s, { type: 'redo' })).toBe(s);
  });
});

describe('currentEnvironment', () => {
  it('returns the selected environment', () =>
    expect(currentEnvironment({ ...doc, current: 'prod' }).name).toBe('prod'));
  it('falls back to the first environment', () =>
    expect(currentEnvironment({ ...doc, current: 'x' }).name).toBe('dev'));
});

describe('hiddenHistoryChange', () => {
  const doc = (current: string, envs: Record<string, string>) => ({
    envs: Object.entries(envs).map(([name, overlay]) => ({ name, overlay })),
    current,
    release: { name: 'r', namespace: 'n' },
  });
  const cases: { name: string; input: Parameters<typeof hiddenHistoryChange>; want: string | null }[] = [
    {
      name: 'a change in view says nothing',
      input: ['Undo', doc('dev', { dev: 'a: 1\n', prod: '' }), doc('dev', { dev: '', prod: '' })],
      want: null,
    },
    {
      name: 'a change in another environment is named',
      input: ['Undo', doc('prod', { dev: 'a: 1\n', prod: '' }), doc('prod', { dev: '', prod: '' })],
      want: 'Undo changed the values of dev.',
    },
    {
      name: 'an environment brought back',
      input: ['Undo', doc('dev', { dev: '' }), doc('dev', { dev: '', qa: 'x: 1\n' })],
      want: 'Undo brought back qa.',
    },
    {
      name: 'an environment removed again',
      input: ['Redo', doc('dev', { dev: '', qa: '' }), doc('dev', { dev: '' })],
      want: 'Redo removed qa.',
    },
    {
      name: 'only the release changed',
      input: [
        'Undo',
        doc('dev', { dev: '' }),
        { ...doc('dev', { dev: '' }), release: { name: 'x', namespace: 'n' } },
      ],
      want: null,
    },
  ];
  for (const c of cases) it(c.name, () => expect(hiddenHistoryChange(...c.input)).toBe(c.want));
});
