/**
 * Sprig's string functions (`strings.go`, goutils, xstrings). Go strings are byte sequences: the
 * functions that index bytes (`substr`, `trunc`, `abbrev`, `wrap`, `initials`, `nospace`) work on
 * the UTF-8 bytes, as Go does.
 */
import { formatValue, GoMap, GoPanic, type GoValue, quoteString, runes, typedSlice } from '../go';
import { byteLen, byteSlice, fromUtf8, intArg, isSliceKind, listItems, strArg, strval, utf8 } from './cast';
import { type FuncMap, goFunc, mapRunes, randIntn, type SprigEnv, unicode } from './func';

const ASCII = /^[\x00-\x7f]*$/;

/** compareGoStrings orders strings by their UTF-8 bytes (Go's `<` on strings). */
export function compareGoStrings(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x < y ? -1 : 1;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}

/** bin returns a string whose UTF-16 units are the UTF-8 bytes of s (for byte-indexed algorithms). */
function bin(s: string): string {
  const b = utf8(s);
  // In slices: spreading a long string's bytes at once would exceed the engine's argument limit.
  let out = '';
  for (let i = 0; i < b.length; i += 8192) out += String.fromCharCode(...b.subarray(i, i + 8192));
  return out;
}

/** unbin decodes a byte string made by {@link bin} back to text. */
function unbin(b: string): string {
  return fromUtf8(Uint8Array.from(b, (c) => c.charCodeAt(0)));
}

/** hasRawByte matches a lone U+DC80–U+DCFF: a byte that is not valid UTF-8 (see lib/go/bytes.ts). */
const hasRawByte = /(?<![\ud800-\udbff])[\udc80-\udcff]/;

/**
 * byteSearch is strings.Contains/HasPrefix/HasSuffix. Go compares bytes: a needle holding a raw byte
 * (a cut UTF-8 sequence) can match part of a valid character of s, which UTF-16 comparison cannot see.
 */
function byteSearch(s: string, needle: string, how: 'includes' | 'startsWith' | 'endsWith'): boolean {
  if (!hasRawByte.test(needle)) return s[how](needle);
  // Byte strings (one UTF-16 unit per byte) compare byte for byte.
  return bin(s)[how](bin(needle));
}

function goRepeat(s: string, count: number): string {
  // Go: strings.Repeat panics on a negative count.
  if (count < 0) throw new GoPanic('strings: negative Repeat count');
  return s.repeat(count);
}

function trimSpace(s: string): string {
  // Every white-space code point is in the BMP, so a surrogate (half of a pair) is never space and
  // scanning UTF-16 units trims exactly the code points Go trims.
  let i = 0;
  let j = s.length;
  while (i < j && unicode.isSpace(s.charCodeAt(i))) i++;
  while (j > i && unicode.isSpace(s.charCodeAt(j - 1))) j--;
  return i === 0 && j === s.length ? s : s.slice(i, j);
}

function trimCutset(s: string, cutset: string): string {
  const cut = new Set(Array.from(cutset));
  const cps = Array.from(s);
  let i = 0;
  let j = cps.length;
  while (i < j && cut.has(cps[i]!)) i++;
  while (j > i && cut.has(cps[j - 1]!)) j--;
  return cps.slice(i, j).join('');
}

/** abbreviateFull is goutils.AbbreviateFull on bytes; errors yield "" as sprig ignores them. */
function abbreviateFull(str: string, offset: number, maxWidth: number): string {
  if (str === '') return '';
  if (maxWidth < 4) return '';
  const b = bin(str);
  if (b.length <= maxWidth) return str;
  let off = Math.min(offset, b.length);
  if (b.length - off < maxWidth - 3) off = b.length - (maxWidth - 3);
  if (off <= 4) return unbin(b.slice(0, maxWidth - 3)) + '...';
  if (maxWidth < 7) return '';
  if (off + maxWidth - 3 < b.length) return '...' + abbreviateFull(unbin(b.slice(off)), 0, maxWidth - 3);
  return '...' + unbin(b.slice(b.length - (maxWidth - 3)));
}

