/**
 * Sprig's regex functions with Go RE2 semantics. A Go pattern is translated into an equivalent
 * JavaScript RegExp (`u` flag): `.` excludes only `\n`, `^`/`$`/`\A`/`\z` use Go's meaning, `\s`
 * `\d` `\w` are ASCII, `(?P<name>…)` groups, inline flags `i m s U`, `\Q…\E`, `\pL`, POSIX classes;
 * what RE2 rejects (lookaround, backreferences, bad repeats) fails with Go's error text. Matching
 * loops (FindAll, ReplaceAll, Split, Expand) follow Go's rules for empty matches.
 */
import { GoError, GoPanic, quoteString, typedSlice } from '../go';
import { intArg, strArg } from './cast';
import { type FuncMap, goFunc, unicode } from './func';

/** RegexSyntaxError is Go's regexp/syntax error: `error parsing regexp: <code>: `<expr>``. */
export class RegexSyntaxError extends Error {
  constructor(code: string, expr: string) {
    super(`error parsing regexp: ${code}: \`${expr}\``);
  }
}

/** GoRegexp is a compiled Go regular expression. */
export interface GoRegexp {
  readonly source: string;
  readonly re: RegExp;
  /** names of the capture groups, index 0 is the whole match ("" for unnamed groups). */
  readonly names: readonly string[];
}

const POSIX: Record<string, string> = {
  alnum: '0-9A-Za-z',
  alpha: 'A-Za-z',
  ascii: '\\x00-\\x7f',
  blank: '\\t ',
  cntrl: '\\x00-\\x1f\\x7f',
  digit: '0-9',
  graph: '!-~',
  lower: 'a-z',
  print: ' -~',
  punct: '!-\\/:-@\\[-`{-~',
  space: '\\t\\n\\v\\f\\r ',
  upper: 'A-Z',
  word: '0-9A-Za-z_',
  xdigit: '0-9A-Fa-f',
};

const CATEGORIES = new Set(
  'L Lu Ll Lt Lm Lo M Mn Mc Me N Nd Nl No P Pc Pd Ps Pe Pi Pf Po S Sm Sc Sk So Z Zs Zl Zp C Cc Cf Cs Co'.split(
    ' ',
  ),
);

interface Flags {
  i: boolean;
  m: boolean;
  s: boolean;
  U: boolean;
}

function escapeChar(c: number): string {
  const ch = String.fromCodePoint(c);
  if (ch === '-') return '\\x2d';
  if (/[\\^$.*+?()[\]{}|/]/.test(ch)) return `\\${ch}`;
  if (c < 0x20 || c === 0x7f) return `\\x${c.toString(16).padStart(2, '0')}`;
  return ch;
}

/** complementAscii returns class content matching every code point outside an ASCII class content. */
function complementAscii(content: string): string {
  const re = new RegExp(`[${content}]`, 'u');
  let out = '';
  let start = -1;
  for (let c = 0; c <= 0x80; c++) {
    const inSet = c < 0x80 && re.test(String.fromCharCode(c));
    if (!inSet && start < 0) start = c;
    if (inSet && start >= 0) {
      out += `${escapeChar(start)}-${escapeChar(c - 1)}`;
      start = -1;
    }
  }
  return `${out}${escapeChar(start)}-\\u{10ffff}`;
}

/** caseVariants returns the code points equal to c under simple case folding (for (?i) in classes). */
function caseVariants(c: number): number[] {
  return foldOrbit(c);
}

let orbits: Map<number, number[]> | undefined;

/** CASED_RANGES are the blocks holding cased letters (the only ones with non-trivial folds). */
const CASED_RANGES: [number, number][] = [
  [0x41, 0x24f],
  [0x345, 0x345],
  [0x370, 0x52f],
  [0x10a0, 0x10ff],
  [0x13a0, 0x13ff],
  [0x1c80, 0x1cbf],
  [0x1d00, 0x1fff],
  [0x2100, 0x218f],
  [0x24b6, 0x24e9],
  [0x2c00, 0x2d2f],
  [0xa640, 0xa7ff],
  [0xab70, 0xabbf],
  [0xff21, 0xff5a],
  [0x10400, 0x104ff],
  [0x10570, 0x105bf],
  [0x10c80, 0x10cff],
  [0x118a0, 0x118df],
  [0x16e40, 0x16e7f],
  [0x1e900, 0x1e943],
];

