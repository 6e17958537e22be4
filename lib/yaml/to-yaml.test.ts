import { describe, expect, it } from 'vitest';
import { GoInt, GoMap, type GoValue } from '../go';
import { marshalYaml, toYaml, toYamlPretty } from './index';

const m = (o: Record<string, GoValue>): GoMap => new GoMap(Object.entries(o));

// The verified scalar table of ENGINE.md §5.3: `toYaml (list VALUE)` printed by helm v4.1.4.
const scalars: { name: string; input: string; want: string }[] = [
  { name: 'true', input: 'true', want: '"true"' },
  { name: 'True', input: 'True', want: '"True"' },
  { name: 'yes', input: 'yes', want: '"yes"' },
  { name: 'y', input: 'y', want: '"y"' },
  { name: 'n', input: 'n', want: '"n"' },
  { name: 'on', input: 'on', want: '"on"' },
  { name: 'off', input: 'off', want: '"off"' },
  { name: 'null', input: 'null', want: '"null"' },
  { name: 'tilde', input: '~', want: '"~"' },
  { name: 'empty', input: '', want: '""' },
  { name: 'space', input: ' ', want: "' '" },
  { name: '1', input: '1', want: '"1"' },
  { name: '1.0', input: '1.0', want: '"1.0"' },
  { name: '1e3', input: '1e3', want: '"1e3"' },
  { name: '0777', input: '0777', want: '"0777"' },
  { name: '0x1F', input: '0x1F', want: '"0x1F"' },
  { name: '.5', input: '.5', want: '".5"' },
  { name: '.inf', input: '.inf', want: '".inf"' },
  { name: '-1', input: '-1', want: '"-1"' },
  { name: '+1', input: '+1', want: '"+1"' },
  { name: '1_000', input: '1_000', want: '"1_000"' },
  { name: '0b101', input: '0b101', want: '"0b101"' },
  { name: 'date', input: '2024-01-02', want: '"2024-01-02"' },
  { name: '12:30', input: '12:30', want: '"12:30"' },
  { name: '1:20', input: '1:20', want: '"1:20"' },
  { name: 'colon space', input: 'a: b', want: "'a: b'" },
  { name: 'colon', input: 'a:b', want: 'a:b' },
  { name: 'space hash', input: 'a #b', want: "'a #b'" },
  { name: 'hash', input: 'a#b', want: 'a#b' },
  { name: 'leading space', input: ' lead', want: "' lead'" },
  { name: 'trailing space', input: 'trail ', want: "'trail '" },
  { name: 'dash space', input: '- x', want: "'- x'" },
  { name: 'dash', input: '-x', want: '-x' },
  { name: 'question', input: '?x', want: '?x' },
  { name: 'star', input: '*x', want: "'*x'" },
  { name: 'ampersand', input: '&x', want: "'&x'" },
  { name: 'bang', input: '!x', want: "'!x'" },
  { name: 'percent', input: '%x', want: "'%x'" },
  { name: 'at', input: '@x', want: "'@x'" },
  { name: 'backtick', input: '`x', want: "'`x'" },
  { name: 'braces', input: '{x}', want: "'{x}'" },
  { name: 'brackets', input: '[x]', want: "'[x]'" },
  { name: 'comma', input: 'a, b', want: 'a, b' },
  { name: 'apostrophe', input: "it's", want: "it's" },
  { name: 'inner quotes', input: 'say "hi"', want: 'say "hi"' },
  { name: 'single quoted', input: "'x'", want: "'''x'''" },
  { name: 'double quoted', input: '"x"', want: `'"x"'` },
  { name: 'pipe', input: '|x', want: "'|x'" },
  { name: 'greater', input: '>x', want: "'>x'" },
  { name: 'equals', input: '=', want: '=' },
  { name: 'lone dash', input: '-', want: "'-'" },
  { name: 'document start', input: '---', want: "'---'" },
  { name: 'document end', input: '...', want: "'...'" },
  { name: 'merge', input: '<<', want: '<<' },
  { name: 'version', input: '1.2.3', want: '1.2.3' },
  { name: 'html', input: '<a>&b</a>', want: '<a>&b</a>' },
  { name: 'unicode', input: 'héllo ☃', want: 'héllo ☃' },
  { name: 'tab', input: 'a\tb', want: '"a\\tb"' },
  { name: 'carriage return', input: 'a\rb', want: '"a\\rb"' },
  { name: 'bell', input: 'bell\x07', want: '"bell\\a"' },
  { name: 'control', input: 'a\x01b', want: '"a\\x01b"' },
  { name: 'escape', input: 'a\x1bb', want: '"a\\eb"' },
  { name: 'emoji', input: '😀', want: '"\\U0001F600"' },
  { name: 'emoji inside', input: 'a😀b', want: '"a\\U0001F600b"' },
  { name: 'leading BOM escapes everything', input: '\ufeffx', want: '"\\uFEFF\\x78"' },
  { name: 'inner BOM', input: 'x\ufeffy', want: '"x\\uFEFFy"' },
  { name: 'NBSP kept', input: 'a\u00a0b', want: 'a\u00a0b' },
  { name: 'private use kept', input: '\ue000', want: '\ue000' },
  { name: 'replacement char kept', input: '\ufffd', want: '\ufffd' },
  { name: 'two lines', input: 'line1\nline2', want: '|-\n  line1\n  line2' },
  { name: 'final newline', input: 'line1\nline2\n', want: '|\n  line1\n  line2' },
  { name: 'two final newlines', input: 'line1\n\n', want: '|+\n  line1\n' },
  { name: 'indented first line', input: '  indented\nline2', want: '|2-\n    indented\n  line2' },
  { name: 'leading newline', input: '\nfoo', want: '|2-\n\n  foo' },
  { name: 'lone newline', input: '\n', want: '|2+\n' },
  { name: 'space before newline', input: 'line one \nline two', want: '"line one \\nline two"' },
  { name: 'space after newline at end', input: 'foo\n ', want: '"foo\\n "' },
  { name: 'tab in multi-line', input: 'key:\tvalue\nnext line', want: '"key:\\tvalue\\nnext line"' },
  { name: 'NEL folds through JSON', input: 'a\u0085b', want: 'a b' },
];