/** wrapCustom is goutils.WrapCustom on bytes. */
function wrapCustom(str: string, wrapLength: number, newLine: string, wrapLong: boolean): string {
  if (str === '') return '';
  const nl = newLine === '' ? '\n' : newLine;
  const w = Math.max(1, wrapLength);
  const s = bin(str);
  const nlb = bin(nl);
  let out = '';
  let offset = 0;
  while (s.length - offset > w) {
    if (s[offset] === ' ') {
      offset++;
      continue;
    }
    const end = w + offset + 1;
    const at = s.slice(offset, end).lastIndexOf(' ') + offset;
    if (at >= offset) {
      out += s.slice(offset, at) + nlb;
      offset = at + 1;
    } else if (wrapLong) {
      out += s.slice(offset, w + offset) + nlb;
      offset += w;
    } else {
      const idx = s.slice(w + offset).indexOf(' ');
      if (idx === -1) {
        out += s.slice(offset);
        offset = s.length;
      } else {
        const sp = idx + w + offset;
        out += s.slice(offset, sp) + nlb;
        offset = sp + 1;
      }
    }
  }
  out += s.slice(offset);
  return unbin(out);
}

/** title is strings.Title: the first letter of each word mapped to title case. */
export function title(s: string): string {
  let prev = 0x20;
  let out = '';
  // strings.Map underneath: a byte that is not valid UTF-8 reads and writes as U+FFFD.
  for (const c of runes(s)) {
    out += String.fromCodePoint(isSeparator(prev) ? unicode.toTitle(c) : c);
    prev = c;
  }
  return out;
}

function isSeparator(c: number): boolean {
  if (c <= 0x7f) {
    return !/[0-9A-Za-z_]/.test(String.fromCharCode(c));
  }
  if (unicode.isLetter(c) || unicode.isDigit(c)) return false;
  return unicode.isSpace(c);
}

function untitle(s: string): string {
  let next = true;
  let out = '';
  // Over Go runes: a byte that is not valid UTF-8 is written as U+FFFD.
  for (const c of runes(s)) {
    if (unicode.isSpace(c)) next = true;
    else if (next) {
      out += String.fromCodePoint(unicode.toLower(c));
      next = false;
      continue;
    }
    out += String.fromCodePoint(c);
  }
  return out;
}

function swapcase(s: string): string {
  let ws = true;
  let out = '';
  for (let c of runes(s)) {
    if (unicode.isUpper(c) || unicode.isTitle(c)) {
      c = unicode.toLower(c);
      ws = false;
    } else if (unicode.isLower(c)) {
      c = ws ? unicode.toTitle(c) : unicode.toUpper(c);
      ws = false;
    } else {
      ws = unicode.isSpace(c);
    }
    out += String.fromCodePoint(c);
  }
  return out;
}

/** initials is goutils.Initials, which reads the string byte by byte (each byte as a rune). */
function initials(s: string): string {
  let gap = true;
  let out = '';
  for (const byte of utf8(s)) {
    if (unicode.isSpace(byte)) gap = true;
    else if (gap) {
      out += String.fromCharCode(byte);
      gap = false;
    }
  }
  return out;
}

/** nospace is goutils.DeleteWhiteSpace, which also reads bytes as runes. */
function nospace(s: string): string {
  const bytes = utf8(s);
  let out = '';
  let count = 0;
  for (const byte of bytes) {
    if (!unicode.isSpace(byte)) {
      out += String.fromCharCode(byte);
      count++;
    }
  }
  return count === bytes.length ? s : out;
}

const isConnector = (c: number) => c === 0x2d || c === 0x5f || unicode.isSpace(c);

/** pascalCase is xstrings.ToPascalCase (v1.5): words joined, first letter of each upper-cased. */
export function pascalCase(str: string): string {
  const cps = runes(str); // xstrings decodes runes: a byte that is not valid UTF-8 is written as U+FFFD

  if (cps.length === 0) return '';
  let out = '';
  let i = 0;
  let r0 = 0;
  let firstUpper = false;
  for (; i < cps.length; ) {
    r0 = cps[i++]!;
    if (!isConnector(r0)) {
      firstUpper = unicode.isUpper(r0);
      r0 = unicode.toUpper(r0);
      break;
    }
    out += String.fromCodePoint(r0);
  }
  if (i >= cps.length) {
    // xstrings: the last rune is written again when the input is all connectors ("__" → "___").
    return out + String.fromCodePoint(r0);
  }
  for (; i < cps.length; ) {
    const r1 = r0;
    r0 = cps[i++]!;
    if (isConnector(r0) && isConnector(r1)) {
      out += String.fromCodePoint(r1);
      continue;
    }
    if (isConnector(r1)) {
      firstUpper = unicode.isUpper(r0);
      r0 = unicode.toUpper(r0);
    } else {
      if (firstUpper) {
        if (unicode.isUpper(r0)) r0 = unicode.toLower(r0);
        else firstUpper = false;
      }
      out += String.fromCodePoint(r1);
    }
  }
  return out + String.fromCodePoint(r0);
}

