/**
 * TOML as Helm's `toToml` prints it and `fromToml` reads it (BurntSushi/toml v1.6.0 semantics:
 * sorted keys, plain keys before tables, two-space indentation per table level, floats always
 * with a fraction or exponent; decoding gives int64 integers, float64 floats, time values).
 */
import { formatFloat, GoError, GoInt, GoMap, GoObject, type GoValue, goTypeName } from '../go';

/** TomlDateTime is a TOML date/time value (Go time.Time with BurntSushi's local zones). */
export class TomlDateTime extends GoObject {
  readonly goType = 'time.Time';
  constructor(
    /** text is the value as written in TOML (normalised: `T` separator). */
    readonly text: string,
    readonly zone: 'datetime' | 'datetime-local' | 'date-local' | 'time-local',
  ) {
    super();
  }
  /** string prints as Go's Time.String: `2024-01-02 10:00:00 +0000 UTC`. */
  override string(): string {
    const m = /^(?:(\d{4}-\d{2}-\d{2}))?[T ]?(?:(\d{2}:\d{2}:\d{2})(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/i.exec(
      this.text,
    );
    const date = m?.[1] ?? '0000-01-01';
    const time = m?.[2] ?? '00:00:00';
    const frac = (m?.[3] ?? '').replace(/0+$/, '').replace(/^\.$/, '');
    const off = m?.[4];
    if (this.zone === 'datetime') {
      if (!off || off.toUpperCase() === 'Z') return `${date} ${time}${frac} +0000 UTC`;
      const z = off.replace(':', '');
      return `${date} ${time}${frac} ${z} ${z}`;
    }
    return `${date} ${time}${frac} +0000 ${this.zone}`;
  }
  format(): string {
    return this.string();
  }
  override toJSONValue(): GoValue {
    const s = this.string();
    const [date, time] = s.split(' ');
    const off = this.zone === 'datetime' ? (/([+-]\d{2}:\d{2})$/.exec(this.text)?.[1] ?? 'Z') : 'Z';
    return `${date}T${time}${off === '+00:00' ? 'Z' : off}`;
  }
}

const bare = /^[A-Za-z0-9_-]+$/;

function quote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    switch (ch) {
      case '"':
        out += '\\"';
        continue;
      case '\\':
        out += '\\\\';
        continue;
      case '\b':
        out += '\\b';
        continue;
      case '\t':
        out += '\\t';
        continue;
      case '\n':
        out += '\\n';
        continue;
      case '\f':
        out += '\\f';
        continue;
      case '\r':
        out += '\\r';
        continue;
    }
    if (c < 0x20 || c === 0x7f) out += '\\u' + c.toString(16).padStart(4, '0');
    else out += ch;
  }
  return out + '"';
}

function keyText(path: string[]): string {
  return path.map((k) => (bare.test(k) ? k : quote(k))).join('.');
}

function isTableArray(v: GoValue): v is GoMap[] {
  return Array.isArray(v) && v.length > 0 && v.every((e) => e instanceof GoMap);
}

function isTable(v: GoValue): boolean {
  return v instanceof GoMap || isTableArray(v);
}

function tomlFloat(f: number): string {
  if (Number.isNaN(f)) return 'nan';
  if (!Number.isFinite(f)) return f > 0 ? 'inf' : '-inf';
  const s = formatFloat(f, 'g', -1, 64);
  return /[.e]/.test(s) ? s : s + '.0';
}

/** Encoder writes a document as BurntSushi's Encoder does. */
class Encoder {
  out = '';

  newline(): void {
    if (this.out.length > 0) this.out += '\n';
  }

  indent(path: string[]): string {
    return '  '.repeat(Math.max(path.length - 1, 0));
  }