describe('toYaml scalars', () => {
  it.each(scalars)('$name', ({ input, want }) => {
    expect(toYaml(input)).toBe(want);
  });
});

// ENGINE.md §5.1 (numbers through the JSON round trip), §5.2 (structure), §5.4 (folding).
const documents: { name: string; input: GoValue; want: string }[] = [
  {
    name: 'numbers',
    // biome-ignore lint/correctness/noPrecisionLoss: the literal of the verified helm template
    input: [1e20, 0.1, 1.5e-5, 123456789.123, 1e15, 12345678901234567, -0, 0.000001, 100, 1.0e2, 2.5e-7],
    want: '- 1e+20\n- 0.1\n- 1.5e-05\n- 1.23456789123e+08\n- 1000000000000000\n- 12345678901234568\n- 0\n- 1e-06\n- 100\n- 100\n- 2.5e-07',
  },
  // JSON writes -2^63 as -9223372036854776000, which overflows int64 on the way back.
  { name: '-2^63 as float64 is printed as a float', input: [-(2 ** 63)], want: '- -9.223372036854776e+18' },
  { name: '2^63 as float64 fits uint64', input: [2 ** 63], want: '- 9223372036854776000' },
  { name: 'Go ints stay exact', input: [new GoInt(9007199254740993n, 'int64')], want: '- 9007199254740993' },
  {
    name: 'compact sequences and nesting',
    input: m({ list: ['a', 'b'], seqs: [[1, 2]], maps: [m({ a: 1, b: ['x'] })] }),
    want: 'list:\n- a\n- b\nmaps:\n- a: 1\n  b:\n  - x\nseqs:\n- - 1\n  - 2',
  },
  {
    name: 'empty collections and nil',
    input: m({ e: m({}), l: [], x: null }),
    want: 'e: {}\nl: []\nx: null',
  },
  {
    name: 'complex and quoted keys',
    input: m({ 'a\nb': 1, 'c d': 2, '': 3, 'x: y': 4, true: 5 }),
    want: '"": 3\n? |-\n  a\n  b\n: 1\nc d: 2\n"true": 5\n\'x: y\': 4',
  },
  { name: 'keys over 128 bytes', input: m({ ['k'.repeat(130)]: 1 }), want: `? ${'k'.repeat(130)}\n: 1` },
  { name: 'top-level scalars', input: 'plain', want: 'plain' },
  { name: 'top-level float', input: 1.5, want: '1.5' },
  { name: 'top-level nil', input: null, want: 'null' },
  { name: 'top-level empty list', input: [], want: '[]' },
  { name: 'top-level empty map', input: m({}), want: '{}' },
  {
    name: 'plain folding at column 80',
    input: m({
      t_long:
        'aaaaaaaaaa bbbbbbbbbb cccccccccc dddddddddd eeeeeeeeee ffffffffff gggggggggg hhhhhhhhhh iiiiiiiiii',
    }),
    want: 't_long: aaaaaaaaaa bbbbbbbbbb cccccccccc dddddddddd eeeeeeeeee ffffffffff gggggggggg\n  hhhhhhhhhh iiiiiiiiii',
  },
  {
    name: 'single-quoted folding',
    input: m({
      t_long_colon:
        'key: aaaaaaaaaa bbbbbbbbbb cccccccccc dddddddddd eeeeeeeeee ffffffffff gggggggggg hhhhhhhhhh',
    }),
    want: "t_long_colon: 'key: aaaaaaaaaa bbbbbbbbbb cccccccccc dddddddddd eeeeeeeeee ffffffffff\n  gggggggggg hhhhhhhhhh'",
  },
  {
    name: 'double-quoted folding keeps a second space with a backslash',
    input: m({
      longdq:
        'aaaaaaaaaa\tbbbbbbbbbb cccccccccc dddddddddd eeeeeeeeee ffffffffff gggggggggg  hhhhhhhhhh iiiiiiiiii',
    }),
    want: 'longdq: "aaaaaaaaaa\\tbbbbbbbbbb cccccccccc dddddddddd eeeeeeeeee ffffffffff gggggggggg\n  \\ hhhhhhhhhh iiiiiiiiii"',
  },
  {
    name: 'literal blocks never fold',
    input: m({
      longmultiline:
        'aaaaaaaaaa bbbbbbbbbb cccccccccc dddddddddd eeeeeeeeee ffffffffff gggggggggg hhhhhhhhhh iiiiiiiiii\nshort',
    }),
    want: 'longmultiline: |-\n  aaaaaaaaaa bbbbbbbbbb cccccccccc dddddddddd eeeeeeeeee ffffffffff gggggggggg hhhhhhhhhh iiiiiiiiii\n  short',
  },
  {
    name: 'folding inside a list of maps',
    input: [
      m({ name: 'aaaaaaaaaa bbbbbbbbbb cccccccccc dddddddddd eeeeeeeeee ffffffffff gggggggggg hhhhhhhhhh' }),
    ],
    want: '- name: aaaaaaaaaa bbbbbbbbbb cccccccccc dddddddddd eeeeeeeeee ffffffffff gggggggggg\n    hhhhhhhhhh',
  },
  {
    name: 'the Chart map of ENGINE §3.6',
    input: m({
      APIVersion: 'v2',
      Annotations: null,
      AppVersion: '1.0',
      Dependencies: [],
      IsRoot: true,
      Version: '0.1.0',
    }),
    want: 'APIVersion: v2\nAnnotations: null\nAppVersion: "1.0"\nDependencies: []\nIsRoot: true\nVersion: 0.1.0',
  },
  { name: 'NaN makes toYaml empty', input: [Number.NaN], want: '' },
  { name: 'DEL makes toYaml empty', input: ['\x7f'], want: '' },
  { name: 'bytes are base64', input: new Uint8Array([104, 105]), want: 'aGk=' },
];

