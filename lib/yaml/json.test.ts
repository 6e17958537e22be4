import { describe, expect, it } from 'vitest';
import { GoInt, GoMap, type GoValue } from '../go';
import { decodeJson, encodeJson } from './json';

const m = (o: Record<string, GoValue>): GoMap => new GoMap(Object.entries(o));

// ENGINE.md §5.1 and §5.7 (toJson printed by helm v4.1.4) and Go's encoding/json rules.
const encode: { name: string; input: { v: GoValue; indent?: string; escapeHtml?: boolean }; want: string }[] =
  [
    {
      name: 'float formats',
      input: {
        // biome-ignore lint/correctness/noPrecisionLoss: the literal of the verified helm template
        v: [1e20, 0.1, 1.5e-5, 123456789.123, 1e15, 12345678901234567, -0, 0.000001, 100, 2.5e-7, 1e21],
      },
      want: '[100000000000000000000,0.1,0.000015,123456789.123,1000000000000000,12345678901234568,-0,0.000001,100,2.5e-7,1e+21]',
    },
    {
      name: 'sorted keys, nil',
      input: { v: m({ b: 1, a: null, B: true }) },
      want: '{"B":true,"a":null,"b":1}',
    },
    { name: 'HTML escaped by default', input: { v: '<a>&b' }, want: '"\\u003ca\\u003e\\u0026b"' },
    { name: 'raw JSON keeps HTML', input: { v: '<a>&b', escapeHtml: false }, want: '"<a>&b"' },
    { name: 'control characters', input: { v: '\b\f\n\r\t\x01\x7f' }, want: '"\\b\\f\\n\\r\\t\\u0001\x7f"' },
    { name: 'line separators', input: { v: '\u2028\u2029' }, want: '"\\u2028\\u2029"' },
    { name: 'bytes are base64', input: { v: new Uint8Array([1, 2, 3, 4]) }, want: '"AQIDBA=="' },
    {
      name: 'Go ints',
      input: { v: [new GoInt(-5n), new GoInt(18446744073709551615n, 'uint64')] },
      want: '[-5,18446744073709551615]',
    },
    {
      name: 'pretty',
      input: { v: m({ a: [1, m({})], b: [] }), indent: '  ' },
      want: '{\n  "a": [\n    1,\n    {}\n  ],\n  "b": []\n}',
    },
  ];

describe('encodeJson', () => {
  it.each(encode)('$name', ({ input, want }) => {
    expect(encodeJson(input.v, { indent: input.indent, escapeHtml: input.escapeHtml })).toBe(want);
  });

  it.each([
    { name: 'NaN', input: Number.NaN, want: 'json: unsupported value: NaN' },
    { name: '+Inf', input: Number.POSITIVE_INFINITY, want: 'json: unsupported value: +Inf' },
  ])('rejects $name', ({ input, want }) => {
    expect(() => encodeJson(input)).toThrow(want);
  });
});

describe('decodeJson', () => {
  it.each([
    {
      name: 'object key',
      input: '{b}',
      want: "invalid character 'b' looking for beginning of object key string",
    },
    { name: 'missing colon', input: '{"a" 1}', want: "invalid character '1' after object key" },
    {
      name: 'missing comma',
      input: '{"a":1 "b":2}',
      want: `invalid character '"' after object key:value pair`,
    },
    { name: 'truncated', input: '[1,', want: 'unexpected end of JSON input' },
    { name: 'trailing data', input: '1 2', want: "invalid character '2' after top-level value" },
    {
      name: 'truncated literal (Go feeds a space at the end)',
      input: 'nul',
      want: "invalid character ' ' in literal null (expecting 'l')",
    },
    {
      name: 'too large',
      input: '1e400',
      want: 'json: cannot unmarshal number 1e400 into Go value of type float64',
    },
  ])('$name', ({ input, want }) => {
    expect(() => decodeJson(input)).toThrow(want);
  });

  it('decodes numbers as float64 and keeps the last duplicate key', () => {
    expect(encodeJson(decodeJson('{"a":1,"a":2.50,"b":"\\u00e9\\ud83d\\ude00"}'))).toBe(
      '{"a":2.5,"b":"é😀"}',
    );
  });
});
