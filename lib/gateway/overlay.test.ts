import { describe, expect, it } from 'vitest';
import {
  computeOverlay,
  deepEqual,
  formatPath,
  mergeValues,
  OverlayEditError,
  overlayEditCounts,
  overlayToYaml,
  type PlainMap,
  type PlainValue,
  parseValues,
  setOverlayValue,
  setOverlayValueUncached,
  type ValuesPath,
  valueChanges,
} from './overlay';

const defaults: PlainMap = {
  replicaCount: 2,
  image: { repository: 'repo/app', tag: '', pullPolicy: 'IfNotPresent' },
  ingress: { enabled: true, hosts: [{ host: 'a.example', paths: ['/'] }], tls: [] },
  env: { DEBUG: 'False', ALLOWED_HOSTS: '' },
  resources: { limits: { cpu: '500m', memory: '512Mi' } },
};

describe('mergeValues', () => {
  const cases: { name: string; input: PlainMap; want: PlainMap }[] = [
    { name: 'empty overlay gives the defaults', input: {}, want: defaults },
    {
      name: 'maps merge key by key',
      input: { image: { tag: 'v1' } },
      want: { ...defaults, image: { repository: 'repo/app', tag: 'v1', pullPolicy: 'IfNotPresent' } },
    },
    {
      name: 'lists replace',
      input: { ingress: { hosts: [{ host: 'b.example' }] } },
      want: { ...defaults, ingress: { enabled: true, hosts: [{ host: 'b.example' }], tls: [] } },
    },
    {
      name: 'null deletes a default key',
      input: { env: { DEBUG: null } },
      want: { ...defaults, env: { ALLOWED_HOSTS: '' } },
    },
    { name: 'new keys are added after', input: { extra: { a: 1 } }, want: { ...defaults, extra: { a: 1 } } },
  ];
  for (const c of cases) it(c.name, () => expect(mergeValues(defaults, c.input)).toEqual(c.want));

  it('keeps the defaults key order, new keys last', () => {
    expect(Object.keys(mergeValues(defaults, { zz: 1, env: { X: 'y' }, aa: 2 }))).toEqual([
      'replicaCount',
      'image',
      'ingress',
      'env',
      'resources',
      'zz',
      'aa',
    ]);
  });
  it('does not share objects with its inputs', () => {
    const merged = mergeValues(defaults, {});
    (merged.image as PlainMap).tag = 'changed';
    expect((defaults.image as PlainMap).tag).toBe('');
  });
});

describe('computeOverlay', () => {
  const cases: { name: string; input: PlainMap; want: PlainMap }[] = [
    { name: 'defaults give an empty overlay', input: defaults, want: {} },
    {
      name: 'one nested scalar',
      input: mergeValues(defaults, { resources: { limits: { memory: '1Gi' } } }),
      want: { resources: { limits: { memory: '1Gi' } } },
    },
    {
      name: 'a changed list is written whole',
      input: mergeValues(defaults, { ingress: { hosts: [{ host: 'a.example', paths: ['/', '/api'] }] } }),
      want: { ingress: { hosts: [{ host: 'a.example', paths: ['/', '/api'] }] } },
    },
    {
      name: 'a removed default key becomes null',
      input: mergeValues(defaults, { env: { DEBUG: null } }),
      want: { env: { DEBUG: null } },
    },
    {
      name: 'a restated default is not a change',
      input: mergeValues(defaults, { replicaCount: 2, image: { tag: '' } }),
      want: {},
    },
    {
      name: 'a number and its string are different',
      input: mergeValues(defaults, { replicaCount: '2' }),
      want: { replicaCount: '2' },
    },
  ];
  for (const c of cases) it(c.name, () => expect(computeOverlay(defaults, c.input)).toEqual(c.want));

  it('orders keys as the defaults, then unknown keys sorted', () => {
    const values = mergeValues(defaults, { zeta: 1, env: { B: 'b', A: 'a' }, alpha: 2, replicaCount: 5 });
    const overlay = computeOverlay(defaults, values);
    expect(Object.keys(overlay)).toEqual(['replicaCount', 'env', 'alpha', 'zeta']);
    expect(Object.keys(overlay.env as PlainMap)).toEqual(['A', 'B']);
  });
  it('round-trips: defaults merged with the overlay give the values back', () => {
    const values = mergeValues(defaults, {
      image: { tag: 'v2' },
      env: { DEBUG: null, NEW: 'x' },
      other: [1],
    });
    expect(mergeValues(defaults, computeOverlay(defaults, values))).toEqual(values);
  });
});