  element(v: GoValue): string {
    if (v === null) throw new GoError('toml: cannot encode a nil value');
    switch (typeof v) {
      case 'string':
        return quote(v);
      case 'boolean':
        return v ? 'true' : 'false';
      case 'number':
        return tomlFloat(v);
    }
    if (v instanceof GoInt) return v.value.toString();
    if (v instanceof TomlDateTime) return v.text;
    if (Array.isArray(v)) {
      const parts = v.map((e) => {
        if (e === null) throw new GoError('toml: cannot encode array with nil element');
        return this.element(e);
      });
      return '[' + parts.join(', ') + ']';
    }
    if (v instanceof GoMap) {
      // Go (BurntSushi): inline tables list plain keys, then tables; a nil value is skipped but
      // the separator after the entry before it is still written (`{a = 1, }`).
      const keys = [...v.keys()].sort(byteOrder);
      const direct = keys.filter((k) => !isTable(v.get(k)!));
      const sub = keys.filter((k) => isTable(v.get(k)!));
      let out = '{';
      const write = (list: string[], trailComma: boolean) => {
        list.forEach((k, i) => {
          const x = v.get(k)!;
          if (x === null) return;
          out += `${keyText([k])} = ${this.element(x)}`;
          if (trailComma || i !== list.length - 1) out += ', ';
        });
      };
      write(direct, sub.length > 0);
      write(sub, false);
      return out + '}';
    }
    if (v instanceof Uint8Array) return quote(new TextDecoder().decode(v));
    if (v instanceof GoObject) return this.element(v.toJSONValue());
    throw new GoError(`toml: unsupported type: ${goTypeName(v)}`);
  }

  table(path: string[], m: GoMap): void {
    const keys = [...m.keys()].sort(byteOrder);
    const direct = keys.filter((k) => m.get(k) !== null && !isTable(m.get(k)!));
    const sub = keys.filter((k) => m.get(k) !== null && isTable(m.get(k)!));
    for (const k of direct) {
      const p = [...path, k];
      this.out += `${this.indent(p)}${keyText([k])} = ${this.element(m.get(k)!)}`;
      this.newline();
    }
    for (const k of sub) {
      const v = m.get(k)!;
      const p = [...path, k];
      if (v instanceof GoMap) {
        if (p.length === 1) this.newline();
        this.out += `${this.indent(p)}[${keyText(p)}]`;
        this.newline();
        this.table(p, v);
      } else {
        for (const t of v as GoMap[]) {
          this.newline();
          this.out += `${this.indent(p)}[[${keyText(p)}]]`;
          this.newline();
          this.table(p, t);
        }
      }
    }
  }
}

function byteOrder(a: string, b: string): number {
  if (a === b) return 0;
  const x = new TextEncoder().encode(a);
  const y = new TextEncoder().encode(b);
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
}

/** encodeToml is BurntSushi's Encoder.Encode; throws GoError with its message. */
export function encodeToml(v: GoValue): string {
  const e = new Encoder();
  if (v instanceof GoMap) e.table([], v);
  // Go (BurntSushi): a list of tables is written as `[[key]]` headers, which need a key.
  else if (isTableArray(v)) throw new GoError('toml: top-level values must be Go maps or structs');
  else e.out = e.element(v);
  return e.out;
}

/** toToml is Helm's toToml: the TOML text, or the error's text on failure. */
export function toToml(v: GoValue): string {
  try {
    return encodeToml(v);
  } catch (e) {
    if (e instanceof GoError) return e.message;
    throw e;
  }
}

/** TomlError is a decoding failure with BurntSushi's message (`toml: line N (last key "k"): …`). */
export class TomlError extends GoError {}

/** Parser reads TOML 1.0 into Go values. */
class Parser {
  i = 0;
  line = 1;
  root = new GoMap();
  current: GoMap = this.root;
  lastKey = '';
  /** context is the dotted name of the table being filled (the last header). */
  context = '';
  /** defined records tables created by a header or key, and keys assigned, by dotted path. */
  defined = new Set<string>();
  implicit = new Set<string>();
  arrays = new Set<string>();

  constructor(readonly s: string) {}

