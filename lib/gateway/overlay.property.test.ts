// Property tests of setOverlayValue, the form's edit of an environment's YAML: over generated overlays
// (known and unknown keys, comments above keys and after values, flow and block styles) and edits of
// the paths the form writes, with awkward values, every edit must
// - leave a text that parses,
// - change the effective values (defaults merged with the overlay, as Helm coalesces them) at that
//   path alone, to the value set (or the default's removal for `undefined`),
// - keep every comment line of the original text.
// And over chains of edits (typing into one field, and edits of mixed paths) on overlays written in more
// ways (number and boolean spellings, quotes, tags, anchors, block scalars, comments between a key and its
// value, odd spacing, directives), setOverlayValue (with its fast path) must give the same text, to the
// byte, as the slow path alone (setOverlayValueUncached).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import {
  getPath,
  isPlainMap,
  mergeValues,
  OverlayEditError,
  overlayEditCounts,
  type PlainMap,
  type PlainValue,
  parseValues,
  renameOverlayKey,
  setOverlayValue,
  setOverlayValueUncached,
  type ValuesPath,
} from './overlay';

const RUNS = Number(process.env.OVERLAY_PROPERTY_RUNS ?? 300);

const defaults: PlainMap = {
  replicaCount: 2,
  image: { repository: 'repo/app', tag: '', pullPolicy: 'IfNotPresent' },
  env: { DEBUG: 'False', ALLOWED_HOSTS: '' },
  resources: { requests: { cpu: '100m', memory: '256Mi' }, limits: { cpu: '500m', memory: '512Mi' } },
  ingress: { enabled: false, className: 'nginx', hosts: [{ host: 'a.example', paths: ['/'] }] },
  autoscaling: { enabled: false, minReplicas: 2, maxReplicas: 5 },
  migrations: { enabled: true },
};

/** The paths the form writes, and two the chart does not have. */
const formPaths: ValuesPath[] = [
  ['replicaCount'],
  ['image', 'repository'],
  ['image', 'tag'],
  ['env', 'DEBUG'],
  ['env', 'EXTRA_VAR'],
  ['resources', 'limits', 'memory'],
  ['resources', 'requests', 'cpu'],
  ['ingress', 'enabled'],
  ['ingress', 'className'],
  ['autoscaling', 'maxReplicas'],
  ['migrations', 'enabled'],
  ['custom', 'nested', 'key'],
];

/** The list paths the form writes (ingress hosts and their paths): set, or removed with undefined. */
const listPaths: ValuesPath[] = [
  ['ingress', 'hosts', 0, 'host'],
  ['ingress', 'hosts', 1, 'host'],
  ['ingress', 'hosts', 0, 'paths', 0],
  ['ingress', 'hosts', 0, 'paths', 1],
  ['ingress', 'hosts', 0],
  ['ingress', 'hosts', 1],
];

const awkwardString = fc.constantFrom(
  '',
  'yes',
  'no',
  'on',
  'null',
  '~',
  '1.0',
  '0x10',
  '012',
  '1e3',
  '2024-01-01',
  ': colon',
  'a: b',
  '# not a comment',
  'tab\there',
  ' leading space',
  'trailing ',
  'line\nbreak',
  '{{ .Values.x }}',
  "it's",
  '"quoted"',
  '- dash',
  '*alias',
  '&anchor',
  '!tag',
  '%percent',
  '@at',
  '`tick`',
  '→ unicode ✓',
  '😀',
);
const scalar: fc.Arbitrary<PlainValue> = fc.oneof(
  awkwardString,
  fc.string({ maxLength: 12 }),
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.boolean(),
  fc.constant(null),
);
const editValue: fc.Arbitrary<PlainValue | undefined> = fc.oneof(
  { weight: 6, arbitrary: scalar },
  { weight: 1, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.array(fc.string({ maxLength: 6 }), { maxLength: 3 }) },
);