type WordType = 'invalid' | 'number' | 'upper' | 'alpha' | 'connector' | 'punct' | 'other';

/** nextWord splits off the next word as xstrings does for snake/kebab case. */
function nextWord(s: number[]): [WordType, number[], number[]] {
  if (s.length === 0) return ['invalid', [], []];
  const isAlpha = unicode.isLetter;
  const r = s[0]!;
  let n = 1;
  let wt: WordType;
  const run = (pred: (c: number) => boolean) => {
    while (n < s.length && pred(s[n]!)) n++;
  };
  if (isConnector(r)) {
    wt = 'connector';
    run(isConnector);
  } else if (unicode.isPunct(r)) {
    wt = 'punct';
    run(unicode.isPunct);
  } else if (unicode.isUpper(r)) {
    wt = 'upper';
    if (n < s.length) {
      const r2 = s[n]!;
      if (unicode.isUpper(r2)) {
        n++;
        run(unicode.isUpper);
        // "HTTPStatus" splits as "HTTP" + "Status".
        if (n < s.length && isAlpha(s[n]!)) n--;
      } else if (isAlpha(r2)) {
        n++;
        run((c) => isAlpha(c) && !unicode.isUpper(c));
      }
    }
  } else if (isAlpha(r)) {
    wt = 'alpha';
    run((c) => isAlpha(c) && !unicode.isUpper(c));
  } else if (unicode.isNumber(r)) {
    wt = 'number';
    run(unicode.isNumber);
  } else {
    wt = 'other';
    run((c) => !(isConnector(c) || isAlpha(c) || unicode.isNumber(c) || unicode.isPunct(c)));
  }
  return [wt, s.slice(0, n), s.slice(n)];
}

/** lowerCase is xstrings' camelCaseToLowerCase (snakecase, kebabcase). */
export function lowerCase(str: string, connector: string): string {
  if (str === '') return '';
  let out = '';
  const conn = connector.codePointAt(0)!;
  const lower = (wt: WordType, w: number[]) => {
    if (wt !== 'upper' && wt !== 'connector') {
      out += String.fromCodePoint(...w);
      return;
    }
    for (const c of w) {
      out += String.fromCodePoint(isConnector(c) ? conn : unicode.isUpper(c) ? unicode.toLower(c) : c);
    }
  };
  let [wt, word, rest] = nextWord(Array.from(str, (c) => c.codePointAt(0)!));
  while (rest.length > 0) {
    if (wt !== 'connector') lower(wt, word);
    const prev = wt;
    const last = word;
    [wt, word, rest] = nextWord(rest);
    switch (prev) {
      case 'number':
        while (wt === 'alpha' || wt === 'number') {
          lower(wt, word);
          [wt, word, rest] = nextWord(rest);
        }
        if (wt !== 'invalid' && wt !== 'punct' && wt !== 'connector') out += connector;
        break;
      case 'connector':
        lower(prev, last);
        break;
      case 'punct':
        break;
      default: {
        if (wt !== 'number') {
          if (wt !== 'connector' && wt !== 'punct') out += connector;
          break;
        }
        if (rest.length === 0) break;
        const num = word;
        [wt, word, rest] = nextWord(rest);
        if (wt !== 'alpha') {
          lower('number', num);
          if (wt !== 'connector' && wt !== 'punct') out += connector;
          break;
        }
        out += connector;
        lower('number', num);
        while (wt === 'alpha' || wt === 'number') {
          lower(wt, word);
          [wt, word, rest] = nextWord(rest);
        }
        if (wt !== 'invalid' && wt !== 'connector' && wt !== 'punct') out += connector;
      }
    }
  }
  lower(wt, word);
  return out;
}

/** goReplaceAll is strings.Replace(s, old, new, -1) (an empty old matches between runes). */
function goReplaceAll(s: string, old: string, repl: string): string {
  if (old !== '') return s.split(old).join(repl);
  return repl + Array.from(s).join(repl) + (s === '' ? '' : repl);
}

/** goSplit is strings.SplitN(s, sep, n) (n < 0: all; n == 0: none; "" sep splits runes). */
export function goSplit(s: string, sep: string, n = -1): string[] {
  if (n === 0) return [];
  if (sep === '') {
    const runes = Array.from(s);
    if (n < 0 || n >= runes.length) return runes;
    return [...runes.slice(0, n - 1), runes.slice(n - 1).join('')];
  }
  const parts = s.split(sep);
  if (n < 0 || parts.length <= n) return parts;
  return [...parts.slice(0, n - 1), parts.slice(n - 1).join(sep)];
}