  fail(msg: string): never {
    const last = this.lastKey ? ` (last key ${JSON.stringify(this.lastKey)})` : '';
    throw new TomlError(`toml: line ${this.line}${last}: ${msg}`);
  }

  peek(): string | undefined {
    return this.s[this.i];
  }

  ws(): void {
    while (this.peek() === ' ' || this.peek() === '\t') this.i++;
  }

  comment(): void {
    if (this.peek() === '#') while (this.i < this.s.length && this.peek() !== '\n') this.i++;
  }

  eol(): void {
    this.ws();
    this.comment();
    if (this.i >= this.s.length) return;
    if (this.peek() === '\r' && this.s[this.i + 1] === '\n') this.i++;
    if (this.peek() !== '\n')
      this.fail(
        `expected a top-level item to end with a newline, comment, or EOF, but got ${quoteRune(this.peek()!)} instead`,
      );
    this.i++;
    this.line++;
  }

  parse(): GoMap {
    for (;;) {
      this.ws();
      const c = this.peek();
      if (c === undefined) return this.root;
      if (c === '\n' || c === '\r' || c === '#') {
        this.eol();
        continue;
      }
      if (c === '[') this.header();
      else this.keyValue(this.current, '');
      this.eol();
    }
  }

  keyPart(): string {
    const c = this.peek();
    if (c === '"') return this.basicString();
    if (c === "'") return this.literalString();
    const start = this.i;
    while (this.i < this.s.length && /[A-Za-z0-9_-]/.test(this.peek()!)) this.i++;
    if (this.i === start) {
      if (c === undefined || c === '\n') this.fail('unexpected EOF; expected key name');
      if (c === '=') this.fail(`unexpected '=': key name appears blank`);
      this.fail(`bare keys cannot contain ${quoteRune(c)}`);
    }
    return this.s.slice(start, this.i);
  }

  key(): string[] {
    const parts = [this.keyPart()];
    for (;;) {
      this.ws();
      if (this.peek() !== '.') return parts;
      this.i++;
      this.ws();
      parts.push(this.keyPart());
    }
  }

  header(): void {
    this.i++;
    const array = this.peek() === '[';
    if (array) this.i++;
    this.ws();
    const path = this.key();
    this.ws();
    // Go (BurntSushi): errors in a header name the enclosing table as the last key.
    this.lastKey = path.slice(0, -1).join('.');
    if (this.peek() !== ']') {
      this.fail(`expected '.' or ']' to end table name, but got ${goRune(this.peek())} instead`);
    }
    this.i++;
    if (array) {
      if (this.peek() !== ']') {
        this.fail(`expected end of table array name delimiter ']', but got ${goRune(this.peek())} instead`);
      }
      this.i++;
    }
    this.openTable(path, array);
    this.context = path.join('.');
    this.lastKey = this.context;
  }

  /** openTable makes the table (or a new array-of-tables entry) a header names the current one. */
  openTable(path: string[], array: boolean): void {
    let m = this.root;
    for (let k = 0; k < path.length - 1; k++) m = this.descend(m, path.slice(0, k + 1));
    const name = path.at(-1)!;
    const full = path.join('\u0000');
    if (array) {
      let list = m.get(name);
      if (list === undefined) {
        list = [];
        m.set(name, list);
        this.arrays.add(full);
      } else if (!Array.isArray(list) || !this.arrays.has(full))
        this.fail(`Key '${path.join('.')}' has already been defined.`);
      const t = new GoMap();
      (list as GoValue[]).push(t);
      this.current = t;
      for (const d of [...this.defined]) if (d.startsWith(full + '\u0000')) this.defined.delete(d);
      return;
    }
    const existing = m.get(name);
    if (existing !== undefined) {
      if (!(existing instanceof GoMap) || this.defined.has(full))
        this.fail(`Key '${path.join('.')}' has already been defined.`);
      this.defined.add(full);
      this.current = existing;
      return;
    }
    const t = new GoMap();
    m.set(name, t);
    this.defined.add(full);
    this.current = t;
  }