/** An overlay: some form paths, unknown keys, set to scalars or small maps. */
const overlayMap: fc.Arbitrary<PlainMap> = fc
  .tuple(
    fc.subarray(formPaths, { maxLength: 6 }),
    fc.array(scalar, { minLength: 6, maxLength: 6 }),
    fc.dictionary(fc.constantFrom('team', 'x-extra', 'podLabels', 'notes'), scalar, { maxKeys: 2 }),
    fc.option(
      fc.array(
        fc.record({
          host: fc.oneof(awkwardString, fc.constantFrom('a.example', 'b.example')),
          paths: fc.array(fc.constantFrom('/', '/api', '/v1'), { maxLength: 2 }),
        }),
        { maxLength: 3 },
      ),
      { nil: undefined },
    ),
  )
  .map(([paths, values, unknown, hosts]) => {
    const out: PlainMap = { ...unknown };
    if (hosts !== undefined) out.ingress = { hosts };
    paths.forEach((p, i) => {
      let cur: PlainMap = out;
      for (const seg of p.slice(0, -1) as string[]) {
        const next = cur[seg];
        if (!isPlainMap(next)) cur[seg] = {};
        cur = cur[seg] as PlainMap;
      }
      cur[p[p.length - 1] as string] = values[i] ?? null;
    });
    return out;
  });

