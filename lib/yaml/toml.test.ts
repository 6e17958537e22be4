import { describe, expect, it } from 'vitest';
import { GoInt, GoMap, type GoValue } from '../go';
import { encodeJson } from './json';
import { fromToml, toToml } from './toml';

const m = (o: Record<string, GoValue>): GoMap => new GoMap(Object.entries(o));
const i = (n: number): GoInt => new GoInt(BigInt(n));

// ENGINE.md §4.1 and outputs of helm v4.1.4's toToml/fromToml.
const encode: { name: string; input: GoValue; want: string }[] = [
  {
    name: 'the verified dict example',
    input: m({ a: i(1), e: [i(1), i(2)], b: m({ c: 'd' }) }),
    want: 'a = 1\ne = [1, 2]\n\n[b]\n  c = "d"\n',
  },
  {
    name: 'floats always show a fraction',
    input: m({ a: 1, f: [1e20, -0, 1e-7, 2.5] }),
    want: 'a = 1.0\nf = [1e+20, -0.0, 1e-07, 2.5]\n',
  },
  {
    name: 'arrays of tables and nested tables',
    input: m({ h: [m({ i: 1 }), m({ i: 2, j: m({ k: 1 }) })], x: 0 }),
    want: 'x = 0.0\n\n[[h]]\n  i = 1.0\n\n[[h]]\n  i = 2.0\n  [h.j]\n    k = 1.0\n',
  },
  { name: 'nil values are skipped', input: m({ n: null, m: m({}) }), want: '[m]\n' },
  {
    name: 'quoted keys',
    input: m({ 'a b': 1, 'a-b_c': 2, '': 3 }),
    want: '"" = 3.0\n"a b" = 1.0\na-b_c = 2.0\n',
  },
  {
    name: 'string escapes',
    input: m({ s: 'q"\\\n\t\x01\x7f é' }),
    want: 's = "q\\"\\\\\\n\\t\\u0001\\u007f é"\n',
  },
  { name: 'nil in an array', input: m({ a: [null] }), want: 'toml: cannot encode array with nil element' },
  {
    name: 'inline tables keep a comma before a skipped nil',
    input: m({ v: [m({ a: 'x', b: null }), true] }),
    want: 'v = [{a = "x", }, true]\n',
  },
  { name: 'top-level list', input: [1, 2], want: '[1.0, 2.0]' },
];

describe('toToml', () => {
  it.each(encode)('$name', ({ input, want }) => {
    expect(toToml(input)).toBe(want);
  });
});

const decode: { name: string; input: string; want: string }[] = [
  {
    name: 'scalars, dates and tables',
    input: 'a = 1\nb = 1.5\nc = "x"\nd = 2024-01-02\ne = [1, 2]\n[t]\nx = true',
    want: '{"a":1,"b":1.5,"c":"x","d":"2024-01-02T00:00:00Z","e":[1,2],"t":{"x":true}}',
  },
  { name: 'arrays of tables', input: '[[x]]\ny = 1\n[[x]]\ny = 2', want: '{"x":[{"y":1},{"y":2}]}' },
  { name: 'inline table', input: 'x = {a = 1, b = [1, "s"]}', want: '{"x":{"a":1,"b":[1,"s"]}}' },
  {
    name: 'missing value',
    input: 'a = ',
    want: '{"Error":"toml: line 1 (last key \\"a\\"): unexpected EOF; expected value"}',
  },
  {
    name: 'duplicate key',
    input: 'a = 1\na = 2',
    want: `{"Error":"toml: line 2 (last key \\"a\\"): Key 'a' has already been defined."}`,
  },
  {
    name: 'blank key',
    input: '= 1',
    want: `{"Error":"toml: line 1: unexpected '=': key name appears blank"}`,
  },
  {
    name: 'unterminated string',
    input: 'a = "unterminated',
    want: `{"Error":"toml: line 1 (last key \\"a\\"): unexpected EOF; expected '\\"'"}`,
  },
];

describe('fromToml', () => {
  it.each(decode)('$name', ({ input, want }) => {
    expect(encodeJson(fromToml(input))).toBe(want);
  });

  it('reads integers as int64', () => {
    const v = fromToml('a = 0x1F\nb = 9223372036854775807').get('a');
    expect(v).toBeInstanceOf(GoInt);
    expect((v as GoInt).type).toBe('int64');
    expect(encodeJson(fromToml('b = 9223372036854775807'))).toBe('{"b":9223372036854775807}');
  });
});