describe('valueChanges', () => {
  const cases: {
    name: string;
    input: PlainMap;
    want: { path: string; from?: PlainValue; to?: PlainValue }[];
  }[] = [
    { name: 'nothing', input: {}, want: [] },
    { name: 'restated default', input: { replicaCount: 2 }, want: [] },
    {
      name: 'leaves in defaults order',
      input: { resources: { limits: { cpu: '1' } }, replicaCount: 3, image: { tag: 'v1' } },
      want: [
        { path: 'replicaCount', from: 2, to: 3 },
        { path: 'image.tag', from: '', to: 'v1' },
        { path: 'resources.limits.cpu', from: '500m', to: '1' },
      ],
    },
    {
      name: 'new map is listed by leaf',
      input: { postgresql: { enabled: true, auth: { database: 'x' } } },
      want: [
        { path: 'postgresql.auth.database', to: 'x' },
        { path: 'postgresql.enabled', to: true },
      ],
    },
    { name: 'removed key', input: { env: { DEBUG: null } }, want: [{ path: 'env.DEBUG', from: 'False' }] },
    {
      name: 'list as one leaf',
      input: { ingress: { tls: [{ secretName: 's' }] } },
      want: [{ path: 'ingress.tls', from: [], to: [{ secretName: 's' }] }],
    },
  ];
  for (const c of cases) {
    it(c.name, () =>
      expect(valueChanges(defaults, c.input)).toEqual(
        c.want.map((w) => ({ from: undefined, to: undefined, ...w })),
      ),
    );
  }
});

describe('parseValues', () => {
  const cases: { name: string; input: string; want: unknown }[] = [
    { name: 'empty', input: '', want: { ok: true, values: {} } },
    { name: 'comment only', input: '# nothing\n', want: { ok: true, values: {} } },
    {
      name: 'YAML 1.1 booleans as Helm reads them',
      input: 'a: yes\nb: off\n',
      want: { ok: true, values: { a: true, b: false } },
    },
    {
      name: 'a list at the top is an error',
      input: '- a\n',
      want: {
        ok: false,
        errors: [{ message: 'The values must be a map of keys (key: value).', line: 1, col: 1 }],
      },
    },
  ];
  for (const c of cases) it(c.name, () => expect(parseValues(c.input)).toEqual(c.want));

  it('reports the line of a syntax error', () => {
    const got = parseValues('a: 1\nb: [1, 2\nc: 3\n');
    expect(got.ok).toBe(false);
    if (!got.ok) expect(got.errors[0]!.line).toBeGreaterThanOrEqual(2);
  });

  it('leaves the position out of the message (line and col carry it)', () => {
    const got = parseValues('replicaCount: [1\n');
    expect(got.ok).toBe(false);
    if (!got.ok) {
      expect(got.errors[0]!.message).not.toMatch(/line \d|column \d/);
      expect(got.errors[0]!.message).toMatch(/\]$/);
    }
  });
});