describe('toYaml documents', () => {
  it.each(documents)('$name', ({ input, want }) => {
    expect(toYaml(input)).toBe(want);
  });

  it('marshalYaml keeps the newline and throws on NaN', () => {
    expect(marshalYaml(m({ a: 1 }))).toBe('a: 1\n');
    expect(() => marshalYaml(Number.NaN)).toThrow('error marshaling into JSON: json: unsupported value: NaN');
  });
});

describe('toYamlPretty', () => {
  it('matches the verified yaml.v3 document of ENGINE §5.4', () => {
    const input = m({
      long: 'aaaaaaaaaa bbbbbbbbbb cccccccccc dddddddddd eeeeeeeeee ffffffffff gggggggggg hhhhhhhhhh iiiiiiiiii',
      t: 'true',
      e: '',
      m: 'x\ny',
      l: [1, m({ b: 2 })],
      f: 1.5,
      big: 1000000,
      sb: 'a \nb',
    });
    expect(toYamlPretty(input)).toBe(
      'big: 1e+06\ne: ""\nf: 1.5\nl:\n  - 1\n  - b: 2\nlong: aaaaaaaaaa bbbbbbbbbb cccccccccc dddddddddd eeeeeeeeee ffffffffff gggggggggg hhhhhhhhhh iiiiiiiiii\nm: |-\n  x\n  y\nsb: "a \\nb"\nt: "true"',
    );
  });

  it.each([
    { name: 'old booleans are quoted', input: 'yes', want: '- "yes"' },
    { name: 'tabs may stay in literal blocks', input: 'a\tb\nc', want: '- |-\n  a\tb\n  c' },
    { name: 'tabs force double quotes on one line', input: 'a\tb', want: '- "a\\tb"' },
  ])('$name', ({ input, want }) => {
    expect(toYamlPretty([input])).toBe(want);
  });
});