/**
 * foldOrbit returns the code points equal to c under simple case folding, as Go's (?i) matches
 * them (`k` K K, `s` S ſ, `σ` Σ ς …), built once from the simple upper/lower mappings.
 */
function foldOrbit(c: number): number[] {
  if (!orbits) {
    const parent = new Map<number, number>();
    const find = (x: number): number => {
      let r = x;
      for (let p = parent.get(r); p !== undefined && p !== r; p = parent.get(r)) r = p;
      return r;
    };
    const union = (a: number, b: number) => {
      // Go: dotted and dotless i (U+0130, U+0131) fold only to themselves.
      if (a === 0x130 || a === 0x131 || b === 0x130 || b === 0x131) return;
      const ra = find(a);
      const rb = find(b);
      if (ra !== rb) parent.set(Math.max(ra, rb), Math.min(ra, rb));
    };
    for (const [lo, hi] of CASED_RANGES) {
      for (let x = lo; x <= hi; x++) {
        const u = unicode.toUpper(x);
        const l = unicode.toLower(x);
        if (u !== x) union(x, u);
        if (l !== x) union(x, l);
      }
    }
    const groups = new Map<number, number[]>();
    for (const x of parent.keys()) {
      const r = find(x);
      const g = groups.get(r) ?? [r];
      if (!g.includes(x)) g.push(x);
      groups.set(r, g);
    }
    orbits = new Map();
    for (const g of groups.values()) for (const x of g) orbits.set(x, g);
  }
  return orbits.get(c) ?? [c];
}

