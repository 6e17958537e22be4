import { GoInt, GoMap, type GoValue, goTypeName, quoteRune, quoteString } from '@/lib/go';
import { HelmError } from './errors';

/**
 * Helm's `--set` syntax (`pkg/strvals`): `a.b=1,c[0]=x,d={1,2}`, `\` escapes, typed values for
 * `--set`, strings for `--set-string`, JSON for `--set-json`, the raw rest for `--set-literal`.
 */

/** maxIndex is Helm's MaxIndex for list indexes in `--set`. */
const maxIndex = 65536;
/** maxNestedNameLevel is Helm's MaxNestedNameLevel for dotted names. */
const maxNestedNameLevel = 30;

/** SetKind selects the value parser: `--set`, `--set-string`, `--set-json`, `--set-literal`, `--set-file`. */
export type SetKind = 'set' | 'string' | 'json' | 'literal' | 'file';

/** EOF marks the end of the expression (Go's io.EOF), which ends parsing without an error. */
class EOF extends Error {}

/** GoPanicked is a recovered Go runtime panic (a failed type assertion) inside the parser. */
class GoPanicked extends Error {}

/** Scanner reads a string rune by rune, as Go's bytes.Buffer ReadRune/UnreadRune do. */
class Scanner {
  private readonly runes: string[];
  pos = 0;
  constructor(s: string) {
    this.runes = Array.from(s);
  }
  read(): string | undefined {
    const r = this.runes[this.pos];
    if (r !== undefined) this.pos++;
    return r;
  }
  unread(): void {
    this.pos--;
  }
  rest(): string {
    return this.runes.slice(this.pos).join('');
  }
  skip(n: number): void {
    // n counts UTF-16 code units of rest(); advance by whole runes.
    let units = 0;
    while (units < n && this.pos < this.runes.length) units += (this.runes[this.pos++] as string).length;
  }
}

/** runesUntil reads up to a stop rune; `\` escapes the next rune (unless literal). */
function runesUntil(
  sc: Scanner,
  stop: string,
  escapes = true,
): { v: string; last: string | undefined; eof: boolean } {
  let v = '';
  for (;;) {
    const r = sc.read();
    if (r === undefined) return { v, last: undefined, eof: true };
    if (stop.includes(r)) return { v, last: r, eof: false };
    if (escapes && r === '\\') {
      const next = sc.read();
      if (next === undefined) return { v, last: undefined, eof: true };
      v += next;
      continue;
    }
    v += r;
  }
}

/** typedVal is Helm's typing of `--set` values: bools, null, int64, else string. */
export function typedVal(val: string, asString: boolean): GoValue {
  if (asString) return val;
  const lower = val.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  if (lower === 'null') return null;
  if (val === '0') return new GoInt(0n, 'int64');
  // Helm: base-10 int64 only when the text does not start with 0 (`0123` stays a string).
  if (val.length > 0 && val[0] !== '0' && /^[+-]?[0-9]+$/.test(val)) {
    const n = BigInt(val);
    if (n >= -(2n ** 63n) && n < 2n ** 63n) return new GoInt(n, 'int64');
  }
  return val;
}

function quoteGo(s: string): string {
  return quoteString(s);
}

/** quoteRunes is Go's %q of a []rune: each rune quoted, in brackets. */
function quoteRunes(s: string): string {
  return `[${Array.from(s, (c) => quoteRune(c.codePointAt(0) ?? 0)).join(' ')}]`;
}

function assertMap(v: GoValue | undefined): GoMap {
  if (v instanceof GoMap && v.goType === 'map[string]interface {}') return v;
  throw new GoPanicked(
    `interface conversion: interface {} is ${v == null ? 'nil' : goTypeName(v)}, not map[string]interface {}`,
  );
}

function assertList(v: GoValue | undefined): GoValue[] {
  if (Array.isArray(v) && goTypeName(v) === '[]interface {}') return v;
  throw new GoPanicked(
    `interface conversion: interface {} is ${v == null ? 'nil' : goTypeName(v)}, not []interface {}`,
  );
}

function atoi(s: string): number {
  // Go: strconv.Atoi accepts an optional sign and decimal digits.
  if (!/^[+-]?[0-9]+$/.test(s)) throw new HelmError(`strconv.Atoi: parsing ${quoteGo(s)}: invalid syntax`);
  const n = BigInt(s);
  if (n < -(2n ** 63n) || n >= 2n ** 63n) {
    throw new HelmError(`strconv.Atoi: parsing ${quoteGo(s)}: value out of range`);
  }
  return Number(n);
}

