/**
 * Go's encoding/json for {@link GoValue}s: Marshal (sorted keys, HTML escaping, Go's float
 * format, base64 []byte) and Unmarshal into interface{} (numbers float64, Go's error texts).
 */
import {
  base64Encode,
  compareKeys,
  GoError,
  type GoFuncValue,
  GoInt,
  GoMap,
  GoObject,
  type GoValue,
  goTypeName,
  quoteString,
} from '../go';

/** EncodeJsonOptions are json.Encoder's knobs that Helm and sprig use. */
export interface EncodeJsonOptions {
  /** indent is MarshalIndent's per-level indentation (prefix is always empty). */
  indent?: string;
  /** escapeHtml escapes `<`, `>` and `&` (true by default, as json.Marshal does). */
  escapeHtml?: boolean;
}

const hexDigits = '0123456789abcdef';

/** jsonString quotes s as encoding/json does (Go ≥ 1.22: `\b` and `\f` short escapes). */
export function jsonString(s: string, escapeHtml = true): string {
  let out = '"';
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let rep: string | undefined;
    if (c < 0x20) {
      switch (c) {
        case 0x08:
          rep = '\\b';
          break;
        case 0x0c:
          rep = '\\f';
          break;
        case 0x0a:
          rep = '\\n';
          break;
        case 0x0d:
          rep = '\\r';
          break;
        case 0x09:
          rep = '\\t';
          break;
        default:
          rep = '\\u00' + hexDigits[c >> 4] + hexDigits[c & 0xf];
      }
    } else if (c === 0x22) rep = '\\"';
    else if (c === 0x5c) rep = '\\\\';
    else if (escapeHtml && (c === 0x3c || c === 0x3e || c === 0x26)) rep = '\\u00' + c.toString(16);
    else if (c === 0x2028 || c === 0x2029) rep = '\\u' + c.toString(16);
    else if (c >= 0xd800 && c <= 0xdfff) {
      const pair =
        c <= 0xdbff && i + 1 < s.length && s.charCodeAt(i + 1) >= 0xdc00 && s.charCodeAt(i + 1) <= 0xdfff;
      if (pair) {
        i++;
        continue;
      }
      // Go writes each byte that is not valid UTF-8 as the escape \ufffd (six characters).
      rep = '\\ufffd';
    }
    if (rep !== undefined) {
      out += s.slice(start, i) + rep;
      start = i + 1;
    }
  }
  return out + s.slice(start) + '"';
}

/** jsonFloat formats a float64 as encoding/json does; throws GoError for NaN and ±Inf. */
export function jsonFloat(f: number): string {
  if (Number.isNaN(f)) throw new GoError('json: unsupported value: NaN');
  if (!Number.isFinite(f)) throw new GoError(`json: unsupported value: ${f > 0 ? '+Inf' : '-Inf'}`);
  // Go: 'f' format for 1e-6 <= |f| < 1e21, else 'e' with a two-digit minimum exponent trimmed
  // ("1e-07" → "1e-7"); JavaScript's Number#toString switches at the same bounds.
  if (Object.is(f, -0)) return '-0';
  return String(f);
}

function isFunc(v: GoValue): v is GoFuncValue {
  return typeof v === 'object' && v !== null && !(v instanceof GoMap) && 'fn' in v && 'params' in v;
}