function splitMap(parts: string[]): GoMap {
  return new GoMap(
    parts.map((p, i) => [`_${i}`, p] as const),
    'map[string]string',
  );
}

/** strslice is sprig's conversion of a value to []string (nil elements dropped). */
export function strslice(v: GoValue): string[] {
  if (isSliceKind(v)) {
    return listItems(v)
      .filter((x) => x !== null)
      .map(strval);
  }
  if (v === null) return [];
  return [strval(v)];
}

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';
const CHARSETS = {
  alpha: LETTERS,
  alnum: `${DIGITS}${LETTERS}`,
  numeric: DIGITS,
  ascii: Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join(''),
};

/**
 * cryptoRandom gives goutils.CryptoRandom's distribution for sprig's four generators (uniform over
 * the accepted characters; Go draws from ' '..'z' and rejects the rest).
 */
function cryptoRandom(env: SprigEnv, count: number, kind: keyof typeof CHARSETS): string {
  const chars = CHARSETS[kind];
  let out = '';
  for (let i = 0; i < count; i++) out += chars[randIntn(env, chars.length)];
  return out;
}

function shuffle(env: SprigEnv, s: string): string {
  // []rune(s): a byte that is not valid UTF-8 becomes U+FFFD.
  const rs = runes(s);
  for (let i = rs.length - 1; i > 0; i--) {
    const j = randIntn(env, i + 1);
    [rs[i], rs[j]] = [rs[j]!, rs[i]!];
  }
  return String.fromCodePoint(...rs);
}

