import { describe, expect, it } from 'vitest';
import { stringBytes, stringFromBytes } from './bytes';

// Go's string(b) keeps every byte; []byte(s) gives them back (the Go specification's conversions).
// Valid UTF-8 reads as text; each byte of an invalid sequence (utf8.DecodeRune's RuneError cases)
// is one escape U+DC80+byte.
const table: { name: string; input: number[]; want: string }[] = [
  { name: 'ascii', input: [0x61, 0x62], want: 'ab' },
  { name: 'two-byte and four-byte runes', input: [0xc3, 0xa9, 0xf0, 0x9f, 0x98, 0x80], want: 'é😀' },
  { name: 'invalid leading bytes', input: [0x61, 0xff, 0xfe], want: 'a\udcff\udcfe' },
  { name: 'lone continuation', input: [0x80], want: '\udc80' },
  { name: 'truncated sequence at the end', input: [0x61, 0xe2, 0x82], want: 'a\udce2\udc82' },
  { name: 'overlong form', input: [0xc0, 0x80], want: '\udcc0\udc80' },
  { name: 'encoded surrogate', input: [0xed, 0xa0, 0x80], want: '\udced\udca0\udc80' },
  { name: 'beyond U+10FFFF', input: [0xf4, 0x90, 0x80, 0x80], want: '\udcf4\udc90\udc80\udc80' },
  {
    name: 'valid text after an invalid byte',
    input: [0xff, 0xc3, 0xa9, 0x7a],
    want: '\udcff\u00e9z',
  },
];

describe('stringFromBytes / stringBytes', () => {
  for (const { name, input, want } of table) {
    it(name, () => {
      expect(stringFromBytes(Uint8Array.from(input))).toBe(want);
      expect([...stringBytes(want)]).toEqual(input);
    });
  }
  it('writes lone surrogates that are no escapes as U+FFFD, like a UTF-8 encoder', () => {
    expect([...stringBytes('\ud800x')]).toEqual([0xef, 0xbf, 0xbd, 0x78]);
  });
});