/** encodeJson is json.Marshal (or MarshalIndent with `indent`); throws GoError for NaN/Inf and funcs. */
export function encodeJson(v: GoValue, opts: EncodeJsonOptions = {}): string {
  const html = opts.escapeHtml ?? true;
  const indent = opts.indent ?? '';
  const enc = (x: GoValue, depth: number): string => {
    if (x === null) return 'null';
    switch (typeof x) {
      case 'string':
        return jsonString(x, html);
      case 'boolean':
        return x ? 'true' : 'false';
      case 'number':
        return jsonFloat(x);
    }
    if (x instanceof GoInt) return x.value.toString();
    if (x instanceof Uint8Array) return '"' + base64Encode(x) + '"';
    if (Array.isArray(x)) {
      if (x.length === 0) return '[]';
      if (!indent) return '[' + x.map((e) => enc(e, depth + 1)).join(',') + ']';
      const pad = '\n' + indent.repeat(depth + 1);
      return '[' + pad + x.map((e) => enc(e, depth + 1)).join(',' + pad) + '\n' + indent.repeat(depth) + ']';
    }
    if (x instanceof GoMap) {
      // Go: encoding/json writes a nil map as null.
      if (x.isNil) return 'null';
      if (x.size === 0) return '{}';
      // Go: a struct's fields (GoObject.toJSONValue gives a map typed 'struct') keep declaration order.
      const keys = x.goType === 'struct' ? [...x.keys()] : [...x.keys()].sort(compareKeys);
      const sep = indent ? ': ' : ':';
      const parts = keys.map((k) => jsonString(k, html) + sep + enc(x.get(k)!, depth + 1));
      if (!indent) return '{' + parts.join(',') + '}';
      const pad = '\n' + indent.repeat(depth + 1);
      return '{' + pad + parts.join(',' + pad) + '\n' + indent.repeat(depth) + '}';
    }
    if (x instanceof GoObject) return enc(x.toJSONValue(), depth);
    if (isFunc(x)) throw new GoError(`json: unsupported type: ${goTypeName(x)}`);
    throw new GoError(`json: unsupported type: ${goTypeName(x)}`);
  };
  return enc(v, 0);
}

/** JsonSyntaxError is a decoding failure with encoding/json's message and byte offset. */
export class JsonSyntaxError extends GoError {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

function quoteChar(c: string): string {
  // Go: quoteChar formats one byte `'x'` (a non-ASCII character shows as its first UTF-8 byte),
  // with `'\''` and `'"'` special-cased, via strconv.Quote otherwise.
  if (c === "'") return "'\\''";
  if (c === '"') return "'\"'";
  const code = c.codePointAt(0)!;
  const byte = code < 0x80 ? code : new TextEncoder().encode(c)[0]!;
  const q = quoteString(String.fromCharCode(byte));
  return "'" + q.slice(1, -1) + "'";
}

/** Decoder is a recursive-descent JSON reader producing encoding/json's interface{} values and errors. */
class Decoder {
  i = 0;
  constructor(readonly s: string) {}

  /** saved is the first type error, kept while decoding goes on (Go's d.saveError). */
  saved: GoError | undefined;

  fail(what: string): never {
    if (this.i >= this.s.length) {
      // Go: at the end the scanner is fed a space, which ends literals and numbers badly.
      if (/^(in literal|in numeric|after decimal|in exponent)/.test(what)) {
        throw new JsonSyntaxError(`invalid character ' ' ${what}`, this.i);
      }
      throw new JsonSyntaxError('unexpected end of JSON input', this.i);
    }
    throw new JsonSyntaxError(`invalid character ${quoteChar(this.s[this.i]!)} ${what}`, this.i);
  }

  ws(): void {
    const s = this.s;
    while (this.i < s.length) {
      const c = s.charCodeAt(this.i);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) this.i++;
      else break;
    }
  }

  value(): GoValue {
    this.ws();
    const c = this.s[this.i];
    switch (c) {
      case '{':
        return this.object();
      case '[':
        return this.array();
      case '"':
        return this.string();
      case 't':
        return this.literal('true', true);
      case 'f':
        return this.literal('false', false);
      case 'n':
        return this.literal('null', null);
      default:
        if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.number();
        return this.fail('looking for beginning of value');
    }
  }

  literal(word: string, v: GoValue): GoValue {
    for (let k = 0; k < word.length; k++) {
      if (this.s[this.i] !== word[k]) this.fail(`in literal ${word} (expecting ${quoteChar(word[k]!)})`);
      this.i++;
    }
    return v;
  }

  number(): number | null {
    const start = this.i;
    const s = this.s;
    if (s[this.i] === '-') this.i++;
    const digit = () => this.i < s.length && s[this.i]! >= '0' && s[this.i]! <= '9';
    if (s[this.i] === '0') this.i++;
    else if (digit()) while (digit()) this.i++;
    else this.fail('in numeric literal');
    if (s[this.i] === '.') {
      this.i++;
      if (!digit()) this.fail('after decimal point in numeric literal');
      while (digit()) this.i++;
    }
    if (s[this.i] === 'e' || s[this.i] === 'E') {
      this.i++;
      if (s[this.i] === '+' || s[this.i] === '-') this.i++;
      if (!digit()) this.fail('in exponent of numeric literal');
      while (digit()) this.i++;
    }
    const text = s.slice(start, this.i);
    const f = Number(text);
    if (!Number.isFinite(f)) {
      this.saved ??= new GoError(`json: cannot unmarshal number ${text} into Go value of type float64`);
      return null;
    }
    return f;
  }