describe('setOverlayValue', () => {
  const cases: {
    name: string;
    input: { text: string; path: ValuesPath; value: PlainValue | undefined };
    want: string;
  }[] = [
    {
      name: 'into an empty overlay',
      input: { text: '', path: ['replicaCount'], value: 3 },
      want: 'replicaCount: 3\n',
    },
    {
      name: 'comments and unknown keys survive',
      input: {
        text: '# team overlay\nreplicaCount: 1 # one pod\ncustom: keep # mine\n',
        path: ['replicaCount'],
        value: 4,
      },
      want: '# team overlay\nreplicaCount: 4 # one pod\ncustom: keep # mine\n',
    },
    {
      name: 'nested key is created under its parents',
      input: { text: 'replicaCount: 1\n', path: ['resources', 'limits', 'memory'], value: '1Gi' },
      want: 'replicaCount: 1\nresources:\n  limits:\n    memory: 1Gi\n',
    },
    {
      name: 'back to the default removes the key and empty parents',
      input: {
        text: 'a: 1\nresources:\n  limits:\n    memory: 1Gi\n',
        path: ['resources', 'limits', 'memory'],
        value: '512Mi',
      },
      want: 'a: 1\n',
    },
    {
      name: 'removing a default key writes null',
      input: { text: '', path: ['env', 'DEBUG'], value: undefined },
      want: 'env:\n  DEBUG: null\n',
    },
    {
      name: 'removing a key the chart lacks deletes it',
      input: { text: 'env:\n  X: "1"\n', path: ['env', 'X'], value: undefined },
      want: '',
    },
    {
      name: 'strings that look like numbers or booleans are quoted',
      input: { text: '', path: ['image', 'tag'], value: '1.10' },
      want: 'image:\n  tag: "1.10"\n',
    },
    {
      name: 'YAML 1.1 words are quoted as strings',
      input: { text: '', path: ['env', 'FLAG'], value: 'yes' },
      want: 'env:\n  FLAG: "yes"\n',
    },
    {
      name: 'a list item not yet in the overlay copies the whole list',
      input: { text: '', path: ['ingress', 'hosts', 0, 'host'], value: 'b.example' },
      want: 'ingress:\n  hosts:\n    - host: b.example\n      paths:\n        - /\n',
    },
    {
      name: 'a list item already in the overlay is edited in place',
      input: {
        text: 'ingress:\n  hosts:\n    # main\n    - host: b.example\n      paths: ["/"]\n',
        path: ['ingress', 'hosts', 0, 'host'],
        value: 'c.example',
      },
      want: 'ingress:\n  hosts:\n    # main\n    - host: c.example\n      paths: ["/"]\n',
    },
    {
      name: 'a list back to its default is removed',
      input: {
        text: 'ingress:\n  hosts:\n    - host: b.example\n      paths: ["/"]\n',
        path: ['ingress', 'hosts', 0, 'host'],
        value: 'a.example',
      },
      want: '',
    },
    {
      name: 'removing a list item',
      input: {
        text: 'ingress:\n  hosts:\n    - host: x\n    - host: y\n',
        path: ['ingress', 'hosts', 0],
        value: undefined,
      },
      want: 'ingress:\n  hosts:\n    - host: y\n',
    },
    {
      name: 'a null parent becomes a map',
      input: { text: 'image: null\n', path: ['image', 'tag'], value: 'v1' },
      want: 'image:\n  tag: v1\n',
    },
    {
      name: 'a whole list value',
      input: { text: '', path: ['ingress', 'tls'], value: [{ secretName: 'tls', hosts: ['a.example'] }] },
      want: 'ingress:\n  tls:\n    - secretName: tls\n      hosts:\n        - a.example\n',
    },
    {
      name: 'a value reset to its default keeps the comment of its line, above the next key',
      input: { text: 'replicaCount: 5 # busy week\nimage:\n  tag: v1\n', path: ['replicaCount'], value: 2 },
      want: '# busy week\nimage:\n  tag: v1\n',
    },
    {
      name: 'the comment of the last key of a map that empties moves out with it',
      input: {
        text: 'env:\n  # for the demo\n  EXTRA: x\nreplicaCount: 3\n',
        path: ['env', 'EXTRA'],
        value: undefined,
      },
      want: '# for the demo\nreplicaCount: 3\n',
    },
    {
      name: 'a scalar replaced by a list keeps its comments',
      input: { text: '# hosts\nimage:\n  tag: x # pinned\n', path: ['image', 'tag'], value: ['a'] },
      want: '# hosts\nimage:\n  tag:\n    - a\n    # pinned\n',
    },
    {
      name: 'an entry past the end of an overlay list is made as a map (never !!omap)',
      input: {
        text: 'ingress:\n  hosts:\n    - host: x\n',
        path: ['ingress', 'hosts', 1, 'host'],
        value: 'y',
      },
      want: 'ingress:\n  hosts:\n    - host: x\n    - host: "y"\n',
    },
    {
      name: 'removing a field of a list entry that is not there changes nothing',
      input: { text: '', path: ['ingress', 'hosts', 1, 'host'], value: undefined },
      want: '',
    },
    {
      name: 'a removed list entry leaves its comments to the next one',
      input: {
        text: 'ingress:\n  hosts:\n    - host: x\n      # staging only\n      paths: [/]\n    - host: y\n',
        path: ['ingress', 'hosts', 0],
        value: undefined,
      },
      want: 'ingress:\n  hosts:\n    # staging only\n    - host: y\n',
    },
    {
      name: 'removing a key under a map the overlay lacks changes nothing',
      input: { text: 'replicaCount: 3\n', path: ['custom', 'nested', 'key'], value: undefined },
      want: 'replicaCount: 3\n',
    },
  ];
  for (const c of cases) {
    it(c.name, () =>
      expect(setOverlayValue(c.input.text, defaults, c.input.path, c.input.value)).toBe(c.want),
    );
  }

  it('drops the line comment of a removed value when asked (secrets)', () => {
    const text = 'secrets:\n  key: k # from the vault\nreplicaCount: 1\n';
    expect(setOverlayValue(text, {}, ['secrets', 'key'], undefined, { dropLineComment: true })).toBe(
      'replicaCount: 1\n',
    );
  });

  it('refuses to edit invalid YAML', () => {
    expect(() => setOverlayValue('a: [1\n', defaults, ['replicaCount'], 3)).toThrow(OverlayEditError);
  });
});