/** overlayText prints an overlay and sprinkles comments: whole lines above keys, and after values. */
const overlayText: fc.Arbitrary<string> = fc
  .tuple(
    overlayMap,
    fc.boolean(),
    fc.array(fc.nat(40), { maxLength: 4 }),
    fc.array(fc.nat(40), { maxLength: 3 }),
  )
  .map(([map, flowInner, above, after]) => {
    const text =
      Object.keys(map).length === 0
        ? ''
        : stringify(map, {
            version: '1.1',
            flowCollectionPadding: false,
            lineWidth: 0,
            collectionStyle: flowInner ? 'any' : 'block',
          });
    const lines = text.split('\n').filter((l, i, all) => i < all.length - 1 || l !== '');
    above.forEach((at, n) => {
      const i = lines.length === 0 ? 0 : at % lines.length;
      const indent = /^ */.exec(lines[i] ?? '')![0];
      // Never inside a block scalar or a multi-line quoted string: only above a key line.
      if (lines.length === 0 || /^ *[A-Za-z_"'-][^:]*:( |$)/.test(lines[i]!))
        lines.splice(i, 0, `${indent}# note ${n}`);
    });
    after.forEach((at, n) => {
      const i = at % Math.max(lines.length, 1);
      const line = lines[i];
      // After a plain scalar value of a key line only (a '#' inside quotes would be text).
      if (line !== undefined && /^ *[A-Za-z_-]+: [A-Za-z0-9_.-]+$/.test(line))
        lines[i] = `${line} # tail ${n}`;
    });
    return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
  });

function effective(text: string): PlainMap {
  const parsed = parseValues(text);
  if (!parsed.ok) throw new Error(`does not parse: ${parsed.errors[0]?.message}\n${text}`);
  return mergeValues(defaults, parsed.values);
}

/**
 * withPath sets a path in plain values as Helm would see the edit: a map key set to null or removed is
 * gone (inside a list, which Helm replaces whole, a null stays); a list item removed is spliced out;
 * maps and lists are made on the way.
 */
function withPath(
  values: PlainValue,
  path: ValuesPath,
  value: PlainValue | undefined,
  inList = false,
): PlainValue {
  const [head, ...rest] = path;
  if (typeof head === 'number') {
    // Removing from an entry that is not there removes nothing.
    if (value === undefined && (!Array.isArray(values) || head >= values.length)) return values;
    const list = Array.isArray(values) ? [...values] : [];
    if (rest.length === 0) {
      if (value === undefined) list.splice(head, 1);
      else list[head] = value;
    } else list[head] = withPath(list[head] ?? null, rest, value, true);
    // A hole left by setting past the end is a null, as the edit writes it.
    return Array.from(list, (x) => x ?? null);
  }
  const map: PlainMap = isPlainMap(values) ? { ...values } : {};
  if (rest.length === 0) {
    if (value === undefined || (value === null && !inList)) delete map[head!];
    else map[head!] = value;
    return map;
  }
  const inner = map[head!];
  // Removing under a key that holds nothing to remove from removes nothing.
  if ((value === undefined || value === null) && typeof rest[0] === 'string' && !isPlainMap(inner))
    return values;
  map[head!] = withPath(inner ?? null, rest, value, inList);
  return map;
}

/**
 * dropEmptyMaps removes empty maps: a null set where the chart has no default leaves its parents as
 * empty maps (as in Helm), an edit that removes a key does not; both render the same.
 */
function dropEmptyMaps(v: PlainMap): PlainMap {
  const out: PlainMap = {};
  for (const [k, x] of Object.entries(v)) {
    if (isPlainMap(x)) {
      const inner = dropEmptyMaps(x);
      if (Object.keys(inner).length > 0) out[k] = inner;
    } else out[k] = x;
  }
  return out;
}

const commentLines = (text: string) =>
  text
    .split('\n')
    .flatMap((l) => {
      const m = /(?:^|\s)(# (?:note|tail) \d+)$/.exec(l);
      return m ? [m[1]!] : [];
    })
    .sort();

describe('setOverlayValue over generated overlays and edits', () => {
  it(`keeps the text valid, changes only the edited value and keeps every comment (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(
        overlayText,
        fc.constantFrom(...formPaths, ...listPaths),
        editValue,
        (text, path, value) => {
          const before = effective(text);
          const after = setOverlayValue(text, defaults, path, value);
          const got = effective(after);
          // A null or removed value drops the key from the effective values (Helm deletes on null).
          const want = withPath(before, path, value) as PlainMap;
          expect(dropEmptyMaps(got)).toEqual(dropEmptyMaps(want));
          expect(commentLines(after)).toEqual(commentLines(text));
          // Setting it again changes no value and loses no comment (the yaml package may attach a comment
          // line that follows a null or a list to that node when it reads the text again, moving it).
          // (Removing a list item twice removes two items.)
          if (value !== undefined || typeof path[path.length - 1] !== 'number') {
            const again = setOverlayValue(after, defaults, path, value);
            expect(effective(again)).toEqual(got);
            expect(commentLines(again)).toEqual(commentLines(text));
          }
        },
      ),
      { numRuns: RUNS, seed: Number(process.env.OVERLAY_PROPERTY_SEED ?? 20261127) },
    );
  });

  it(`renames an env variable: value moved, nothing else changed, comments kept (${RUNS} runs)`, () => {
    const names = fc.constantFrom('DEBUG', 'ALLOWED_HOSTS', 'EXTRA_VAR', 'NEW_NAME');
    fc.assert(
      fc.property(overlayText, names, names, (text, from, to) => {
        const before = effective(text);
        const env = isPlainMap(before.env) ? before.env : {};
        fc.pre(Object.hasOwn(env, from) && (from === to || !Object.hasOwn(env, to)));
        const after = renameOverlayKey(text, defaults, ['env'], from, to, env[from] ?? null);
        const want = withPath(withPath(before, ['env', from], undefined), ['env', to], env[from] ?? null);
        expect(dropEmptyMaps(effective(after))).toEqual(
          dropEmptyMaps(from === to ? before : (want as PlainMap)),
        );
        expect(commentLines(after)).toEqual(commentLines(text));
      }),
      { numRuns: RUNS, seed: Number(process.env.OVERLAY_PROPERTY_SEED ?? 20261127) },
    );
  });
});

// Other spellings of a plain value, as a person may write them: the printer keeps a value's style and
// number format, and a boolean's or null's spelling, when it sets a new value of the same type there.
const respelled = fc.constantFrom(
  '0x1F',
  '017',
  '0o17',
  '1.50',
  '1e3',
  '-0',
  '.5',
  '1_000',
  '1:30',
  'yes',
  'No',
  'on',
  'TRUE',
  '~',
  'Null',
  '',
  "'single'",
  '"double"',
  '"yes"',
  "'1.0'",
  '!!str 5',
  '!!int "7"',
  '!custom x',
  '&anchor 3',
  '2024-01-01',
  '"esc\\tape"',
  '|-\n  block\n  text',
  '>\n  folded',
  '[a, b]',
  '{a: 1}',
  '*none',
);

/** An edit of a generated overlay's text that keeps it YAML most of the time (or not: then both throw). */
type Texture =
  | { kind: 'respell'; line: number; spelling: string }
  | { kind: 'valueBelow'; line: number }
  | { kind: 'trailingComments'; line: number }
  | { kind: 'spacing'; line: number }
  | { kind: 'blankLine'; line: number }
  | { kind: 'blankAndComment'; line: number }
  | { kind: 'anchorAlias'; line: number }
  | { kind: 'header'; text: string };

const texture: fc.Arbitrary<Texture> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({ kind: fc.constant('respell' as const), line: fc.nat(40), spelling: respelled }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('valueBelow' as const), line: fc.nat(40) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('trailingComments' as const), line: fc.nat(40) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('spacing' as const), line: fc.nat(40) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('blankLine' as const), line: fc.nat(40) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('blankAndComment' as const), line: fc.nat(40) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('anchorAlias' as const), line: fc.nat(40) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('header' as const),
      text: fc.constantFrom('---\n', '%YAML 1.1\n---\n', '%YAML 1.2\n---\n', '# top\n\n', '--- # doc\n'),
    }),
  },
);

// A key line with a one-line value: indentation, key, value (and maybe a comment after it).
const keyValueLine = /^( *)([A-Za-z_-]+): (.+)$/;

/** applyTexture writes a generated overlay's text in another way (see Texture). */
function applyTexture(text: string, edits: readonly Texture[]): string {
  const lines = text.split('\n');
  // The key lines with a value on them, found again after each edit.
  const valueLines = () => lines.flatMap((l, i) => (keyValueLine.test(l) ? [i] : []));
  let header = '';
  for (const e of edits) {
    if (e.kind === 'header') {
      header = e.text;
      continue;
    }
    const found = valueLines();
    if (found.length === 0) continue;
    const i = found[e.line % found.length]!;
    const [, indent = '', key = '', rest = ''] = keyValueLine.exec(lines[i]!)!;
    const value = rest.replace(/ # .*$/, '');
    const tail = rest.slice(value.length);
    switch (e.kind) {
      case 'respell': {
        const [first = '', ...more] = e.spelling.split('\n');
        lines.splice(i, 1, `${indent}${key}: ${first}${tail}`, ...more.map((m) => `${indent}${m}`));
        break;
      }
      case 'valueBelow':
        lines.splice(i, 1, `${indent}${key}:`, `${indent}  # below`, `${indent}  ${value}${tail}`);
        break;
      case 'trailingComments':
        lines.splice(i + 1, 0, `${indent}    # more`, `${indent}    # and more`);
        break;
      case 'spacing':
        lines[i] = `${indent}${key}:   ${value}${tail}`;
        break;
      case 'blankLine':
        lines.splice(i, 0, '');
        break;
      case 'blankAndComment':
        lines.splice(i, 0, '', `${indent}# above ${key}`);
        break;
      case 'anchorAlias':
        lines[i] = `${indent}${key}: &a${i} ${value}${tail}`;
        lines.push(`alias${i}: *a${i}`);
        break;
    }
  }
  return header + lines.join('\n');
}

/** A run of edits of one path: typing digits or the letters of a word into the field, or any values. */
interface EditRun {
  path: ValuesPath;
  values: (PlainValue | undefined)[];
}
const prefixes = (s: string) => Array.from({ length: s.length }, (_, i) => s.slice(0, i + 1));
// Characters that mean something to YAML, line breaks of YAML 1.1 (NEL, LS) and a byte-order mark among them.
const yamlChar = fc.constantFrom(...'#:-?,[]{}&*!|>\'"%@` \t\n\r\x85\u2028\ufeff\\0x.eE+_~yYnN');
const typed: fc.Arbitrary<PlainValue[]> = fc.oneof(
  fc
    .array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 5 })
    .map((digits) => prefixes(digits.join('')).map(Number)),
  fc
    .oneof(
      awkwardString,
      fc.string({ minLength: 1, maxLength: 8 }),
      fc.string({ unit: yamlChar, minLength: 1, maxLength: 6 }),
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 4 }),
    )
    .map((s) => prefixes(s)),
  fc.array(fc.oneof(scalar, fc.double(), fc.constantFrom(0.5, -0, 1e21, 2 ** 53)), {
    minLength: 1,
    maxLength: 5,
  }),
);
// Typing into a field across the chart's default: a value equal to the default removes the key, as does
// `undefined` where the chart has no default (or a null one), and the next value adds it back.
const crossingPaths: ValuesPath[] = [...formPaths, ['autoscaling', 'minReplicas'], ['team'], ['notes']];
const crossing: fc.Arbitrary<EditRun> = fc.oneof(
  fc.record({
    path: fc.constantFrom<ValuesPath>(
      ['replicaCount'],
      ['autoscaling', 'maxReplicas'],
      ['autoscaling', 'minReplicas'],
    ),
    values: fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 2, maxLength: 10 }),
  }),
  fc.constantFrom(...crossingPaths).chain((path) =>
    fc.record({
      path: fc.constant(path),
      values: fc.array(
        fc.oneof(
          { weight: 3, arbitrary: fc.constant(getPath(defaults, path)) },
          { weight: 1, arbitrary: fc.constant(undefined) },
          { weight: 3, arbitrary: scalar },
        ),
        { minLength: 2, maxLength: 8 },
      ),
    }),
  ),
);
const editRun: fc.Arbitrary<EditRun> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ path: fc.constantFrom(...formPaths), values: typed }) },
  { weight: 3, arbitrary: crossing },
  {
    weight: 1,
    arbitrary: fc.record({
      path: fc.constantFrom(...formPaths, ...listPaths, ['team'], ['notes'], ['alias0']),
      values: fc.array(editValue, { minLength: 1, maxLength: 2 }),
    }),
  },
);

