import { describe, expect, it } from 'vitest';
import { base64Encode } from './base64';

describe('base64Encode', () => {
  // RFC 4648 §10 test vectors.
  const cases = [
    { name: 'empty', input: '', want: '' },
    { name: 'one byte', input: 'f', want: 'Zg==' },
    { name: 'two bytes', input: 'fo', want: 'Zm8=' },
    { name: 'three bytes', input: 'foo', want: 'Zm9v' },
    { name: 'four bytes', input: 'foob', want: 'Zm9vYg==' },
    { name: 'five bytes', input: 'fooba', want: 'Zm9vYmE=' },
    { name: 'six bytes', input: 'foobar', want: 'Zm9vYmFy' },
  ];
  for (const c of cases)
    it(c.name, () => expect(base64Encode(new TextEncoder().encode(c.input))).toBe(c.want));
  it('uses + and / for the top values', () =>
    expect(base64Encode(new Uint8Array([0xfb, 0xff, 0xbf]))).toBe('+/+/'));
});