function setKey(data: GoMap, key: string, val: GoValue): void {
  if (key.length === 0) return;
  data.set(key, val);
}

function setIndex(list: GoValue[], index: number, val: GoValue): GoValue[] {
  if (index < 0) throw new HelmError(`negative ${index} index not allowed`);
  if (index > maxIndex) {
    throw new HelmError(`index of ${index} is greater than maximum supported index of ${maxIndex}`);
  }
  while (list.length <= index) list.push(null);
  list[index] = val;
  return list;
}

/** JSONValue decodes one JSON value at the start of a text, as Go's json.Decoder does. */
function decodeJSONPrefix(text: string): { value: GoValue; end: number } {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\r\n'.includes(text[i] as string)) i++;
  };
  const fail = (): never => {
    throw new HelmError('invalid JSON value');
  };
  const value = (): GoValue => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      const m = new GoMap();
      ws();
      if (text[i] === '}') {
        i++;
        return m;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail();
        const k = str();
        ws();
        if (text[i] !== ':') fail();
        i++;
        m.set(k, value());
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return m;
        }
        fail();
      }
    }
    if (c === '[') {
      i++;
      const l: GoValue[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return l;
      }
      for (;;) {
        l.push(value());
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return l;
        }
        fail();
      }
    }
    if (c === '"') return str();
    for (const [lit, v] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (text.startsWith(lit, i)) {
        i += lit.length;
        return v;
      }
    }
    const m = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(text.slice(i));
    if (!m || m[0] === '' || m[0] === '-') return fail();
    i += m[0].length;
    return Number(m[0]);
  };
  const str = (): string => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') i++;
      i++;
    }
    if (i >= text.length) fail();
    i++;
    try {
      return JSON.parse(text.slice(start, i)) as string;
    } catch {
      return fail();
    }
  };
  const v = value();
  return { value: v, end: i };
}

class Parser {
  constructor(
    readonly sc: Scanner,
    readonly kind: SetKind,
    readonly fileContent: string,
  ) {}

  reader(rs: string): GoValue {
    if (this.kind === 'file') return this.fileContent;
    return typedVal(rs, this.kind === 'string');
  }

  parse(data: GoMap): void {
    for (;;) {
      try {
        this.key(data, 0);
      } catch (e) {
        if (e instanceof EOF) return;
        throw e;
      }
    }
  }

  /** key parses `name` followed by `=`, `[`, `.` (and `,` for the non-literal parsers). */
  key(data: GoMap, level: number): void {
    try {
      this.keyInner(data, level);
    } catch (e) {
      // Go: a panic inside key() is recovered as "unable to parse key: …".
      if (e instanceof GoPanicked) throw new HelmError(`unable to parse key: ${e.message}`);
      throw e;
    }
  }

  private keyInner(data: GoMap, level: number): void {
    const literal = this.kind === 'literal';
    const { v: k, last, eof } = runesUntil(this.sc, literal ? '=[.' : '=[,.', !literal);
    if (eof) {
      if (k.length === 0) throw new EOF();
      throw new HelmError(`key ${quoteGo(k)} has no value`);
    }
    if (last === '[') {
      const i = this.keyIndex();
      let list: GoValue[] = [];
      if (data.has(k)) list = assertList(data.get(k));
      let err: unknown;
      try {
        list = this.listItem(list, i, level);
      } catch (e) {
        err = e;
      }
      setKey(data, k, list);
      if (err !== undefined) throw err;
      return;
    }
    if (last === '=') {
      if (literal) {
        setKey(data, k, runesUntil(this.sc, '', false).v);
        return;
      }
      if (this.kind === 'json') {
        if (this.emptyVal()) {
          setKey(data, k, null);
          return;
        }
        const { value, end } = decodeJSONPrefix(this.sc.rest());
        setKey(data, k, value);
        this.sc.skip(end);
        this.emptyVal();
        return;
      }
      const vl = this.valList();
      if (vl === 'eof') {
        setKey(data, k, '');
        throw new EOF();
      }
      if (vl === 'notlist') {
        const rs = runesUntil(this.sc, ',').v;
        setKey(data, k, this.reader(rs));
        return;
      }
      setKey(data, k, vl);
      return;
    }
    if (last === ',') {
      setKey(data, k, '');
      throw new HelmError(`key ${quoteGo(k)} has no value (cannot end with ,)`);
    }
    // last === '.'
    level++;
    if (level > maxNestedNameLevel) {
      throw new HelmError(
        `value name nested level is greater than maximum supported nested level of ${maxNestedNameLevel}`,
      );
    }
    let inner = new GoMap();
    if (data.has(k)) inner = assertMap(data.get(k));
    let err: unknown;
    try {
      this.key(inner, level);
    } catch (e) {
      err = e;
    }
    if (err === undefined && inner.size === 0) throw new HelmError(`key map ${quoteGo(k)} has no value`);
    if (inner.size !== 0) setKey(data, k, inner);
    if (err !== undefined) throw err;
  }

