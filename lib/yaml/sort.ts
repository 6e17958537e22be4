/**
 * The "natural" key order of yaml.v2's encoder (and yaml.v3's), for string keys: letters after
 * non-letters, runs of digits compared as numbers.
 */

import { runes } from '../go';

// Made on first use: a Unicode-class pattern costs start-up time in every command-line run.
let letter: RegExp | undefined;
let digit: RegExp | undefined;

function isLetter(r: number): boolean {
  if (r < 0x80) return (r >= 0x41 && r <= 0x5a) || (r >= 0x61 && r <= 0x7a);
  letter ??= /\p{L}/u;
  return letter.test(String.fromCodePoint(r));
}

function isDigit(r: number): boolean {
  if (r < 0x80) return r >= 0x30 && r <= 0x39;
  digit ??= /\p{Nd}/u;
  return digit.test(String.fromCodePoint(r));
}

const MASK = (1n << 64n) - 1n;

/** digitValue accumulates `n*10 + (r-'0')` over a digit run with Go's int64 wrap-around. */
function accumulate(rs: number[], from: number, start: number): [number | bigint, number] {
  let end = from;
  while (end < rs.length && isDigit(rs[end]!)) end++;
  if (end - from < 15) {
    let n = start;
    for (let i = from; i < end; i++) n = n * 10 + (rs[i]! - 0x30);
    return [n, end];
  }
  let n = BigInt(start);
  for (let i = from; i < end; i++) n = BigInt.asIntN(64, (n * 10n + BigInt(rs[i]! - 0x30)) & MASK);
  return [n, end];
}

/** naturalLess reports whether key a sorts before key b in yaml.v2's keyList order. */
export function naturalLess(a: string, b: string, v3 = false): boolean {
  if (a === b) return false;
  return runesLess(runes(a), runes(b), v3);
}

function runesLess(ar: number[], br: number[], v3: boolean): boolean {
  let digits = false;
  const n = Math.min(ar.length, br.length);
  for (let i = 0; i < n; i++) {
    const x = ar[i]!;
    const y = br[i]!;
    if (x === y) {
      digits = isDigit(x);
      continue;
    }
    const al = isLetter(x);
    const bl = isLetter(y);
    if (al && bl) return x < y;
    // Go (yaml.v3): right after equal digits a letter sorts first ("1E" < "12"); yaml.v2 puts
    // non-letters first everywhere.
    if (al || bl) return v3 && digits ? al : bl;
    let start = 0;
    if (x === 0x30 || y === 0x30) {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]!); j--) {
        if (ar[j] !== 0x30) {
          start = 1;
          break;
        }
      }
    }
    const [an, ai] = accumulate(ar, i, start);
    const [bn, bi] = accumulate(br, i, start);
    // biome-ignore lint/suspicious/noDoubleEquals: number and bigint runs compare by value
    if (an != bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return x < y;
  }
  return ar.length < br.length;
}

/** naturalCompare is {@link naturalLess} as a comparator for Array#sort. */
export function naturalCompare(a: string, b: string, v3 = false): number {
  if (a === b) return 0;
  return naturalLess(a, b, v3) ? -1 : naturalLess(b, a, v3) ? 1 : 0;
}

/** sortKeysNatural returns the keys in yaml.v2's (or yaml.v3's) natural order. */
export function sortKeysNatural(keys: string[], v3 = false): string[] {
  if (keys.length < 2) return keys;
  // Fast path: for ASCII keys a code unit is a rune.
  let ascii = true;
  for (const k of keys) {
    if (!asciiOnly.test(k)) {
      ascii = false;
      break;
    }
  }
  if (ascii) {
    return keys.sort((a, b) => (a === b ? 0 : asciiLess(a, b, v3) ? -1 : asciiLess(b, a, v3) ? 1 : 0));
  }
  const rs = new Map<string, number[]>();
  for (const k of keys) rs.set(k, runes(k));
  return keys.sort((a, b) => {
    if (a === b) return 0;
    const ar = rs.get(a)!;
    const br = rs.get(b)!;
    return runesLess(ar, br, v3) ? -1 : runesLess(br, ar, v3) ? 1 : 0;
  });
}

const asciiOnly = /^[\x00-\x7f]*$/;

function asciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function asciiDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** asciiLess is runesLess for ASCII strings without allocating; digit runs take the full path. */
function asciiLess(a: string, b: string, v3: boolean): boolean {
  let digits = false;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) {
      digits = asciiDigit(x);
      continue;
    }
    const al = asciiLetter(x);
    const bl = asciiLetter(y);
    if (al && bl) return x < y;
    if (al || bl) return v3 && digits ? al : bl;
    if (!asciiDigit(x) && !asciiDigit(y)) return x < y;
    return runesLess(runes(a), runes(b), v3);
  }
  return a.length < b.length;
}
