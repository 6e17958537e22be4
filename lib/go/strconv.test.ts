import { describe, expect, it } from 'vitest';
import { parseFloat64, parseInt64, parseUint, unquote } from './strconv';

// Go's strconv rules (Unquote; ParseInt/ParseUint with base 0; ParseFloat) as the Go
// specification's literal syntax defines them.
const unquoteTable: { name: string; input: string; want: string | undefined }[] = [
  { name: 'plain', input: '"abc"', want: 'abc' },
  { name: 'escapes', input: '"\\a\\b\\f\\n\\r\\t\\v\\\\\\""', want: '\x07\b\f\n\r\t\v\\"' },
  { name: 'hex, octal, unicode', input: '"\\x41\\101\\u00e9\\U0001F600"', want: 'AAé😀' },
  { name: 'raw', input: '`a\\n\r\nb`', want: 'a\\n\nb' },
  { name: 'rune', input: "'x'", want: 'x' },
  { name: 'escaped quote in rune', input: "'\\''", want: "'" },
  { name: 'bad escape', input: '"\\q"', want: undefined },
  { name: 'single quote escape in string', input: '"\\\'"', want: undefined },
  { name: 'two runes', input: "'ab'", want: undefined },
  { name: 'empty rune', input: "''", want: undefined },
  { name: 'surrogate escape', input: '"\\ud800"', want: undefined },
  { name: 'newline in string', input: '"a\nb"', want: undefined },
];

describe('unquote', () => {
  for (const { name, input, want } of unquoteTable) {
    it(name, () => expect(unquote(input)).toBe(want));
  }
});

const intTable: { name: string; input: string; want: bigint | undefined }[] = [
  { name: 'decimal', input: '42', want: 42n },
  { name: 'negative', input: '-42', want: -42n },
  { name: 'plus', input: '+5', want: 5n },
  { name: 'hex', input: '0x1F', want: 31n },
  { name: 'octal prefix', input: '0o17', want: 15n },
  { name: 'leading zero octal', input: '0377', want: 255n },
  { name: 'binary', input: '0b101', want: 5n },
  { name: 'underscores', input: '1_000_000', want: 1000000n },
  { name: 'underscore after prefix', input: '0x_1F', want: 31n },
  { name: 'bad underscore', input: '1__0', want: undefined },
  { name: 'trailing underscore', input: '10_', want: undefined },
  { name: 'bad octal digit', input: '08', want: undefined },
  { name: 'zero', input: '0', want: 0n },
  { name: 'max int64', input: '9223372036854775807', want: 9223372036854775807n },
  { name: 'overflow', input: '9223372036854775808', want: undefined },
  { name: 'min int64', input: '-9223372036854775808', want: -9223372036854775808n },
  { name: 'float syntax', input: '1.5', want: undefined },
];

describe('parseInt64', () => {
  for (const { name, input, want } of intTable) {
    it(name, () => expect(parseInt64(input)).toBe(want));
  }
  it('parseUint takes values beyond int64', () =>
    expect(parseUint('18446744073709551615')).toBe(18446744073709551615n));
  it('parseUint overflows at 2^64', () => expect(parseUint('18446744073709551616')).toBeUndefined());
});

const floatTable: { name: string; input: string; want: number | undefined }[] = [
  { name: 'decimal', input: '1.5', want: 1.5 },
  { name: 'leading dot', input: '.5', want: 0.5 },
  { name: 'exponent', input: '1e3', want: 1000 },
  { name: 'leading zero decimal', input: '08', want: 8 },
  { name: 'hex float', input: '0x1p4', want: 16 },
  { name: 'hex float fraction', input: '0x1.8p1', want: 3 },
  { name: 'underscores', input: '1_000.5', want: 1000.5 },
  { name: 'hex mantissa needs p', input: '0x1.8', want: undefined },
  { name: 'out of range', input: '1e400', want: undefined },
  { name: 'garbage', input: '1.2.3', want: undefined },
];

describe('parseFloat64', () => {
  for (const { name, input, want } of floatTable) {
    it(name, () => expect(parseFloat64(input)).toBe(want));
  }
});