  descend(m: GoMap, path: string[]): GoMap {
    const name = path.at(-1)!;
    const v = m.get(name);
    if (v === undefined) {
      const t = new GoMap();
      m.set(name, t);
      this.implicit.add(path.join('\u0000'));
      return t;
    }
    if (v instanceof GoMap) return v;
    if (Array.isArray(v) && v.length > 0 && v.at(-1) instanceof GoMap) return v.at(-1) as GoMap;
    this.fail(`Key '${path.join('.')}' has already been defined.`);
  }

  keyValue(table: GoMap, prefix: string): void {
    const path = this.key();
    this.ws();
    if (this.peek() !== '=') {
      if (this.i >= this.s.length || this.peek() === '\n')
        this.fail("unexpected EOF; expected key separator '='");
      this.fail(`expected '.' or '=', but got ${quoteRune(this.peek()!)} instead`);
    }
    this.lastKey = (prefix ? prefix + '.' : '') + path.join('.');
    this.i++;
    this.ws();
    let m = table;
    for (let k = 0; k < path.length - 1; k++) {
      const v = m.get(path[k]!);
      if (v === undefined) {
        const t = new GoMap();
        m.set(path[k]!, t);
        m = t;
      } else if (v instanceof GoMap) m = v;
      else this.fail(`Key '${this.lastKey}' has already been defined.`);
    }
    const name = path.at(-1)!;
    if (m.has(name)) this.fail(`Key '${this.lastKey}' has already been defined.`);
    m.set(name, this.value());
    if (!prefix) this.lastKey = this.context;
  }

