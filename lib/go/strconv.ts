/**
 * Go's strconv parsing: Unquote/UnquoteChar for string and character literals and
 * ParseInt/ParseUint/ParseFloat with base 0 (Go literal syntax: prefixes, `_` separators).
 */

function isHexDigit(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

/**
 * unquoteChar decodes the first character or escape of `s` (strconv.UnquoteChar) for a literal
 * quoted with `quote` (34 or 39); returns undefined on invalid syntax. `\x` and octal escapes give
 * the byte's code point (a JS string cannot hold invalid UTF-8).
 */
export function unquoteChar(s: string, quote: number): { value: number; tail: string } | undefined {
  if (s.length === 0) return undefined;
  const c = s.codePointAt(0)!;
  if (c === quote && (quote === 39 || quote === 34)) return undefined;
  if (c !== 92) return { value: c, tail: s.slice(c > 0xffff ? 2 : 1) };
  if (s.length <= 1) return undefined;
  const e = s.charCodeAt(1);
  let rest = s.slice(2);
  switch (e) {
    case 97:
      return { value: 7, tail: rest };
    case 98:
      return { value: 8, tail: rest };
    case 102:
      return { value: 12, tail: rest };
    case 110:
      return { value: 10, tail: rest };
    case 114:
      return { value: 13, tail: rest };
    case 116:
      return { value: 9, tail: rest };
    case 118:
      return { value: 11, tail: rest };
    case 120: // x
    case 117: // u
    case 85: {
      // U
      const n = e === 120 ? 2 : e === 117 ? 4 : 8;
      if (rest.length < n) return undefined;
      let v = 0;
      for (let j = 0; j < n; j++) {
        const d = rest.charCodeAt(j);
        if (!isHexDigit(d)) return undefined;
        v = v * 16 + Number.parseInt(rest[j]!, 16);
      }
      rest = rest.slice(n);
      if (e === 120) return { value: v, tail: rest };
      if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) return undefined;
      return { value: v, tail: rest };
    }
    case 48:
    case 49:
    case 50:
    case 51:
    case 52:
    case 53:
    case 54:
    case 55: {
      let v = e - 48;
      if (rest.length < 2) return undefined;
      for (let j = 0; j < 2; j++) {
        const d = rest.charCodeAt(j) - 48;
        if (d < 0 || d > 7) return undefined;
        v = v * 8 + d;
      }
      if (v > 255) return undefined;
      return { value: v, tail: rest.slice(2) };
    }
    case 92:
      return { value: 92, tail: rest };
    case 39:
    case 34:
      if (e !== quote) return undefined;
      return { value: e, tail: rest };
  }
  return undefined;
}

/** unquote is strconv.Unquote for "…", `…` and '…' literals; undefined means invalid syntax. */
export function unquote(s: string): string | undefined {
  const n = s.length;
  if (n < 2) return undefined;
  const q = s.charCodeAt(0);
  if (q !== s.charCodeAt(n - 1)) return undefined;
  let body = s.slice(1, n - 1);
  if (q === 96) {
    if (body.includes('`')) return undefined;
    // Go: carriage returns are removed from raw strings.
    if (body.includes('\r')) body = body.replaceAll('\r', '');
    return body;
  }
  if (q !== 34 && q !== 39) return undefined;
  if (body.includes('\n')) return undefined;
  // Go: a byte that is not UTF-8 (kept as U+DC80+byte, see bytes.ts) reads as utf8.RuneError.
  body = body.replace(/[\uDC80-\uDCFF]/g, '\uFFFD');
  if (!body.includes('\\') && !body.includes(String.fromCharCode(q))) {
    if (q === 34) return body;
    if (q === 39 && Array.from(body).length === 1) return body;
  }
  let out = '';
  while (body.length > 0) {
    const r = unquoteChar(body, q);
    if (r === undefined) return undefined;
    out += String.fromCodePoint(r.value);
    body = r.tail;
    if (q === 39 && body.length !== 0) return undefined;
  }
  if (q === 39 && out.length === 0) return undefined;
  return out;
}

