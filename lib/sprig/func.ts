/** Helpers to declare sprig functions as {@link GoFuncValue}s with their Go signatures. */
import { type GoFuncValue, type GoType, type GoValue, runes } from '../go';

/** FuncMap maps template function names to Go function values. */
export type FuncMap = Record<string, GoFuncValue>;

/**
 * goFunc declares a Go function: its name, parameter types (the last one repeated when variadic),
 * and its implementation.
 */
export function goFunc(
  name: string,
  params: readonly GoType[],
  fn: (...args: GoValue[]) => GoValue,
  variadic = false,
): GoFuncValue {
  return variadic ? { name, params, variadic, fn } : { name, params, fn };
}

/** alias returns the same function registered under another name. */
export function alias(f: GoFuncValue, name: string): GoFuncValue {
  return { ...f, name };
}

/** ASCII_PUNCT holds the ASCII code points in Unicode category P (Go's unicode.IsPunct). */
const ASCII_PUNCT = new Set(Array.from('!"#%&\'()*,-./:;?@[\\]_{}', (c) => c.charCodeAt(0)));

/** unicode holds Go's unicode predicates and simple case mappings for one code point. */
export const unicode = {
  /** isSpace is unicode.IsSpace. */
  isSpace(c: number): boolean {
    if (c < 0x100) return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0x85 || c === 0xa0;
    return /\p{White_Space}/u.test(String.fromCodePoint(c));
  },
  /** isUpper is unicode.IsUpper (category Lu). */
  isUpper(c: number): boolean {
    if (c < 0x80) return c >= 0x41 && c <= 0x5a;
    return /\p{Lu}/u.test(String.fromCodePoint(c));
  },
  /** isLower is unicode.IsLower (category Ll). */
  isLower(c: number): boolean {
    if (c < 0x80) return c >= 0x61 && c <= 0x7a;
    return /\p{Ll}/u.test(String.fromCodePoint(c));
  },
  /** isTitle is unicode.IsTitle (category Lt). */
  isTitle(c: number): boolean {
    if (c < 0x80) return false;
    return /\p{Lt}/u.test(String.fromCodePoint(c));
  },
  /** isLetter is unicode.IsLetter (category L). */
  isLetter(c: number): boolean {
    if (c < 0x80) return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
    return /\p{L}/u.test(String.fromCodePoint(c));
  },
  /** isDigit is unicode.IsDigit (category Nd). */
  isDigit(c: number): boolean {
    if (c < 0x80) return c >= 0x30 && c <= 0x39;
    return /\p{Nd}/u.test(String.fromCodePoint(c));
  },
  /** isNumber is unicode.IsNumber (category N). */
  isNumber(c: number): boolean {
    if (c < 0x80) return c >= 0x30 && c <= 0x39;
    return /\p{N}/u.test(String.fromCodePoint(c));
  },
  /** isPunct is unicode.IsPunct (category P). */
  isPunct(c: number): boolean {
    if (c < 0x80) return ASCII_PUNCT.has(c);
    return /\p{P}/u.test(String.fromCodePoint(c));
  },
  /** toUpper is unicode.ToUpper (simple mapping: a rune whose upper case is several runes is kept). */
  toUpper(c: number): number {
    if (c < 0x80) return c >= 0x61 && c <= 0x7a ? c - 32 : c;
    return single(String.fromCodePoint(c).toUpperCase(), c);
  },
  /** toLower is unicode.ToLower (simple mapping). */
  toLower(c: number): number {
    if (c < 0x80) return c >= 0x41 && c <= 0x5a ? c + 32 : c;
    if (c === 0x130) return 0x69; // Go: İ lowers to i (simple mapping).
    return single(String.fromCodePoint(c).toLowerCase(), c);
  },
  /** toTitle is unicode.ToTitle (simple mapping; the digraphs have their own title forms). */
  toTitle(c: number): number {
    const titles: Record<number, number> = {
      452: 0x1c5,
      453: 0x1c5,
      454: 0x1c5,
      455: 0x1c8,
      456: 0x1c8,
      457: 0x1c8,
      458: 0x1cb,
      459: 0x1cb,
      460: 0x1cb,
      497: 0x1f2,
      498: 0x1f2,
      499: 0x1f2,
    };
    return titles[c] ?? unicode.toUpper(c);
  },
};

function single(mapped: string, orig: number): number {
  const cp = mapped.codePointAt(0)!;
  return mapped.length === String.fromCodePoint(cp).length ? cp : orig;
}

/** mapRunes applies a per-code-point mapping to a string. */
export function mapRunes(s: string, f: (c: number) => number): string {
  // Go's strings.Map reads a byte that is not valid UTF-8 as U+FFFD and writes U+FFFD (see runes).
  let out = '';
  for (const c of runes(s)) out += String.fromCodePoint(f(c));
  return out;
}

/** SprigEnv is the clock, randomness and local time zone the non-deterministic functions use. */
export interface SprigEnv {
  readonly now: () => Date;
  readonly random: () => number;
  readonly timeZone: string;
}

/** randIntn returns a uniformly chosen integer in [0, n) from the environment's randomness. */
export function randIntn(env: SprigEnv, n: number): number {
  return Math.min(n - 1, Math.floor(env.random() * n));
}
