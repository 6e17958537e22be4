import { describe, expect, it } from 'vitest';
import { GoInt, type GoMap } from '../go';
import {
  encodeJson,
  fromJson,
  fromJsonArray,
  fromYaml,
  fromYamlArray,
  parseValues,
  YamlError,
  yamlDocuments,
  yamlToGo,
} from './index';

// Values files as helm v4.1.4 reads them (ENGINE.md §0, §3.1, §4.1; each `want` is helm's
// `toJson .Values`, or the text after `Error: cannot load values.yaml: `).
const values: { name: string; input: string; want: string }[] = [
  { name: 'YAML 1.1 booleans as keys, last wins', input: 'yes: yes\non: off\n', want: '{"true":false}' },
  { name: 'n as a key is false', input: 'n: 3\n', want: '{"false":3}' },
  { name: 'several documents deep-merged', input: 'a: 1\n---\nb: 2\na: 3', want: '{"a":3,"b":2}' },
  { name: 'lists are replaced across documents', input: 'a: [1]\n---\na: [2]', want: '{"a":[2]}' },
  {
    name: 'maps merge across documents',
    input: 'a: {b: 1, c: 2}\n---\na: {b: 3}',
    want: '{"a":{"b":3,"c":2}}',
  },
  {
    name: 'ints in every base, floats, strings that look like numbers',
    input:
      'a: 0777\nb: 0o17\nc: 0b101\nd: 1_000\ne: +5\nf: -0x1F\ng: 0xFFFFFFFFFFFFFFFFF\nh: 12:30\ni: 2024-01-02\nj: 1e400\n',
    want: '{"a":511,"b":15,"c":5,"d":1000,"e":5,"f":-31,"g":"0xFFFFFFFFFFFFFFFFF","h":"12:30","i":"2024-01-02","j":"1e400"}',
  },
  {
    name: 'numeric keys are stringified',
    input: '0x10: a\n1e3: b\n08: c\n',
    want: '{"1000":"b","16":"a","8":"c"}',
  },
  {
    name: 'anchors, aliases and merge keys',
    input: 'a: &x {b: 1}\nc:\n  <<: *x\n  d: 2\n',
    want: '{"a":{"b":1},"c":{"b":1,"d":2}}',
  },
  { name: 'duplicate keys: last wins', input: 'a: 1\na: 2\n', want: '{"a":2}' },
  {
    name: 'tags',
    input: 'a: !!int "12"\nb: !!str 12\nc: !!binary aGVsbG8=\nd: !foo bar\n',
    want: '{"a":12,"b":"12","c":"hello","d":"bar"}',
  },
  {
    name: 'block scalar keeps the final line break',
    input: 'a: |\n x\n  y\n z',
    want: '{"a":"x\\n y\\nz\\n"}',
  },
  { name: 'empty file', input: '', want: '{}' },
  { name: 'comments only', input: '# nothing\n', want: '{}' },
  {
    name: '.inf cannot go through JSON',
    input: 'a: .inf\n',
    want: 'cannot unmarshal yaml document: error converting YAML to JSON: json: unsupported value: +Inf',
  },
  {
    name: 'mapping values in a plain scalar',
    input: 'a: 1\n b: 2\n',
    want: 'cannot unmarshal yaml document: error converting YAML to JSON: yaml: line 2: mapping values are not allowed in this context',
  },
  {
    name: 'bad dedent',
    input: 'a:\n  b: 1\n c: 2\n',
    want: 'cannot unmarshal yaml document: error converting YAML to JSON: yaml: line 2: did not find expected key',
  },
  {
    name: 'unclosed quote',
    input: 'a: "unclosed',
    want: 'cannot unmarshal yaml document: error converting YAML to JSON: yaml: line 2: found unexpected end of stream',
  },
  {
    name: 'tab indentation',
    input: 'a: 1\n\tb: 2',
    want: 'cannot unmarshal yaml document: error converting YAML to JSON: yaml: line 2: found a tab character that violates indentation',
  },
  {
    name: 'a character that cannot start a token',
    input: 'a: @x',
    want: 'cannot unmarshal yaml document: error converting YAML to JSON: yaml: found character that cannot start any token',
  },
  {
    name: 'key without a colon',
    input: 'a: x\nb',
    want: "cannot unmarshal yaml document: error converting YAML to JSON: yaml: line 3: could not find expected ':'",
  },
  {
    name: 'unclosed flow sequence',
    input: 'a: [1, 2',
    want: "cannot unmarshal yaml document: error converting YAML to JSON: yaml: line 1: did not find expected ',' or ']'",
  },
  {
    name: 'sequence at mapping level',
    input: 'a:\n  - b\n  c: 1',
    want: "cannot unmarshal yaml document: error converting YAML to JSON: yaml: line 2: did not find expected '-' indicator",
  },
  {
    name: 'unknown anchor',
    input: 'a: *nope',
    want: "cannot unmarshal yaml document: error converting YAML to JSON: yaml: unknown anchor 'nope' referenced",
  },
  {
    name: 'a list is not a values map',
    input: 'a: 1\n---\n- x',
    want: 'cannot unmarshal yaml document: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type map[string]interface {}',
  },
  {
    name: 'null key',
    input: '~: d\n',
    want: 'cannot unmarshal yaml document: error converting YAML to JSON: unsupported map key of type: %!s(<nil>), key: <nil>, value: "d"',
  },
  {
    name: 'bad document separator',
    input: 'a: 1\n--- x: 1',
    want: 'error reading yaml document: invalid Yaml document separator: x: 1',
  },
];