  string(): string {
    const s = this.s;
    this.i++;
    let out = '';
    let start = this.i;
    for (;;) {
      if (this.i >= s.length) this.fail('');
      const c = s.charCodeAt(this.i);
      if (c === 0x22) break;
      if (c < 0x20) this.fail('in string literal');
      if (c !== 0x5c) {
        this.i++;
        continue;
      }
      out += s.slice(start, this.i);
      this.i++;
      const e = s[this.i];
      const simple: Record<string, string> = {
        '"': '"',
        '\\': '\\',
        '/': '/',
        b: '\b',
        f: '\f',
        n: '\n',
        r: '\r',
        t: '\t',
      };
      if (e !== undefined && e in simple) {
        out += simple[e];
        this.i++;
      } else if (e === 'u') {
        this.i++;
        for (let k = 0; k < 4; k++) {
          if (!/[0-9a-fA-F]/.test(s[this.i] ?? '')) this.fail('in \\u hexadecimal character escape');
          this.i++;
        }
        out += String.fromCharCode(Number.parseInt(s.slice(this.i - 4, this.i), 16));
      } else this.fail('in string escape code');
      start = this.i;
    }
    out += s.slice(start, this.i);
    this.i++;
    // Go: unpaired surrogates decode to U+FFFD.
    return out.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
  }

  array(): GoValue[] {
    this.i++;
    const out: GoValue[] = [];
    this.ws();
    if (this.s[this.i] === ']') {
      this.i++;
      return out;
    }
    for (;;) {
      out.push(this.value());
      this.ws();
      const c = this.s[this.i];
      if (c === ',') {
        this.i++;
        continue;
      }
      if (c === ']') {
        this.i++;
        return out;
      }
      this.fail('after array element');
    }
  }

  object(): GoMap {
    this.i++;
    const out = new GoMap();
    this.ws();
    if (this.s[this.i] === '}') {
      this.i++;
      return out;
    }
    for (;;) {
      this.ws();
      if (this.s[this.i] !== '"') this.fail('looking for beginning of object key string');
      const k = this.string();
      this.ws();
      if (this.s[this.i] !== ':') this.fail('after object key');
      this.i++;
      out.set(k, this.value());
      this.ws();
      const c = this.s[this.i];
      if (c === ',') {
        this.i++;
        continue;
      }
      if (c === '}') {
        this.i++;
        return out;
      }
      this.fail('after object key:value pair');
    }
  }
}

/**
 * decodeJsonPartial is json.Unmarshal into interface{} reporting a type error (a number out of
 * float64 range) next to the value decoded anyway, as Go does; syntax errors throw.
 */
export function decodeJsonPartial(text: string): { value: GoValue; error?: GoError } {
  const d = new Decoder(text);
  const v = d.value();
  d.ws();
  if (d.i < text.length) d.fail('after top-level value');
  return { value: v, error: d.saved };
}

/** decodeJson is json.Unmarshal into interface{} (numbers float64); throws GoError with Go's texts. */
export function decodeJson(text: string): GoValue {
  const { value, error } = decodeJsonPartial(text);
  if (error) throw error;
  return value;
}

/** jsonTopKind names the kind of a JSON text's top-level value from its first character. */
export function jsonTopKind(text: string): string {
  const c = text.trimStart()[0];
  if (c === '{') return 'object';
  if (c === '[') return 'array';
  if (c === '"') return 'string';
  if (c === 't' || c === 'f') return 'bool';
  if (c === 'n') return 'null';
  return 'number';
}

/** jsonKind names a decoded JSON value's kind as Go's UnmarshalTypeError prints it. */
export function jsonKind(v: GoValue): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (v instanceof GoMap) return 'object';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'bool';
  return 'string';
}