/** underscoreOK reports whether underscores in a Go number literal sit only between digits (or after a base prefix). */
export function underscoreOK(s: string): boolean {
  let saw = '^';
  let i = 0;
  if (s.length >= 1 && (s[0] === '-' || s[0] === '+')) s = s.slice(1);
  let hex = false;
  if (s.length >= 2 && s[0] === '0' && 'bBoOxX'.includes(s[1]!)) {
    i = 2;
    saw = '0';
    hex = s[1] === 'x' || s[1] === 'X';
  }
  for (; i < s.length; i++) {
    const c = s[i]!;
    if ((c >= '0' && c <= '9') || (hex && isHexDigit(c.charCodeAt(0)))) {
      saw = '0';
      continue;
    }
    if (c === '_') {
      if (saw !== '0') return false;
      saw = '_';
      continue;
    }
    if (saw === '_') return false;
    saw = '!';
  }
  return saw !== '_';
}

/** parseUint is strconv.ParseUint(s, 0, 64); undefined on syntax error or overflow. */
export function parseUint(s: string): bigint | undefined {
  if (s.length === 0) return undefined;
  let base = 10;
  let digits = s;
  let prefixed = false;
  if (s[0] === '0') {
    if (s.length >= 3 && (s[1] === 'x' || s[1] === 'X')) {
      base = 16;
      digits = s.slice(2);
      prefixed = true;
    } else if (s.length >= 3 && (s[1] === 'o' || s[1] === 'O')) {
      base = 8;
      digits = s.slice(2);
      prefixed = true;
    } else if (s.length >= 3 && (s[1] === 'b' || s[1] === 'B')) {
      base = 2;
      digits = s.slice(2);
      prefixed = true;
    } else {
      base = 8;
      digits = s.slice(1);
      prefixed = true;
    }
  }
  let v = 0n;
  let sawUnderscore = false;
  const b = BigInt(base);
  let any = false;
  for (const c of digits) {
    if (c === '_') {
      sawUnderscore = true;
      continue;
    }
    const d = Number.parseInt(c, 36);
    if (Number.isNaN(d) || d >= base) return undefined;
    v = v * b + BigInt(d);
    any = true;
    if (v >= 1n << 64n) return undefined;
  }
  if (!any && !(prefixed && base === 8 && digits.length === 0)) return undefined;
  if (sawUnderscore && !underscoreOK(s)) return undefined;
  return v;
}

/** parseInt is strconv.ParseInt(s, 0, 64); undefined on syntax error or overflow. */
export function parseInt64(s: string): bigint | undefined {
  let neg = false;
  let body = s;
  if (s[0] === '+' || s[0] === '-') {
    neg = s[0] === '-';
    body = s.slice(1);
  }
  const u = parseUint(body);
  if (u === undefined) return undefined;
  if (!neg && u >= 1n << 63n) return undefined;
  if (neg && u > 1n << 63n) return undefined;
  return neg ? -u : u;
}

const decimalFloat = /^[+-]?(?:\d[\d_]*(?:\.[\d_]*)?|\.\d[\d_]*)(?:[eE][+-]?\d[\d_]*)?$/;
const hexFloat = /^[+-]?0[xX](?:[0-9a-fA-F_]*(?:\.[0-9a-fA-F_]*)?)[pP][+-]?\d[\d_]*$/;
const specialFloat = /^[+-]?(?:inf|infinity|nan)$/i;

/** parseFloat is strconv.ParseFloat(s, 64) (Go syntax incl. hex floats and `_`); undefined on error. */
export function parseFloat64(s: string): number | undefined {
  if (specialFloat.test(s)) {
    const neg = s[0] === '-';
    if (/nan/i.test(s)) return Number.NaN;
    return neg ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  if (decimalFloat.test(s)) {
    if (s.includes('_') && !underscoreOK(s)) return undefined;
    const v = Number(s.replaceAll('_', ''));
    if (!Number.isFinite(v)) return undefined; // Go: value out of range
    return v;
  }
  if (hexFloat.test(s)) {
    if (s.includes('_') && !underscoreOK(s)) return undefined;
    const clean = s.replaceAll('_', '');
    const neg = clean[0] === '-';
    const body = clean.replace(/^[+-]/, '').slice(2);
    const pi = body.search(/[pP]/);
    const mant = body.slice(0, pi);
    const exp = Number(body.slice(pi + 1));
    const [ip = '', fp = ''] = mant.split('.');
    if (ip.length + fp.length === 0) return undefined;
    const m = BigInt(`0x${ip}${fp}` === '0x' ? '0x0' : `0x${ip}${fp}`);
    const v = Number(m) * 2 ** (exp - 4 * fp.length);
    if (!Number.isFinite(v)) return undefined;
    return neg ? -v : v;
  }
  return undefined;
}