describe('parseValues', () => {
  it.each(values)('$name', ({ input, want }) => {
    let got: string;
    try {
      got = encodeJson(parseValues(input));
    } catch (e) {
      if (!(e instanceof YamlError)) throw e;
      got = e.helmMessage;
    }
    expect(got).toBe(want);
  });

  it('gives editors the 1-based line of a syntax error in a later document', () => {
    try {
      parseValues('a: 1\n---\nb: 2\nc: "x');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(YamlError);
      expect((e as YamlError).message).toContain('line 3: found unexpected end of stream');
      expect((e as YamlError).line).toBeGreaterThanOrEqual(3);
    }
  });
});

// Helm's fromYaml/fromYamlArray/fromJson/fromJsonArray (ENGINE.md §4.1, verified).
const helpers: { name: string; input: () => unknown; want: string }[] = [
  {
    name: 'fromYaml of a list',
    input: () => fromYaml('- a'),
    want: '{"Error":"error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type map[string]interface {}"}',
  },
  {
    name: 'fromYaml of bad syntax',
    input: () => fromYaml('a: [b'),
    want: `{"Error":"error converting YAML to JSON: yaml: line 1: did not find expected ',' or ']'"}`,
  },
  { name: 'fromYaml of nothing', input: () => fromYaml(''), want: '{}' },
  {
    name: 'fromYaml reads the first document only',
    input: () => fromYaml('a: 1\n---\nb: ['),
    want: '{"a":1}',
  },
  { name: 'fromYamlArray', input: () => fromYamlArray('- 1\n- b'), want: '[1,"b"]' },
  {
    name: 'fromJson of bad JSON',
    input: () => fromJson('{b}'),
    want: `{"Error":"invalid character 'b' looking for beginning of object key string"}`,
  },
  {
    name: 'fromJson numbers are float64',
    input: () => fromJson('{"a":1e2,"b":[true,null]}'),
    want: '{"a":100,"b":[true,null]}',
  },
  {
    name: 'fromJson of empty text',
    input: () => fromJson(''),
    want: '{"Error":"unexpected end of JSON input"}',
  },
  {
    name: 'fromJsonArray of an object',
    input: () => fromJsonArray('{}'),
    want: '["json: cannot unmarshal object into Go value of type []interface {}"]',
  },
];

describe('Helm from* helpers', () => {
  it.each(helpers)('$name', ({ input, want }) => {
    expect(encodeJson(input() as never)).toBe(want);
  });

  it('yamlToGo can keep integers as yaml.v2 decoded them', () => {
    const v = yamlToGo('a: 12345678\nb: 1e7\nc: 18446744073709551615', { keepInts: true }) as GoMap;
    expect(v.get('a')).toEqual(new GoInt(12345678n, 'int64'));
    expect(v.get('b')).toBe(1e7);
    expect(v.get('c')).toEqual(new GoInt(18446744073709551615n, 'uint64'));
  });

  it('yamlToGo keeps non-map documents and yamlDocuments reads them all', () => {
    expect(encodeJson(yamlToGo('- 1\n- x'))).toBe('[1,"x"]');
    expect(yamlDocuments('a: 1\n---\n- 2\n').map((d) => encodeJson(d))).toEqual(['{"a":1}', '[2]']);
  });
});