  value(): GoValue {
    const c = this.peek();
    if (c === undefined) this.fail('unexpected EOF; expected value');
    if (c === '"') return this.basicString();
    if (c === "'") return this.literalString();
    if (c === '[') return this.array();
    if (c === '{') return this.inlineTable();
    const start = this.i;
    while (this.i < this.s.length && /[0-9A-Za-z_+\-.:]/.test(this.peek()!)) this.i++;
    // A space between a date and a time belongs to the datetime.
    if (
      /^\d{4}-\d{2}-\d{2}$/.test(this.s.slice(start, this.i)) &&
      /^ \d{2}:/.test(this.s.slice(this.i, this.i + 4))
    ) {
      this.i++;
      while (this.i < this.s.length && /[0-9A-Za-z_+\-.:]/.test(this.peek()!)) this.i++;
    }
    const tok = this.s.slice(start, this.i);
    if (tok === '') {
      if (c === '\n') this.fail('unexpected EOF; expected value');
      this.fail(`expected value but found ${quoteRune(c)} instead`);
    }
    if (tok === 'true') return true;
    if (tok === 'false') return false;
    if (/^[A-Za-z]/.test(tok) && !/^(inf|nan)$/.test(tok))
      this.fail(`expected value but found ${JSON.stringify(tok)} instead`);
    if (/^[+-]?\./.test(tok)) this.fail("floats must start with a digit, not '.'");
    if (/^[+-]?0\d/.test(tok) && !/^\d{2}:|^\d{4}-/.test(tok)) {
      this.fail(
        `Invalid ${/[.eE]/.test(tok) ? 'float' : 'integer'} ${JSON.stringify(tok)}: cannot have leading zeroes`,
      );
    }
    if (/__|_$|^_|[^0-9a-fA-F]_|_[^0-9a-fA-F]/.test(tok) && /^[+-]?\d/.test(tok) && !/^0x_/.test(tok)) {
      this.fail(
        `Invalid ${/[.eE]/.test(tok) && !/^0x/.test(tok) ? 'float' : 'integer'} ${JSON.stringify(tok)}: underscores must be surrounded by digits`,
      );
    }
    if (/^0x_/.test(tok)) this.fail(`not a hexadecimal number: '0x_'`);
    if (/^[+-]?\d+(_\d+)*\.([eE]|$)/.test(tok))
      this.fail(`Invalid float ${JSON.stringify(tok)}: '.' must be followed by one or more digits`);
    if (/^[+-]?(inf|nan)$/.test(tok))
      return tok.includes('nan') ? Number.NaN : tok.startsWith('-') ? -Infinity : Infinity;
    if (/^[+-]?(0|[1-9](_?\d)*)$/.test(tok)) return this.int(tok.replaceAll('_', ''), 10);
    if (/^0x[0-9A-Fa-f](_?[0-9A-Fa-f])*$/.test(tok)) return this.int(tok.slice(2).replaceAll('_', ''), 16);
    if (/^0o[0-7](_?[0-7])*$/.test(tok)) return this.int(tok.slice(2).replaceAll('_', ''), 8);
    if (/^0b[01](_?[01])*$/.test(tok)) return this.int(tok.slice(2).replaceAll('_', ''), 2);
    if (/^[+-]?(0|[1-9](_?\d)*)(\.\d(_?\d)*)?([eE][+-]?\d(_?\d)*)?$/.test(tok)) {
      const f = Number(tok.replaceAll('_', ''));
      if (!Number.isFinite(f)) this.fail(`${tok} is out of range for float64`);
      return f;
    }
    const dt = /^\d{4}-\d{2}-\d{2}([Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}:\d{2})?)?$/.exec(tok);
    if (dt) {
      // TOML 1.1: seconds may be left out (they are zero).
      const text = tok.replace(/^(\d{4}-\d{2}-\d{2})[t ]/, '$1T').replace(/(T\d{2}:\d{2})(?!:)/, '$1:00');
      return new TomlDateTime(text, !dt[1] ? 'date-local' : dt[4] ? 'datetime' : 'datetime-local');
    }
    if (/^\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(tok)) {
      return new TomlDateTime(/^\d{2}:\d{2}$/.test(tok) ? `${tok}:00` : tok, 'time-local');
    }
    this.fail(`invalid value: ${JSON.stringify(tok)}`);
  }

  int(digits: string, base: number): GoInt {
    const neg = digits.startsWith('-');
    const body = digits.replace(/^[+-]/, '');
    const prefix = base === 16 ? '0x' : base === 8 ? '0o' : base === 2 ? '0b' : '';
    let v = BigInt(prefix + body);
    if (neg) v = -v;
    if (v > 2n ** 63n - 1n || v < -(2n ** 63n)) this.fail(`${digits} is out of range for int64`);
    return new GoInt(v, 'int64');
  }

  basicString(): string {
    const multi = this.s.startsWith('"""', this.i);
    this.i += multi ? 3 : 1;
    if (multi && this.peek() === '\n') {
      this.i++;
      this.line++;
    }
    let out = '';
    for (;;) {
      const c = this.peek();
      if (c === undefined) this.fail(`unexpected EOF; expected '${multi ? '"""' : '"'}'`);
      if (multi ? this.s.startsWith('"""', this.i) : c === '"') {
        this.i += multi ? 3 : 1;
        while (multi && this.peek() === '"' && out.length >= 0 && this.s[this.i - 4] !== '\\') {
          out += '"';
          this.i++;
        }
        return out;
      }
      if (c === '\n') {
        if (!multi) this.fail('strings cannot contain newlines');
        this.line++;
      }
      if (c === '\\') {
        const e = this.s[this.i + 1];
        const simple: Record<string, string> = {
          b: '\b',
          t: '\t',
          n: '\n',
          f: '\f',
          r: '\r',
          e: '\x1b',
          '"': '"',
          '\\': '\\',
        };
        if (e !== undefined && e in simple) {
          out += simple[e];
          this.i += 2;
          continue;
        }
        if (e === 'u' || e === 'U' || e === 'x') {
          // TOML 1.1 adds \xHH.
          const n = e === 'u' ? 4 : e === 'x' ? 2 : 8;
          const hex = this.s.slice(this.i + 2, this.i + 2 + n);
          if (!/^[0-9A-Fa-f]+$/.test(hex) || hex.length !== n) this.fail(`invalid escape: '\\${e}${hex}'`);
          out += String.fromCodePoint(Number.parseInt(hex, 16));
          this.i += 2 + n;
          continue;
        }
        if (multi && (e === '\n' || e === ' ' || e === '\t' || e === '\r')) {
          this.i++;
          while (/[ \t\r\n]/.test(this.peek() ?? '')) {
            if (this.peek() === '\n') this.line++;
            this.i++;
          }
          continue;
        }
        if (e === '\n') this.line++;
        this.fail(`invalid escape in string '\\${e ?? ''}'`);
      }
      out += c;
      this.i++;
    }
  }

  literalString(): string {
    const multi = this.s.startsWith("'''", this.i);
    this.i += multi ? 3 : 1;
    if (multi && this.peek() === '\n') {
      this.i++;
      this.line++;
    }
    const end = this.s.indexOf(multi ? "'''" : "'", this.i);
    const nl = this.s.indexOf('\n', this.i);
    if (end < 0) this.fail(`unexpected EOF; expected '${multi ? "'''" : "'"}'`);
    if (!multi && nl >= 0 && nl < end) this.fail('strings cannot contain newlines');
    const out = this.s.slice(this.i, end);
    for (const ch of out) if (ch === '\n') this.line++;
    this.i = end + (multi ? 3 : 1);
    return out;
  }

  skipArrayWs(): void {
    for (;;) {
      this.ws();
      this.comment();
      if (this.peek() === '\n') {
        this.i++;
        this.line++;
      } else if (this.peek() === '\r') this.i++;
      else return;
    }
  }

  array(): GoValue[] {
    this.i++;
    const out: GoValue[] = [];
    const done = () => out;
    for (;;) {
      this.skipArrayWs();
      if (this.peek() === ']') {
        this.i++;
        return done();
      }
      if (this.peek() === undefined) this.fail('unexpected EOF; expected array separator');
      out.push(this.value());
      this.skipArrayWs();
      if (this.peek() === ',') {
        this.i++;
        continue;
      }
      if (this.peek() === ']') {
        this.i++;
        return done();
      }
      this.fail(
        `expected a comma (',') or array terminator (']'), but got ${this.peek() === undefined ? 'end of file' : quoteRune(this.peek()!)}`,
      );
    }
  }

  inlineTable(): GoMap {
    this.i++;
    const m = new GoMap();
    const prefix = this.lastKey;
    this.ws();
    if (this.peek() === '}') {
      this.i++;
      return m;
    }
    for (;;) {
      this.ws();
      // Go (BurntSushi v1.6, TOML 1.1): a trailing comma before `}` is accepted.
      if (this.peek() === '}' && m.size > 0) {
        this.i++;
        this.lastKey = prefix;
        return m;
      }
      this.keyValue(m, prefix);
      this.ws();
      if (this.peek() === ',') {
        this.i++;
        continue;
      }
      if (this.peek() === '}') {
        this.i++;
        this.lastKey = prefix;
        return m;
      }
      this.fail(
        `expected a comma or an inline table terminator '}', but got ${this.peek() === undefined ? 'end of file' : quoteRune(this.peek()!)} instead`,
      );
    }
  }
}

function quoteRune(c: string): string {
  if (c === '') return 'EOF';
  return `'${c}'`;
}

/** goRune prints a character as Go's %q does for a rune, EOF being the zero rune. */
function goRune(c: string | undefined): string {
  if (c === undefined) return "'\\x00'";
  return quoteRune(c);
}

/** decodeToml parses TOML into a map (ints int64, floats float64, dates {@link TomlDateTime}); throws TomlError. */
export function decodeToml(s: string): GoMap {
  return new Parser(s).parse();
}

/** fromToml is Helm's fromToml: the map, or `map[Error:<message>]` on failure. */
export function fromToml(s: string): GoMap {
  try {
    return decodeToml(s);
  } catch (e) {
    if (e instanceof TomlError) return new GoMap([['Error', e.message]]);
    throw e;
  }
}
