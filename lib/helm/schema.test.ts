import { describe, expect, it } from 'vitest';
import { GoMap } from '@/lib/go';
import { goRegExp, goRegexError, printNumber, validateValues } from './schema';

// Expected texts are helm v4.1.4's output (verified; see tests/helm-values/schema.test.ts).
describe('printNumber', () => {
  const cases = [
    { name: 'grouping', input: 5000, want: '5,000' },
    { name: 'decimals', input: 1000.5, want: '1,000.5' },
    { name: 'large in exponent form', input: 1000000, want: '1×10⁰⁶' },
    { name: 'mantissa digits', input: 123456789012, want: '1.23456789012×10¹¹' },
    { name: 'small', input: 1e-7, want: '1×10⁻⁰⁷' },
    { name: 'plain small', input: 0.000123, want: '0.000123' },
    { name: 'negative', input: -1234.5, want: '-1,234.5' },
  ];
  for (const c of cases) it(c.name, () => expect(printNumber(c.input)).toBe(c.want));
});

describe('goRegExp', () => {
  // Expected results follow Go's regexp/syntax documentation.
  const cases = [
    { name: 'inline case-insensitive flag', input: ['(?i)^abc$', 'ABC'], want: true },
    { name: '\\z is the end of text', input: ['^abc\\z', 'abc\n'], want: false },
    { name: 'POSIX class', input: ['^[[:alpha:]_]+$', 'a_b'], want: true },
    { name: '\\s inside a class', input: ['^[\\s-]+$', ' - '], want: true },
    { name: 'escaped punctuation', input: ['^a\\_b$', 'a_b'], want: true },
    { name: 'leading ] is literal', input: ['^[]a]+$', ']a'], want: true },
    { name: 'named group', input: ['^(?P<x>a)$', 'a'], want: true },
    { name: 'unanchored search', input: ['b', 'abc'], want: true },
    { name: '\\Q…\\E is literal', input: ['^\\Qa(b\\E$', 'a(b'], want: true },
    { name: 'scoped case folding', input: ['^(?i:ab)c$', 'ABc'], want: true },
    { name: 'scoped case folding ends with its group', input: ['^(?i:ab)c$', 'ABC'], want: false },
    { name: 'one-letter Unicode class', input: ['^\\pL+$', 'héllo'], want: true },
    { name: 'script class', input: ['^\\p{Greek}$', 'λ'], want: true },
    { name: 'dot matches newline with s', input: ['^(?s:a.b)$', 'a\nb'], want: true },
  ];
  for (const c of cases)
    it(c.name, () => expect(goRegExp(c.input[0] as string).test(c.input[1] as string)).toBe(c.want));
});

describe('goRegexError', () => {
  // Expected texts are Go's regexp/syntax errors as helm v4.1.4 prints them (metaschema tests).
  const cases = [
    { name: 'valid', input: '^[a-z]+(?P<n>x)?$', want: undefined },
    { name: 'missing paren', input: '(a', want: 'error parsing regexp: missing closing ): `(a`' },
    { name: 'unexpected paren', input: 'a)', want: 'error parsing regexp: unexpected ): `a)`' },
    {
      name: 'lookahead',
      input: 'a(?=b)',
      want: 'error parsing regexp: invalid or unsupported Perl syntax: `(?=`',
    },
    { name: 'backreference', input: '(a)\\1', want: 'error parsing regexp: invalid escape sequence: `\\1`' },
    {
      name: 'nested repetition',
      input: 'a**',
      want: 'error parsing regexp: invalid nested repetition operator: `**`',
    },
    {
      name: 'bad repeat count',
      input: 'a{3,2}',
      want: 'error parsing regexp: invalid repeat count: `{3,2}`',
    },
    { name: 'missing bracket', input: 'x[ab', want: 'error parsing regexp: missing closing ]: `[ab`' },
    { name: 'bad range', input: '[z-a]', want: 'error parsing regexp: invalid character class range: `z-a`' },
  ];
  for (const c of cases) it(c.name, () => expect(goRegexError(c.input)).toBe(c.want));
});

describe('validateValues', () => {
  const cases = [
    {
      name: 'minimum',
      input: ['{"properties":{"replicas":{"minimum":1}}}', new GoMap([['replicas', 0]])],
      want: "- at '/replicas': minimum: got 0, want 1\n",
    },
    {
      name: 'missing property',
      input: ['{"required":["port"]}', new GoMap()],
      want: "- at '': missing property 'port'\n",
    },
    {
      name: 'type',
      input: ['{"properties":{"replicas":{"type":"integer"}}}', new GoMap([['replicas', 'two']])],
      want: "- at '/replicas': got string, want integer\n",
    },
    { name: 'valid', input: ['{"type":"object"}', new GoMap()], want: null },
    {
      name: 'not JSON',
      input: ['{bad', new GoMap()],
      want: "invalid character 'b' looking for beginning of object key string",
    },
    {
      name: 'unresolved $ref',
      input: ['{"properties":{"a":{"$ref":"#/nope"}}}', new GoMap()],
      want: 'json-pointer in "file:///values.schema.json#/nope" not found',
    },
    {
      name: 'Go inline flags and \\z',
      input: ['{"properties":{"a":{"pattern":"(?i)^abc\\\\z"}}}', new GoMap([['a', 'ABCd']])],
      want: "- at '/a': 'ABCd' does not match pattern '(?i)^abc\\\\z'\n",
    },
  ] as const;
  for (const c of cases) it(c.name, () => expect(validateValues(c.input[0], c.input[1])).toBe(c.want));
});