  keyIndex(): number {
    const { v, eof } = runesUntil(this.sc, ']', this.kind !== 'literal');
    // Go: the EOF is wrapped with %w ("error parsing index: EOF"), and parse() ends without an error on
    // anything that errors.Is io.EOF: an unclosed `[` at the end of the expression is ignored.
    if (eof) throw new EOF();
    try {
      return atoi(v);
    } catch (e) {
      throw new HelmError(`error parsing index: ${(e as Error).message}`);
    }
  }

  listItem(list: GoValue[], i: number, level: number): GoValue[] {
    if (i < 0) throw new HelmError(`negative ${i} index not allowed`);
    const literal = this.kind === 'literal';
    const { v: k, last, eof } = runesUntil(this.sc, '[.=', !literal);
    if (k.length > 0) throw new HelmError(`unexpected data at end of array index: ${quoteRunes(k)}`);
    if (eof) throw new EOF();
    if (last === '=') {
      if (literal) return setIndex(list, i, runesUntil(this.sc, '', false).v);
      if (this.kind === 'json') {
        if (this.emptyVal()) return setIndex(list, i, null);
        const { value, end } = decodeJSONPrefix(this.sc.rest());
        const out = setIndex(list, i, value);
        this.sc.skip(end);
        this.emptyVal();
        return out;
      }
      const vl = this.valList();
      if (vl === 'eof') return setIndex(list, i, '');
      if (vl === 'notlist') {
        const rs = runesUntil(this.sc, ',').v;
        return setIndex(list, i, this.reader(rs));
      }
      return setIndex(list, i, vl);
    }
    if (last === '[') {
      const nextI = this.keyIndex();
      let crt: GoValue[] = [];
      if (list.length > i && list[i] !== null) crt = assertList(list[i]);
      const list2 = this.listItem(crt, nextI, level);
      return setIndex(list, i, list2);
    }
    // last === '.'
    let inner = new GoMap();
    if (list.length > i) {
      const existing = list[i];
      if (existing instanceof GoMap && existing.goType === 'map[string]interface {}') inner = existing;
      else list[i] = inner;
    }
    this.key(inner, level);
    return setIndex(list, i, inner);
  }

  /** emptyVal skips spaces and reports whether the value ends here (EOF or `,`). */
  emptyVal(): boolean {
    for (;;) {
      const r = this.sc.read();
      if (r === undefined || r === ',') return true;
      if (!/\s/u.test(r)) {
        this.sc.unread();
        return false;
      }
    }
  }

  /** valList parses `{a,b,c}`; it returns 'notlist' when the value does not start with `{`. */
  valList(): GoValue[] | 'eof' | 'notlist' {
    const r = this.sc.read();
    if (r === undefined) return 'eof';
    if (r !== '{') {
      this.sc.unread();
      return 'notlist';
    }
    const list: GoValue[] = [];
    for (;;) {
      const { v: rs, last, eof } = runesUntil(this.sc, ',}');
      if (eof) throw new HelmError("list must terminate with '}'");
      if (last === '}') {
        const n = this.sc.read();
        if (n !== undefined && n !== ',') this.sc.unread();
        list.push(this.reader(rs));
        return list;
      }
      list.push(this.reader(rs));
    }
  }
}

/**
 * parseSet parses one `--set`-style expression into a values map, as Helm's strvals parsers do
 * (`kind`: `set` typed values, `string`, `json`, `literal`; `file` sets every value to
 * `fileContent`). It throws a HelmError with Helm's message (`key "a" has no value`).
 */
export function parseSet(expr: string, into: GoMap, kind: SetKind, fileContent = ''): void {
  new Parser(new Scanner(expr), kind, fileContent).parse(into);
}