describe('overlayToYaml', () => {
  it('prints an empty overlay as empty text', () => expect(overlayToYaml({})).toBe(''));
  it('prints block YAML', () =>
    expect(overlayToYaml({ image: { tag: 'v1' }, env: { DEBUG: null } })).toBe(
      'image:\n  tag: v1\nenv:\n  DEBUG: null\n',
    ));
});

describe('helpers', () => {
  it('formatPath', () => expect(formatPath(['ingress', 'hosts', 0, 'host'])).toBe('ingress.hosts[0].host'));
  it('deepEqual ignores key order', () => expect(deepEqual({ a: 1, b: [1] }, { b: [1], a: 1 })).toBe(true));
  it('deepEqual tells a list from a map', () => expect(deepEqual([], {})).toBe(false));
});

describe('setOverlayValue key order', () => {
  const cases: {
    name: string;
    input: { text: string; path: ValuesPath; value: PlainValue };
    want: string;
  }[] = [
    {
      name: 'a new top-level key goes where the defaults have it',
      input: { text: '# head\nreplicaCount: 1\nenv:\n  A: b\n', path: ['image', 'tag'], value: 'v1' },
      want: '# head\nreplicaCount: 1\nimage:\n  tag: v1\nenv:\n  A: b\n',
    },
    {
      name: 'a new first key keeps the file comment on top',
      input: { text: '# head\nenv:\n  A: b\n', path: ['replicaCount'], value: 5 },
      want: '# head\nreplicaCount: 5\nenv:\n  A: b\n',
    },
    {
      name: 'a nested new key is ordered among its siblings',
      input: { text: 'image:\n  pullPolicy: Always\n', path: ['image', 'repository'], value: 'x/y' },
      want: 'image:\n  repository: x/y\n  pullPolicy: Always\n',
    },
    {
      name: 'keys the chart lacks stay where they are',
      input: { text: 'custom: 1\n', path: ['resources', 'limits', 'cpu'], value: '1' },
      want: 'resources:\n  limits:\n    cpu: "1"\ncustom: 1\n',
    },
    {
      name: 'an existing key is not moved',
      input: { text: 'env:\n  A: b\nreplicaCount: 1\n', path: ['replicaCount'], value: 4 },
      want: 'env:\n  A: b\nreplicaCount: 4\n',
    },
  ];
  for (const c of cases) {
    it(c.name, () =>
      expect(setOverlayValue(c.input.text, defaults, c.input.path, c.input.value)).toBe(c.want),
    );
  }
});