/**
 * run calls an edit, returning its text or the error it threw: OverlayEditError for text that does not
 * parse, or the printer's own error for a document it cannot print (an edit that replaces an anchored
 * value an alias points to), which both paths must throw alike.
 */
function run(edit: () => string): string | Error {
  try {
    return edit();
  } catch (e) {
    if (e instanceof OverlayEditError) return new OverlayEditError(e.errors);
    if (e instanceof Error) return new Error(e.message);
    throw e;
  }
}

describe('setOverlayValue: fast path and slow path give the same text', () => {
  it(`over chains of edits of generated overlays (${RUNS} runs)`, () => {
    const before = overlayEditCounts();
    fc.assert(
      fc.property(
        overlayText,
        fc.array(texture, { maxLength: 5 }),
        fc.array(editRun, { minLength: 1, maxLength: 4 }),
        (generated, edits, runs) => {
          const start = applyTexture(generated, edits);
          let fast: string | Error = start;
          let slow: string | Error = start;
          for (const { path, values } of runs) {
            for (const value of values) {
              if (typeof fast !== 'string' || typeof slow !== 'string') return;
              const fastIn = fast;
              const slowIn = slow;
              fast = run(() => setOverlayValue(fastIn, defaults, path, value));
              slow = run(() => setOverlayValueUncached(slowIn, defaults, path, value));
              expect(fast).toEqual(slow);
            }
          }
        },
      ),
      { numRuns: RUNS, seed: Number(process.env.OVERLAY_PROPERTY_SEED ?? 20261127) },
    );
    // The chains type into fields often enough that the fast path must have been taken.
    expect(overlayEditCounts().fast).toBeGreaterThan(before.fast);
  });
});
