import { describe, expect, it } from 'vitest';
import { naturalLess, sortKeysNatural } from './sort';

// The verified toYaml key order of ENGINE.md §5.2 (helm v4.1.4).
const verified = [
  '-',
  '_x',
  '1',
  '2',
  '10',
  'A',
  'Z',
  'a b',
  'a1',
  'a01',
  'a001',
  'a9',
  'a10',
  'b',
  'x0',
  'x00',
  'x1',
  'x1y9',
  'x1y10',
  'x01',
  'é',
];

describe('sortKeysNatural', () => {
  it('orders the verified key list as yaml.v2 does', () => {
    const shuffled = [...verified].reverse();
    expect(sortKeysNatural(shuffled)).toEqual(verified);
  });

  it('orders non-ASCII keys by the same rules', () => {
    expect(sortKeysNatural(['é2', 'é10', 'é1', 'a'])).toEqual(['a', 'é1', 'é2', 'é10']);
  });

  // yaml.v3 (toYamlPretty) puts a letter first right after equal digits; verified with helm:
  // keys "12:30" and "1E-3" print as 1E-3 then 12:30.
  it.each([
    { name: 'v2: non-letter first', input: { a: '12:30', b: '1E-3', v3: false }, want: true },
    { name: 'v3: letter after a digit first', input: { a: '12:30', b: '1E-3', v3: true }, want: false },
    { name: 'v3: letters elsewhere unchanged', input: { a: '-', b: 'a', v3: true }, want: true },
  ])('$name', ({ input, want }) => {
    expect(naturalLess(input.a, input.b, input.v3)).toBe(want);
  });
});