describe('setOverlayValue fast path (typing into one field)', () => {
  /**
   * typeInto sets `values` at `path` one after the other, each on the text the previous edit returned, with
   * setOverlayValue and with the slow path alone; every text must be the same. It returns the last text
   * and which edits took the fast path.
   */
  function typeInto(text: string, path: ValuesPath, values: (PlainValue | undefined)[]) {
    let fast = text;
    let slow = text;
    const took: boolean[] = [];
    for (const value of values) {
      const before = overlayEditCounts().fast;
      fast = setOverlayValue(fast, defaults, path, value);
      slow = setOverlayValueUncached(slow, defaults, path, value);
      expect(fast).toBe(slow);
      took.push(overlayEditCounts().fast > before);
    }
    return { text: fast, took };
  }

  it('splices digits typed into a number, keeping the comment', () => {
    const got = typeInto('replicaCount: 5 # pods\nimage:\n  tag: v1\n', ['replicaCount'], [1, 12, 123]);
    expect(got.text).toBe('replicaCount: 123 # pods\nimage:\n  tag: v1\n');
    // The first edit parses the text (it was never returned by an edit), the next ones splice.
    expect(got.took).toEqual([false, true, true]);
  });

  it('keeps a quoted string quoted and shifts the values after it', () => {
    const text = 'image:\n  tag: "v0"\n  repository: r # repo\nreplicaCount: 3\n';
    const typed = typeInto(text, ['image', 'tag'], ['v', 'v1', 'v1.', 'v1.2']);
    expect(typed.text).toBe('image:\n  tag: "v1.2"\n  repository: r # repo\nreplicaCount: 3\n');
    expect(typed.took).toEqual([false, true, true, true]);
    // Another field of the same text splices too, where its value now stands.
    const other = typeInto(typed.text, ['replicaCount'], [4, 45]);
    expect(other.text).toBe('image:\n  tag: "v1.2"\n  repository: r # repo\nreplicaCount: 45\n');
    expect(other.took).toEqual([true, true]);
  });

  it('prints a value as the slow path does where the spelling or style decides it', () => {
    const cases: { text: string; path: ValuesPath; values: PlainValue[] }[] = [
      // A number keeps its hexadecimal format or its fraction digits.
      { text: 'replicaCount: 0x10\n', path: ['replicaCount'], values: [17, 18, 255] },
      { text: 'replicaCount: 1.50\n', path: ['replicaCount'], values: [3, 4.5, 5] },
      // A boolean keeps its YAML 1.1 word while its value does not change, a null its spelling.
      { text: 'env:\n  FLAG: yes\n', path: ['env', 'FLAG'], values: [true, false, true, null, 'on'] },
      { text: 'env:\n  FLAG: ~\n', path: ['env', 'FLAG'], values: ['a', null, 'b', null] },
      // Strings the printer must quote, and a type change, which drops the style.
      { text: "image:\n  tag: 'x'\n", path: ['image', 'tag'], values: ['#', '# x', 'yes', '1.0', 5, 'z'] },
      { text: 'image:\n  tag: x\n', path: ['image', 'tag'], values: ['a: b', ' lead', 'é', '😀', "it's"] },
      // A value below its key, after a comment.
      { text: 'image:\n  tag:\n    # pinned\n    v1\n', path: ['image', 'tag'], values: ['v2', 'v23'] },
    ];
    for (const c of cases) typeInto(c.text, c.path, c.values);
  });

  const refused: { name: string; text: string; path: ValuesPath; values: (PlainValue | undefined)[] }[] = [
    { name: 'a tagged value', text: 'replicaCount: !!str 5\n', path: ['replicaCount'], values: [6, 7] },
    {
      name: 'an anchored value',
      text: 'image:\n  tag: &t v1\nother: *t\n',
      path: ['image', 'tag'],
      values: ['v2', 'v3'],
    },
    {
      name: 'a value in a map an alias points to',
      text: 'image: &i\n  tag: v1\nother: *i\n',
      path: ['image', 'tag'],
      values: ['v2', 'v3'],
    },
    {
      name: 'a value in a flow map',
      text: 'image: {tag: v1}\n',
      path: ['image', 'tag'],
      values: ['v2', 'v3'],
    },
    { name: 'an empty value', text: 'env:\n  X:\n', path: ['env', 'X'], values: ['a', 'ab'] },
    {
      name: 'a block scalar',
      text: 'env:\n  X: |-\n    one\n    two\n',
      path: ['env', 'X'],
      values: ['a', 'ab'],
    },
    {
      name: 'a YAML 1.2 document (other quoting rules)',
      text: '%YAML 1.2\n---\nenv:\n  X: a\n',
      path: ['env', 'X'],
      values: ['b', 'yes', 'no'],
    },
    {
      name: 'a value in a list',
      text: 'ingress:\n  hosts:\n    - host: a\n',
      path: ['ingress', 'hosts', 0, 'host'],
      values: ['b', 'bc'],
    },
  ];
  for (const c of refused) {
    it(`parses and prints the whole text for ${c.name}`, () => {
      // The first edit makes the text one the fast path could know; the others must not splice.
      const got = typeInto(c.text, c.path, c.values);
      expect(got.took).toEqual(c.values.map(() => false));
    });
  }

  it('parses and prints the whole text when a value turns multi-line or into a list', () => {
    const start = typeInto('replicaCount: 3\nenv:\n  X: a\n', ['env', 'X'], ['b', 'bc']).text;
    expect(typeInto(start, ['env', 'X'], ['line\nbreak']).took).toEqual([false]);
    expect(typeInto(start, ['env', 'X'], [['a list']]).took).toEqual([false]);
  });

  it('learns a text only once the printer has reformatted it', () => {
    const got = typeInto('replicaCount:    3\nimage: {tag: v1}\n', ['replicaCount'], [4, 5, 6]);
    expect(got.text).toBe('replicaCount: 6\nimage: {tag: v1}\n');
    expect(got.took).toEqual([false, false, true]);
  });

  describe('removing a key and adding it back (typing across the default)', () => {
    it('removes a key set to its default and adds it back where the defaults order it', () => {
      const got = typeInto('replicaCount: 3\nimage:\n  tag: v1\n', ['replicaCount'], [4, 2]);
      expect(got.text).toBe('image:\n  tag: v1\n');
      expect(got.took).toEqual([false, true]);
      // Setting the default again changes nothing; the next value goes back first, before image.
      const back = typeInto(got.text, ['replicaCount'], [2, 5, 56]);
      expect(back.text).toBe('replicaCount: 56\nimage:\n  tag: v1\n');
      expect(back.took).toEqual([true, true, true]);
    });

    it('keeps the heading comment of the file on top', () => {
      const text = '# team overlay\nreplicaCount: 3\nimage:\n  tag: v1\n';
      const got = typeInto(text, ['replicaCount'], [4, 2]);
      expect(got.text).toBe('# team overlay\nimage:\n  tag: v1\n');
      const back = typeInto(got.text, ['replicaCount'], [5]);
      expect(back.text).toBe('# team overlay\nreplicaCount: 5\nimage:\n  tag: v1\n');
      expect([...got.took, ...back.took]).toEqual([false, true, true]);
    });

    it("leaves a removed key's comment to the next key, and adds the key back above it", () => {
      const text = 'image:\n  repository: r\n  # pinned\n  tag: v1\n  pullPolicy: Always\n';
      const got = typeInto(text, ['image', 'tag'], ['v2', '', 'v3']);
      // The comment belongs to pullPolicy once tag is gone, as the slow path has it.
      expect(got.text).toBe('image:\n  repository: r\n  tag: v3\n  # pinned\n  pullPolicy: Always\n');
      expect(got.took).toEqual([false, true, true]);
    });

    it('removes a key with the blank line above it', () => {
      const got = typeInto('image:\n  tag: v1\n\nreplicaCount: 3\n', ['replicaCount'], [4, 2, 5]);
      expect(got.text).toBe('replicaCount: 5\nimage:\n  tag: v1\n');
      expect(got.took).toEqual([false, true, true]);
    });

    it('removes a key the chart lacks with undefined and adds it back last', () => {
      const text = 'env:\n  DEBUG: "True"\n  EXTRA: x\n  ALLOWED_HOSTS: a\nreplicaCount: 3\n';
      const got = typeInto(text, ['env', 'EXTRA'], ['y', undefined, 'z']);
      expect(got.text).toBe('env:\n  DEBUG: "True"\n  ALLOWED_HOSTS: a\n  EXTRA: z\nreplicaCount: 3\n');
      expect(got.took).toEqual([false, true, true]);
    });

    it('writes null for undefined where the chart has a default, and changes nothing for a default', () => {
      const start = typeInto('replicaCount: 3\nenv:\n  DEBUG: "True"\n', ['replicaCount'], [4]).text;
      const got = typeInto(start, ['env', 'ALLOWED_HOSTS'], [undefined, 'a']);
      expect(got.text).toBe('replicaCount: 4\nenv:\n  DEBUG: "True"\n  ALLOWED_HOSTS: a\n');
      expect(got.took).toEqual([true, true]);
      // The default, or undefined where the chart has none, for a key the map lacks: nothing to change.
      expect(typeInto(start, ['env', 'ALLOWED_HOSTS'], ['']).text).toBe(start);
      expect(typeInto(start, ['env', 'EXTRA'], [undefined]).text).toBe(start);
      expect(typeInto(start, ['env', 'EXTRA'], [undefined]).took).toEqual([true]);
    });

    it('types 2 to 9 again and again into replicaCount of a dev overlay, all but the first spliced', () => {
      // chart-template/api-gateway/values.dev.yaml (the chart's default is 2 replicas).
      const dev =
        '# Local development (kind/minikube): one replica, in-chart PostgreSQL and Redis, migrations ' +
        'in an\n# initContainer. The passwords here are obvious placeholders for a throw-away local ' +
        'cluster only.\n' +
        'replicaCount: 1\n' +
        'image:\n' +
        '  tag: v1.2.0\n' +
        '  pullPolicy: IfNotPresent\n' +
        'ingress:\n' +
        '  enabled: true\n' +
        '  className: nginx\n' +
        '  hosts:\n' +
        '    - host: api-gateway.localtest.me\n' +
        '      paths: ["/"]\n' +
        'env:\n' +
        '  DEBUG: "True"\n' +
        '  DJANGO_SETTINGS_MODULE: config.settings.development\n' +
        '  ALLOWED_HOSTS: api-gateway.localtest.me,localhost\n' +
        'secrets:\n' +
        '  djangoSecretKey: dev-insecure-secret-key-not-for-production\n' +
        'migrations:\n' +
        '  strategy: initContainer\n' +
        'podDisruptionBudget:\n' +
        '  enabled: false\n' +
        'postgresql:\n' +
        '  enabled: true\n' +
        '  auth:\n' +
        '    username: app\n' +
        '    password: dev-password-not-a-secret\n' +
        '    database: app\n' +
        'redis:\n' +
        '  enabled: true\n';
      let fast = dev;
      let slow = dev;
      const before = overlayEditCounts();
      for (let i = 0; i < 80; i++) {
        fast = setOverlayValue(fast, defaults, ['replicaCount'], 2 + (i % 8));
        slow = setOverlayValueUncached(slow, defaults, ['replicaCount'], 2 + (i % 8));
        expect(fast).toBe(slow);
      }
      const after = overlayEditCounts();
      expect({ fast: after.fast - before.fast, slow: after.slow - before.slow }).toEqual({
        fast: 79,
        slow: 1,
      });
    });

    const refused: {
      name: string;
      text: string;
      path: ValuesPath;
      values: (PlainValue | undefined)[];
      took?: boolean[];
    }[] = [
      {
        name: "a comment on the removed value's line (it moves above the next key)",
        text: 'replicaCount: 3 # busy week\nimage:\n  tag: v1\n',
        path: ['replicaCount'],
        values: [4, 2],
      },
      {
        // The value typed last is read back alone, without them: the frame keeps that it has them.
        name: 'comment lines below a value typed into',
        text: 'replicaCount: 3\nnotes: a\n  # more\n  # and more\n',
        path: ['notes'],
        values: ['b', 'bc', undefined],
        took: [false, true, false],
      },
      {
        // Read again, the comment would belong to the empty value (`enabled: # note`), not to image.
        name: 'a key between an empty value and a comment line',
        text: 'ingress:\n  enabled:\n  className: a\n# note\nimage:\n  tag: v1\n',
        path: ['ingress', 'className'],
        values: ['b', undefined, 'c'],
      },
      {
        name: 'the last key of a map (the map would be pruned)',
        text: 'replicaCount: 3\nimage:\n  tag: v1\n',
        path: ['image', 'tag'],
        values: ['v2', ''],
      },
      {
        name: 'a comment above the removed key and a blank line below it',
        text: 'image:\n  repository: r\n  # pinned\n  tag: v1\n\n  pullPolicy: Always\n',
        path: ['image', 'tag'],
        values: ['v2', ''],
      },
      {
        name: 'a comment above the last key of its map (it would end the map)',
        text: 'image:\n  repository: r\n  # pinned\n  tag: v1\nreplicaCount: 3\n',
        path: ['image', 'tag'],
        values: ['v2', ''],
      },
      {
        name: "the first key of a nested map when the next has a comment above (the map's, then)",
        text: 'image:\n  repository: r\n  # pinned\n  tag: v1\n',
        path: ['image', 'repository'],
        values: ['s', 'repo/app'],
      },
      {
        name: 'a key in a flow map',
        text: 'image: {repository: r, tag: v1}\nreplicaCount: 3\n',
        path: ['image', 'tag'],
        values: ['v2', '', 'v3'],
      },
      {
        name: 'an anchored key',
        text: '&k replicaCount: 3\nimage:\n  tag: v1\n',
        path: ['replicaCount'],
        values: [4, 2],
      },
      {
        name: 'a text with a block scalar',
        text: 'replicaCount: 3\nenv:\n  X: |\n    one\n',
        path: ['replicaCount'],
        values: [4, 2, 5],
      },
    ];
    for (const c of refused) {
      it(`parses and prints the whole text to remove or add a key for ${c.name}`, () => {
        const got = typeInto(c.text, c.path, c.values);
        // Values typed in place before may splice; the removal or addition must not.
        expect(got.took).toEqual(c.took ?? c.values.map(() => false));
      });
    }

    it('parses and prints the whole text to add a key under a missing map or a map a comment ends', () => {
      const start = typeInto('env:\n  A: x\n  # end of env\nreplicaCount: 3\n', ['replicaCount'], [4]).text;
      expect(typeInto(start, ['resources', 'limits', 'memory'], ['1Gi']).took).toEqual([false]);
      expect(typeInto(start, ['resources', 'limits', 'memory'], [undefined]).took).toEqual([false]);
      expect(typeInto(start, ['env', 'EXTRA'], ['y']).took).toEqual([false]);
    });
  });
});