/** translate converts a Go RE2 pattern into a JS RegExp source, or throws RegexSyntaxError. */
function translate(expr: string): { source: string; names: string[] } {
  const names = [''];
  const cps = Array.from(expr);
  let pos = 0;
  const flagStack: Flags[] = [];
  let flags: Flags = { i: false, m: false, s: false, U: false };
  let out = '';
  // depth of open groups, and whether the last emitted item can take a repeat operator
  let depth = 0;
  let canRepeat = false;
  let lastWasRepeat = false;
  let lastRepeatText = '';
  const peek = (k = 0) => cps[pos + k];
  const rest = () => cps.slice(pos).join('');
  const fail = (code: string, text: string): never => {
    throw new RegexSyntaxError(code, text);
  };

  const literal = (c: number): string => {
    if (flags.i) {
      const vs = caseVariants(c);
      if (vs.length > 1) return `[${vs.map(escapeChar).join('')}]`;
    }
    return escapeChar(c);
  };

  /** parseEscape reads an escape after `\` (pos at the char after it); returns class content or atom. */
  const parseEscape = (inClass: boolean): { atom: string; cls: string } => {
    const start = pos - 1;
    const c = peek();
    if (c === undefined) fail('trailing backslash at end of expression', '');
    pos++;
    const ch = c!;
    const text = () => cps.slice(start, pos).join('');
    if (/[1-7]/.test(ch) && !/[0-7]/.test(peek() ?? '')) fail('invalid escape sequence', text());
    if (/[0-7]/.test(ch)) {
      let v = ch;
      while (v.length < 3 && /[0-7]/.test(peek() ?? '')) v += cps[pos++];
      const code = parseInt(v, 8);
      return { atom: literal(code), cls: escapeChar(code) };
    }
    switch (ch) {
      case 'a':
        return { atom: '\\x07', cls: '\\x07' };
      case 'f':
        return { atom: '\\f', cls: '\\f' };
      case 't':
        return { atom: '\\t', cls: '\\t' };
      case 'n':
        return { atom: '\\n', cls: '\\n' };
      case 'r':
        return { atom: '\\r', cls: '\\r' };
      case 'v':
        return { atom: '\\v', cls: '\\v' };
      case 'x': {
        let hex = '';
        if (peek() === '{') {
          pos++;
          while (peek() !== undefined && peek() !== '}') hex += cps[pos++];
          if (peek() !== '}' || !/^[0-9a-fA-F]+$/.test(hex)) fail('invalid escape sequence', text());
          pos++;
        } else {
          hex = (peek() ?? '') + (peek(1) ?? '');
          if (!/^[0-9a-fA-F]{2}$/.test(hex))
            fail('invalid escape sequence', cps.slice(start, pos + 2).join(''));
          pos += 2;
        }
        const code = parseInt(hex, 16);
        if (code > 0x10ffff) fail('invalid escape sequence', text());
        return { atom: literal(code), cls: escapeChar(code) };
      }
      case 'd':
        return { atom: '[0-9]', cls: '0-9' };
      case 'D':
        return { atom: '[^0-9]', cls: '\\x00-\\/:-\\u{10ffff}' };
      case 'w':
        // Go: under (?i) the class is case-folded too (ſ and the Kelvin sign join it).
        if (flags.i) return { atom: '[0-9A-Za-z_\\u017f\\u212a]', cls: '0-9A-Za-z_\\u017f\\u212a' };
        return { atom: '[0-9A-Za-z_]', cls: '0-9A-Za-z_' };
      case 'W':
        return { atom: '[^0-9A-Za-z_]', cls: '\\x00-\\/:-@\\[-\\^`\\{-\\u{10ffff}' };
      case 's':
        return { atom: '[\\t\\n\\f\\r ]', cls: '\\t\\n\\f\\r ' };
      case 'S':
        return { atom: '[^\\t\\n\\f\\r ]', cls: '\\x00-\\x08\\x0b\\x0e-\\x1f!-\\u{10ffff}' };
      case 'p':
      case 'P': {
        let name = '';
        if (peek() === '{') {
          pos++;
          while (peek() !== undefined && peek() !== '}') name += cps[pos++];
          if (peek() !== '}') fail('invalid character class range', text());
          pos++;
        } else {
          if (peek() === undefined) fail('invalid character class range', text());
          name = cps[pos++]!;
        }
        let neg = ch === 'P';
        if (name.startsWith('^')) {
          neg = !neg;
          name = name.slice(1);
        }
        let prop: string;
        if (name === 'Any') prop = 'Any';
        else if (CATEGORIES.has(name)) prop = `General_Category=${name}`;
        else prop = `Script=${name}`;
        try {
          new RegExp(`\\p{${prop}}`, 'u');
        } catch {
          fail('invalid character class range', text());
        }
        const p = `\\${neg ? 'P' : 'p'}{${prop}}`;
        return { atom: p, cls: p };
      }
      case 'A':
      case 'z':
      case 'b':
      case 'B':
        if (inClass) fail('invalid escape sequence', text());
        return { atom: ch === 'A' ? '(?<![\\s\\S])' : ch === 'z' ? '(?![\\s\\S])' : `\\${ch}`, cls: '' };
      case 'Q': {
        const end = rest().indexOf('\\E');
        const lit = end >= 0 ? rest().slice(0, end) : rest();
        pos += Array.from(lit).length + (end >= 0 ? 2 : 0);
        const atom = Array.from(lit, (x) => literal(x.codePointAt(0)!)).join('');
        return { atom: lit === '' ? '(?:)' : `(?:${atom})`, cls: '' };
      }
      default:
        if (/[A-Za-z0-9]/.test(ch)) fail('invalid escape sequence', text());
        return { atom: literal(ch.codePointAt(0)!), cls: escapeChar(ch.codePointAt(0)!) };
    }
  };

  const parseClass = (): string => {
    const start = pos - 1;
    let neg = false;
    if (peek() === '^') {
      neg = true;
      pos++;
    }
    const parts: string[] = [];
    let first = true;
    for (;;) {
      const c = peek();
      if (c === undefined) fail('missing closing ]', cps.slice(start).join(''));
      if (c === ']' && !first) {
        pos++;
        break;
      }
      first = false;
      if (c === '[' && peek(1) === ':') {
        const m = /^\[:(\^?)([a-z]+):\]/.exec(rest());
        if (m && POSIX[m[2]!]) {
          pos += m[0].length;
          parts.push(m[1] ? complementAscii(POSIX[m[2]!]!) : POSIX[m[2]!]!);
          continue;
        }
      }
      const rangeStart = pos;
      const readChar = (): { code?: number; cls: string } => {
        const x = cps[pos++]!;
        if (x === '\\') {
          const e = parseEscape(true);
          const single = /^\\x([0-9a-f]{2})$/.exec(e.cls);
          if (single) return { code: parseInt(single[1]!, 16), cls: e.cls };
          if (
            e.cls.length === 1 ||
            (e.cls.length === 2 && e.cls[0] === '\\' && !/[dDwWsSpP]/.test(e.cls[1]!))
          ) {
            const lit = e.cls.length === 1 ? e.cls : e.cls[1]!;
            const map: Record<string, number> = { t: 9, n: 10, r: 13, f: 12, v: 11 };
            return { code: map[lit] ?? lit.codePointAt(0)!, cls: e.cls };
          }
          if (Array.from(e.cls).length === 1) return { code: e.cls.codePointAt(0)!, cls: e.cls };
          return { cls: e.cls };
        }
        return { code: x.codePointAt(0)!, cls: escapeChar(x.codePointAt(0)!) };
      };
      const lo = readChar();
      if (peek() === '-' && peek(1) !== ']' && peek(1) !== undefined && lo.code !== undefined) {
        pos++;
        const hi = readChar();
        if (hi.code === undefined || hi.code < lo.code) {
          fail('invalid character class range', cps.slice(rangeStart, pos).join(''));
        }
        parts.push(`${escapeChar(lo.code)}-${escapeChar(hi.code!)}`);
        if (flags.i) {
          for (let c2 = lo.code; c2 <= hi.code! && c2 - lo.code < 512; c2++) {
            for (const v of caseVariants(c2)) if (v < lo.code || v > hi.code!) parts.push(escapeChar(v));
          }
        }
      } else {
        parts.push(lo.cls);
        if (flags.i && lo.code !== undefined) {
          for (const v of caseVariants(lo.code)) if (v !== lo.code) parts.push(escapeChar(v));
        }
      }
    }
    return `[${neg ? '^' : ''}${parts.join('')}]`;
  };

  const emit = (atom: string) => {
    out += atom;
    canRepeat = true;
    lastWasRepeat = false;
  };

  while (pos < cps.length) {
    const c = cps[pos++]!;
    switch (c) {
      case '\\': {
        const e = parseEscape(false);
        out += e.atom;
        const isAssertion = /^\(\?<?[!=]|^\\[bB]$/.test(e.atom);
        canRepeat = !isAssertion;
        lastWasRepeat = false;
        break;
      }
      case '[':
        emit(parseClass());
        break;
      case '.':
        emit(flags.s ? '[\\s\\S]' : '[^\\n]');
        break;
      case '^':
        out += flags.m ? '(?<=^|\\n)' : '(?<![\\s\\S])';
        canRepeat = false;
        lastWasRepeat = false;
        break;
      case '$':
        out += flags.m ? '(?=\\n|$)' : '(?![\\s\\S])';
        canRepeat = false;
        lastWasRepeat = false;
        break;
      case '|':
        out += '|';
        canRepeat = false;
        lastWasRepeat = false;
        break;
      case '(': {
        flagStack.push({ ...flags });
        if (peek() === '?') {
          const r = rest();
          const named = /^\?P?<([^>]*)>/.exec(r);
          if (r.startsWith('?P<') || (r.startsWith('?<') && !named)) {
            if (!named) fail('invalid named capture', `(${r}`);
          }
          if (r.startsWith('?<') && named && (r[2] === '=' || r[2] === '!'))
            fail('invalid named capture', `(${r}`);
          if (named) {
            const name = named[1]!;
            if (!/^[A-Za-z0-9_]+$/.test(name)) fail('invalid named capture', `(${named[0]}`);
            pos += Array.from(named[0]).length;
            names.push(name);
            out += '(';
            depth++;
            canRepeat = false;
            lastWasRepeat = false;
            break;
          }
          const fm = /^\?([imsU-]*)(:|\))/.exec(r);
          if (!fm) {
            const bad = /^\?[imsU-]*./u.exec(r);
            fail('invalid or unsupported Perl syntax', `(${bad ? bad[0] : r}`);
          }
          const spec = fm![1]!;
          if (spec === '' && fm![2] === ')') fail('missing argument to repetition operator', '(?)');
          let neg = false;
          const nf = { ...flags };
          for (const f of spec) {
            if (f === '-') {
              if (neg) fail('invalid or unsupported Perl syntax', `(${fm![0]}`);
              neg = true;
              continue;
            }
            nf[f as keyof Flags] = !neg;
          }
          if (spec.endsWith('-')) fail('invalid or unsupported Perl syntax', `(${fm![0]}`);
          pos += Array.from(fm![0]).length;
          if (fm![2] === ')') {
            flagStack.pop();
            flags = nf;
            break;
          }
          flags = nf;
          out += '(?:';
          depth++;
          canRepeat = false;
          lastWasRepeat = false;
          break;
        }
        names.push('');
        out += '(';
        depth++;
        canRepeat = false;
        lastWasRepeat = false;
        break;
      }
      case ')':
        if (depth === 0) fail('unexpected )', expr);
        depth--;
        flags = flagStack.pop() ?? flags;
        emit(')');
        break;
      case '*':
      case '+':
      case '?':
      case '{': {
        let op: string = c;
        if (c === '{') {
          const m = /^(\d+)(,(\d*))?\}/.exec(rest());
          if (!m) {
            emit(literal(0x7b));
            break;
          }
          const lo = Number(m[1]);
          const hi = m[3] === undefined ? lo : m[3] === '' ? -1 : Number(m[3]);
          if (lo > 1000 || hi > 1000 || (hi >= 0 && hi < lo)) fail('invalid repeat count', `{${m[0]}`);
          op = `{${m[0]}`;
          pos += m[0].length;
        }
        if (lastWasRepeat) fail('invalid nested repetition operator', `${lastRepeatText}${op}`);
        if (!canRepeat) fail('missing argument to repetition operator', op);
        let lazy = false;
        if (peek() === '?') {
          pos++;
          lazy = true;
          op += '?';
        }
        if (flags.U) lazy = !lazy;
        out += (c === '{' ? op.replace(/\?$/, '') : c) + (lazy ? '?' : '');
        lastWasRepeat = true;
        lastRepeatText = op;
        canRepeat = false;
        break;
      }
      default:
        emit(literal(c.codePointAt(0)!));
    }
  }
  if (depth > 0) fail('missing closing )', expr);
  return { source: out, names };
}