/** stringFuncs returns sprig's string functions. */
export function stringFuncs(env: SprigEnv): FuncMap {
  const S = 'string' as const;
  const I = 'int' as const;
  const A = 'interface {}' as const;
  const s1 = (name: string, f: (s: string) => string) => goFunc(name, [S], (s) => f(strArg(s)));
  const trimAll = (a: GoValue, b: GoValue) => trimCutset(strArg(b), strArg(a));
  return {
    hello: goFunc('hello', [], () => 'Hello!'),
    abbrev: goFunc('abbrev', [I, S], (w, s) => {
      const width = intArg(w);
      return width < 4 ? strArg(s) : abbreviateFull(strArg(s), 0, width);
    }),
    abbrevboth: goFunc('abbrevboth', [I, I, S], (l, r, s) => {
      const left = intArg(l);
      const right = intArg(r);
      if (right < 4 || (left > 0 && right < 7)) return strArg(s);
      return abbreviateFull(strArg(s), left, right);
    }),
    trunc: goFunc('trunc', [I, S], (n, str) => {
      const c = intArg(n);
      const s = strArg(str);
      const len = byteLen(s);
      if (c < 0 && len + c > 0) return byteSlice(s, len + c);
      if (c >= 0 && len > c) return byteSlice(s, 0, c);
      return s;
    }),
    trim: s1('trim', trimSpace),
    upper: s1('upper', (s) => (ASCII.test(s) ? s.toUpperCase() : mapRunes(s, unicode.toUpper))),
    lower: s1('lower', (s) => (ASCII.test(s) ? s.toLowerCase() : mapRunes(s, unicode.toLower))),
    title: s1('title', title),
    untitle: s1('untitle', untitle),
    substr: goFunc('substr', [I, I, S], (a, b, str) => {
      const start = intArg(a);
      const end = intArg(b);
      const s = strArg(str);
      const len = byteLen(s);
      // Go: out-of-range slicing panics with the runtime's message.
      const oob = (msg: string) => new GoPanic(`runtime error: slice bounds out of range ${msg}`);
      if (start < 0) {
        if (end < 0) throw oob(`[:${end}]`);
        if (end > len) throw oob(`[:${end}] with length ${len}`);
        return byteSlice(s, 0, end);
      }
      if (end < 0 || end > len) {
        if (start > len) throw oob(`[${start}:${len}]`);
        return byteSlice(s, start);
      }
      if (start > end) throw oob(`[${start}:${end}]`);
      return byteSlice(s, start, end);
    }),
    repeat: goFunc('repeat', [I, S], (n, s) => goRepeat(strArg(s), intArg(n))),
    trimall: goFunc('trimall', [S, S], trimAll),
    trimAll: goFunc('trimAll', [S, S], trimAll),
    trimSuffix: goFunc('trimSuffix', [S, S], (a, b) => {
      const suf = strArg(a);
      const s = strArg(b);
      return suf !== '' && s.endsWith(suf) ? s.slice(0, s.length - suf.length) : s;
    }),
    trimPrefix: goFunc('trimPrefix', [S, S], (a, b) => {
      const pre = strArg(a);
      const s = strArg(b);
      return s.startsWith(pre) ? s.slice(pre.length) : s;
    }),
    nospace: s1('nospace', nospace),
    initials: s1('initials', initials),
    randAlphaNum: goFunc('randAlphaNum', [I], (n) => cryptoRandom(env, intArg(n), 'alnum')),
    randAlpha: goFunc('randAlpha', [I], (n) => cryptoRandom(env, intArg(n), 'alpha')),
    randAscii: goFunc('randAscii', [I], (n) => cryptoRandom(env, intArg(n), 'ascii')),
    randNumeric: goFunc('randNumeric', [I], (n) => cryptoRandom(env, intArg(n), 'numeric')),
    swapcase: s1('swapcase', swapcase),
    shuffle: s1('shuffle', (s) => shuffle(env, s)),
    snakecase: s1('snakecase', (s) => lowerCase(s, '_')),
    camelcase: s1('camelcase', pascalCase),
    kebabcase: s1('kebabcase', (s) => lowerCase(s, '-')),
    wrap: goFunc('wrap', [I, S], (l, s) => wrapCustom(strArg(s), intArg(l), '', false)),
    wrapWith: goFunc('wrapWith', [I, S, S], (l, sep, s) =>
      wrapCustom(strArg(s), intArg(l), strArg(sep), true),
    ),
    contains: goFunc('contains', [S, S], (a, b) => byteSearch(strArg(b), strArg(a), 'includes')),
    hasPrefix: goFunc('hasPrefix', [S, S], (a, b) => byteSearch(strArg(b), strArg(a), 'startsWith')),
    hasSuffix: goFunc('hasSuffix', [S, S], (a, b) => byteSearch(strArg(b), strArg(a), 'endsWith')),
    quote: goFunc(
      'quote',
      [A],
      (...args) =>
        args
          .filter((a) => a !== null)
          .map((a) => quoteString(strval(a)))
          .join(' '),
      true,
    ),
    squote: goFunc(
      'squote',
      [A],
      (...args) =>
        args
          .filter((a) => a !== null)
          .map((a) => `'${formatValue(a)}'`)
          .join(' '),
      true,
    ),
    cat: goFunc(
      'cat',
      [A],
      (...args) =>
        args
          .filter((a) => a !== null)
          .map((a) => formatValue(a))
          .join(' '),
      true,
    ),
    indent: goFunc('indent', [I, S], (n, s) => {
      const pad = goRepeat(' ', intArg(n));
      return pad + strArg(s).replaceAll('\n', `\n${pad}`);
    }),
    nindent: goFunc('nindent', [I, S], (n, s) => {
      const pad = goRepeat(' ', intArg(n));
      return `\n${pad}${strArg(s).replaceAll('\n', `\n${pad}`)}`;
    }),
    replace: goFunc('replace', [S, S, S], (o, n, s) => goReplaceAll(strArg(s), strArg(o), strArg(n))),
    plural: goFunc('plural', [S, S, I], (one, many, n) => (intArg(n) === 1 ? strArg(one) : strArg(many))),
    toString: goFunc('toString', [A], (v) => strval(v)),
    split: goFunc('split', [S, S], (sep, s) => splitMap(goSplit(strArg(s), strArg(sep)))),
    splitList: goFunc('splitList', [S, S], (sep, s) =>
      typedSlice(goSplit(strArg(s), strArg(sep)), '[]string'),
    ),
    splitn: goFunc('splitn', [S, I, S], (sep, n, s) => splitMap(goSplit(strArg(s), strArg(sep), intArg(n)))),
    toStrings: goFunc('toStrings', [A], (v) => typedSlice(strslice(v), '[]string')),
    join: goFunc('join', [S, A], (sep, v) => strslice(v).join(strArg(sep))),
    sortAlpha: goFunc('sortAlpha', [A], (v) => {
      if (!isSliceKind(v)) return typedSlice([strval(v)], '[]string');
      return typedSlice(strslice(v).sort(compareGoStrings), '[]string');
    }),
  };
}
