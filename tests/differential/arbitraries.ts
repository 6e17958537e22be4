// Generators of hostile values for the differential tests (fast-check arbitraries).
import fc from 'fast-check';
import { dump } from 'js-yaml';

/** HOSTILE_STRINGS are strings that trip YAML, quoting, templates or number parsing. */
export const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  'plain',
  'say "hi"',
  "it's",
  "'single'",
  'a: b',
  'key:value',
  'a #comment',
  '#start',
  '  leading spaces',
  'trailing spaces  ',
  'line1\nline2',
  'line1\nline2\n',
  '\nstarts with newline',
  'tab\there',
  'emoji 😀 here',
  '😀',
  '{{ .Values.x }}',
  '{{ fail "boom" }}',
  '}}{{',
  '<no value>',
  '123',
  '0777',
  '0x1F',
  '1e3',
  '1.0',
  '-1',
  '+1',
  '.5',
  '1_000',
  '12:30',
  '2024-01-02',
  '2001-12-14t21:59:43.10-05:00',
  'true',
  'False',
  'yes',
  'no',
  'on',
  'off',
  'y',
  'n',
  'null',
  '~',
  '-',
  '- item',
  '---',
  '...',
  '[a, b]',
  '{a: b}',
  '&anchor',
  '*alias',
  '!tag',
  '%percent',
  '@at',
  '`tick',
  '|pipe',
  '>fold',
  'comma, separated',
  'a,b',
  'a=b',
  'back\\slash',
  'é ü ß 中文',
  '\u00a0nbsp',
  'x'.repeat(100),
  'word '.repeat(20).trim(),
  'api.example.com',
  'api.example.com,www.example.com',
  'sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
  '500m',
  '512Mi',
  '1.2.3',
  'v1.2.0',
  'latest',
];

const hostileChar = fc.constantFrom(
  'a',
  'Z',
  '0',
  '9',
  ' ',
  ':',
  '#',
  '-',
  '"',
  "'",
  '\\',
  '\n',
  '\t',
  '{',
  '}',
  '[',
  ']',
  ',',
  '.',
  '=',
  '/',
  '😀',
  'é',
  '<',
  '>',
  '&',
  '*',
  '!',
  '|',
);

/** hostileString generates strings from the hostile list and random mixes of hostile characters. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.array(hostileChar, { maxLength: 24 }).map((cs) => cs.join('')) },
  { weight: 1, arbitrary: fc.string({ maxLength: 16 }) },
);

/** hostileNumber generates integers and floats Go prints in interesting ways. */
export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(
    0,
    1,
    -1,
    2,
    3,
    10,
    100,
    1000000,
    123456789,
    1e15,
    1e20,
    1e21,
    0.1,
    0.5,
    1.5,
    2.5e-7,
    1e-6,
    -0,
  ),
  fc.constantFrom(2 ** 31, 2 ** 53, -(2 ** 53), 2 ** 63, 65535, 65536, 63, 64),
  fc.integer({ min: -1000, max: 100000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e22, max: 1e22 }),
);

/** Scalar is a JSON-representable scalar. */
export type Scalar = string | number | boolean | null;
/** Json is a JSON-representable value. */
export type Json = Scalar | Json[] | { [k: string]: Json };

/** hostileScalar generates any scalar, strings and numbers most often. */
export const hostileScalar: fc.Arbitrary<Scalar> = fc.oneof(
  { weight: 5, arbitrary: hostileString },
  { weight: 3, arbitrary: hostileNumber },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
);

/** hostileValue generates scalars and small lists and maps of them. */
export const hostileValue: fc.Arbitrary<Json> = fc.oneof(
  { weight: 6, arbitrary: hostileScalar },
  { weight: 1, arbitrary: fc.array(hostileScalar, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(hostileString, hostileScalar, { maxKeys: 3 }) },
);

/** ValuesFormat is how a generated values object is written: js-yaml, JSON, or plain scalars. */
export type ValuesFormat = 'yaml' | 'json' | 'plain';

/**
 * plainScalar writes a scalar unquoted whenever YAML can read it back as some scalar, so YAML 1.1's typing
 * (`on`, `0777`, `1e3`, `12:30`, `~`) applies; anything else is written as a JSON string.
 */
function plainScalar(v: Scalar): string {
  if (typeof v !== 'string') return JSON.stringify(v);
  if (/^[A-Za-z0-9_./+~-][^#\n\t"'{}[\],&*!|>%@`]*$/.test(v) && !/: |:$| $/.test(v)) return v;
  return JSON.stringify(v);
}

function writePlain(v: Json, indent: string): string {
  if (v === null || typeof v !== 'object') return ` ${plainScalar(v)}\n`;
  if (Array.isArray(v)) {
    if (v.length === 0) return ' []\n';
    return `\n${v.map((e) => `${indent}-${writePlain(e, `${indent}  `)}`).join('')}`;
  }
  const keys = Object.keys(v);
  if (keys.length === 0) return ' {}\n';
  return `\n${keys.map((k) => `${indent}${plainScalar(k)}:${writePlain(v[k]!, `${indent}  `)}`).join('')}`;
}

/** toValuesFile writes a values object as YAML (js-yaml), as JSON (which YAML also reads), or plain. */
export function toValuesFile(values: Json, format: ValuesFormat): string {
  if (format === 'json') return `${JSON.stringify(values, null, 2)}\n`;
  if (format === 'plain') return writePlain(values, '').replace(/^\n/, '');
  return dump(values, { lineWidth: -1, noRefs: true });
}