const cache = new Map<string, GoRegexp>();

/** compile is regexp.Compile; throws {@link RegexSyntaxError}. */
export function compile(expr: string): GoRegexp {
  const hit = cache.get(expr);
  if (hit) return hit;
  const { source, names } = translate(expr);
  const re: GoRegexp = { source: expr, re: new RegExp(source, 'gu'), names };
  if (cache.size > 500) cache.clear();
  cache.set(expr, re);
  return re;
}

/** quoteExpr is strconv.Quote-or-backquote as regexp.MustCompile's panic prints the pattern. */
function quoteExpr(s: string): string {
  if (!/[`\x00-\x08\x0a-\x1f\x7f\ufeff]/.test(s)) return `\`${s}\``;
  return quoteString(s);
}

/** mustCompile is regexp.MustCompile: a syntax error becomes a panic. */
export function mustCompile(expr: string): GoRegexp {
  try {
    return compile(expr);
  } catch (e) {
    if (e instanceof RegexSyntaxError) throw new GoPanic(`regexp: Compile(${quoteExpr(expr)}): ${e.message}`);
    throw e;
  }
}

function compileOrError(expr: string): GoRegexp {
  try {
    return compile(expr);
  } catch (e) {
    if (e instanceof RegexSyntaxError) throw new GoError(e.message);
    throw e;
  }
}

function execAt(r: GoRegexp, s: string, pos: number): RegExpExecArray | null {
  r.re.lastIndex = pos;
  return r.re.exec(s);
}

function runeWidth(s: string, pos: number): number {
  const c = s.codePointAt(pos);
  return c !== undefined && c > 0xffff ? 2 : 1;
}

/** findAll is Regexp.FindAllStringSubmatch's match loop (n < 0: all). */
export function findAll(r: GoRegexp, s: string, n: number): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  if (n === 0) return out;
  let pos = 0;
  let prevEnd = -1;
  while ((n < 0 || out.length < n) && pos <= s.length) {
    const m = execAt(r, s, pos);
    if (!m) break;
    const end = m.index + m[0].length;
    let accept = true;
    if (end === pos) {
      // Go: an empty match abutting the previous match is ignored.
      if (m.index === prevEnd) accept = false;
      pos += pos < s.length ? runeWidth(s, pos) : 1;
    } else pos = end;
    prevEnd = end;
    if (accept) out.push(m);
  }
  return out;
}

/** expand is Regexp.Expand's template syntax: `$1`, `${1}`, `$name`, `${name}`, `$$`. */
export function expand(r: GoRegexp, template: string, m: RegExpExecArray): string {
  let out = '';
  let t = template;
  for (;;) {
    const i = t.indexOf('$');
    if (i < 0) break;
    out += t.slice(0, i);
    t = t.slice(i + 1);
    if (t.startsWith('$')) {
      out += '$';
      t = t.slice(1);
      continue;
    }
    const brace = t.startsWith('{');
    const body = brace ? t.slice(1) : t;
    const nm = /^[\p{L}\p{Nd}_]+/u.exec(body);
    if (!nm || (brace && body[nm[0].length] !== '}')) {
      out += '$';
      continue;
    }
    const name = nm[0];
    t = body.slice(name.length + (brace ? 1 : 0));
    let num = -1;
    if (/^\d+$/.test(name) && !(name.length > 1 && name[0] === '0') && name.length <= 9) num = Number(name);
    if (num >= 0) {
      out += m[num] ?? '';
    } else {
      const idx = r.names.indexOf(name);
      if (idx > 0) out += m[idx] ?? '';
    }
  }
  return out + t;
}

/** replaceAll is Regexp.ReplaceAllString's loop with a replacement function. */
export function replaceAll(r: GoRegexp, s: string, repl: (m: RegExpExecArray) => string): string {
  let out = '';
  let lastEnd = 0;
  let search = 0;
  while (search <= s.length) {
    const m = execAt(r, s, search);
    if (!m) break;
    const start = m.index;
    const end = start + m[0].length;
    out += s.slice(lastEnd, start);
    if (end > lastEnd || start === 0) out += repl(m);
    lastEnd = end;
    const width = search < s.length ? runeWidth(s, search) : 0;
    if (search + width > end) search += width;
    else if (search + 1 > end) search++;
    else search = end;
  }
  return out + s.slice(lastEnd);
}

/** split is Regexp.Split. */
export function split(r: GoRegexp, s: string, n: number): string[] {
  if (n === 0) return [];
  if (r.source.length > 0 && s.length === 0) return [''];
  const out: string[] = [];
  let beg = 0;
  let end = 0;
  for (const m of findAll(r, s, n)) {
    if (n > 0 && out.length === n - 1) break;
    end = m.index;
    if (m.index + m[0].length !== 0) out.push(s.slice(beg, end));
    beg = m.index + m[0].length;
  }
  if (end !== s.length) out.push(s.slice(beg));
  return out;
}

/** quoteMeta is regexp.QuoteMeta. */
export function quoteMeta(s: string): string {
  return s.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&');
}

/** regexFuncs returns sprig's regex functions and their must* variants. */
export function regexFuncs(): FuncMap {
  const S = 'string' as const;
  const strs = (l: string[]) => typedSlice(l, '[]string');
  const pair = (
    name: string,
    params: ('string' | 'int')[],
    run: (r: GoRegexp, ...rest: (string | number)[]) => ReturnType<typeof strs> | string | boolean,
    plainCompile: (e: string) => GoRegexp,
  ): FuncMap => {
    const must = `must${name[0]!.toUpperCase()}${name.slice(1)}`;
    const conv = (args: Parameters<FuncMap[string]['fn']>) =>
      args.slice(1).map((a, i) => (params[i + 1] === 'int' ? intArg(a) : strArg(a)));
    return {
      [name]: goFunc(name, params, (...a) => run(plainCompile(strArg(a[0]!)), ...conv(a))),
      [must]: goFunc(must, params, (...a) => run(compileOrError(strArg(a[0]!)), ...conv(a))),
    };
  };
  const matchCompile = (e: string) => compile(e);
  return {
    regexMatch: goFunc('regexMatch', [S, S], (e, s) => {
      try {
        return execAt(compile(strArg(e)), strArg(s), 0) !== null;
      } catch (err) {
        if (err instanceof RegexSyntaxError) return false;
        throw err;
      }
    }),
    mustRegexMatch: pair('regexMatch', [S, S], (r, s) => execAt(r, s as string, 0) !== null, matchCompile)
      .mustRegexMatch!,
    ...pair(
      'regexFindAll',
      [S, S, 'int'],
      (r, s, n) => strs(findAll(r, s as string, n as number).map((m) => m[0])),
      mustCompile,
    ),
    ...pair('regexFind', [S, S], (r, s) => execAt(r, s as string, 0)?.[0] ?? '', mustCompile),
    ...pair(
      'regexReplaceAll',
      [S, S, S],
      (r, s, t) => replaceAll(r, s as string, (m) => expand(r, t as string, m)),
      mustCompile,
    ),
    ...pair(
      'regexReplaceAllLiteral',
      [S, S, S],
      (r, s, t) => replaceAll(r, s as string, () => t as string),
      mustCompile,
    ),
    ...pair('regexSplit', [S, S, 'int'], (r, s, n) => strs(split(r, s as string, n as number)), mustCompile),
    regexQuoteMeta: goFunc('regexQuoteMeta', [S], (s) => quoteMeta(strArg(s))),
  };
}
