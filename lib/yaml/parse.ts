/**
 * Reading YAML as Helm does: yaml.v2 decoding into interface{} (YAML 1.1 resolution, anchors,
 * merge keys, last duplicate key wins), then sigs.k8s.io/yaml's conversion to JSON-able values
 * (keys stringified) and the JSON round trip (every number a float64). Syntax comes from
 * js-yaml's event parser; errors are rewritten into go-yaml's texts and line numbers.
 */
import {
  COLLECTION_STYLE,
  EVENT_ID,
  type Event,
  getScalarValue,
  parseEvents,
  SCALAR_STYLE,
  type ScalarEvent,
} from 'js-yaml';
import { formatFloat, GoError, GoInt, GoMap, type GoValue, quoteString } from '../go';
import { YamlError } from './errors';
import { type Resolved, resolveScalar } from './resolve';
import { reshape, shiftedEvents, type YamlShape, yamlShape } from './shape';

const TAG_PREFIX = 'tag:yaml.org,2002:';

/** KeyForm is how a decoded node behaves as a mapping key after sigs.k8s.io/yaml's conversion. */
type KeyForm =
  | { ok: true; key: string }
  | { ok: false; nil: true }
  | { ok: false; nil: false; sharp: string };

interface Built {
  value: GoValue;
  key: KeyForm;
  merge?: boolean;
  isMap?: boolean;
}

/** GoYamlFailure is a go-yaml failure (`yaml: …`) raised while building values; `line` is 0-based. */
class GoYamlFailure extends Error {
  constructor(
    message: string,
    readonly line?: number,
    /** parser errors report the 0-based line; scanner errors the 1-based one. */
    readonly parser = false,
  ) {
    super(message);
  }
}

const goEscapes = new Set([
  '0',
  'a',
  'b',
  't',
  '\t',
  'n',
  'v',
  'f',
  'r',
  'e',
  ' ',
  '"',
  "'",
  '\\',
  'N',
  '_',
  'L',
  'P',
]);
const hexLength: Record<string, number> = { x: 2, u: 4, U: 8 };

/** checkEscapes rejects double-quoted escapes go-yaml v2 does not know (such as `\/`). */
function checkEscapes(src: string, start: number, end: number): void {
  for (let i = src.indexOf('\\', start); i >= 0 && i < end; i = src.indexOf('\\', i + 2)) {
    const c = src[i + 1]!;
    const line = () => {
      let n = 0;
      for (let k = 0; k < i; k++) if (src.charCodeAt(k) === 10) n++;
      return n;
    };
    if (c === '\n' || c === '\r') continue;
    if (goEscapes.has(c)) continue;
    const n = hexLength[c];
    if (n === undefined) throw new GoYamlFailure('found unknown escape character', line());
    const hexText = src.slice(i + 2, i + 2 + n);
    if (!/^[0-9a-fA-F]+$/.test(hexText) || i + 2 + n > end) {
      throw new GoYamlFailure('did not find expected hexdecimal number', line());
    }
    const code = Number.parseInt(hexText, 16);
    if ((code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) {
      throw new GoYamlFailure('found invalid Unicode character escape code', line());
    }
    i += n;
  }
}

function shortTag(t: string): string {
  return t.startsWith(TAG_PREFIX) ? '!!' + t.slice(TAG_PREFIX.length) : t;
}

function keyOfResolved(r: Resolved, text: string): KeyForm {
  switch (r.tag) {
    case 'null':
      return { ok: false, nil: true };
    case 'bool':
      return { ok: true, key: r.value ? 'true' : 'false' };
    case 'int':
      return { ok: true, key: r.value.toString() };
    case 'float':
      // Go (sigs.k8s.io/yaml): float keys are formatted with 32-bit precision, ±Inf/NaN as YAML.
      if (Number.isNaN(r.value)) return { ok: true, key: '.nan' };
      if (!Number.isFinite(r.value)) return { ok: true, key: r.value > 0 ? '.inf' : '-.inf' };
      return { ok: true, key: formatFloat(r.value, 'g', -1, 32) };
    default:
      return { ok: true, key: text };
  }
}

/** sharpOf prints a decoded node as Go's `%#v` does (nil inside a collection is `interface {}(nil)`). */
function sharpOf(b: Built, nested = false): string {
  const v = b.value;
  const inner = (x: GoValue) => sharpOf({ value: x, key: { ok: false, nil: true } }, true);
  if (v === null) return nested ? 'interface {}(nil)' : '<nil>';
  if (typeof v === 'string') return quoteString(v);
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : formatFloat(v, 'g', -1, 64);
  if (Array.isArray(v)) return `[]interface {}{${v.map(inner).join(', ')}}`;
  if (v instanceof GoMap) {
    // Go: fmt prints map keys sorted.
    const parts = [...v.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, x]) => `${quoteString(k)}:${inner(x)}`);
    return `map[interface {}]interface {}{${parts.join(', ')}}`;
  }
  return String(v);
}

function cloneValue(v: GoValue): GoValue {
  if (Array.isArray(v)) return v.map(cloneValue);
  if (v instanceof GoMap) {
    const m = new GoMap();
    for (const [k, x] of v) m.set(k, cloneValue(x));
    return m;
  }
  return v;
}

const b64chars = /^[A-Za-z0-9+/]*={0,2}$/;

function decodeBase64(s: string): string | undefined {
  const t = s.replace(/[\r\n]/g, '');
  if (t.length % 4 !== 0 || !b64chars.test(t)) return undefined;
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const bytes: number[] = [];
  for (let i = 0; i < t.length; i += 4) {
    const q = [0, 1, 2, 3].map((k) => (t[i + k] === '=' ? 0 : alphabet.indexOf(t[i + k]!)));
    const n = (q[0]! << 18) | (q[1]! << 12) | (q[2]! << 6) | q[3]!;
    bytes.push((n >> 16) & 255);
    if (t[i + 2] !== '=') bytes.push((n >> 8) & 255);
    if (t[i + 3] !== '=') bytes.push(n & 255);
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}

/**
 * foldUnicodeBreaks applies YAML 1.1 line folding to NEL, LS and PS inside a flow scalar, which
 * go-yaml treats as line breaks (js-yaml, being YAML 1.2, keeps them as characters): blanks
 * around a break are dropped, a lone NEL becomes a space, LS/PS are kept.
 */
function foldUnicodeBreaks(text: string, doubleQuotedSource?: string): string {
  // Escaped breaks (`\N`, `\L`) in double quotes are content; leave those scalars alone.
  if (doubleQuotedSource?.includes('\\')) return text;
  return text.replace(
    /[ \t]*([\u0085\u2028\u2029])([ \t\u0085\u2028\u2029]*)/g,
    (_m, first: string, rest: string) => {
      const breaks = (first + rest).replace(/[ \t]/g, '');
      if (first === '\u0085') return breaks.length === 1 ? ' ' : breaks.slice(1).replace(/\u0085/g, '\n');
      return first + breaks.slice(1).replace(/\u0085/g, '\n');
    },
  );
}

function lineAt(src: string, pos: number): number {
  let n = 0;
  for (let k = 0; k < pos; k++) if (src.charCodeAt(k) === 10) n++;
  return n;
}

/**
 * checkBlockTabs rejects tabs where go-yaml expects block scalar indentation: after the leading
 * spaces of the lines up to the first content line (auto-detected indentation), and on any line
 * whose spaces stop short of the indentation.
 */
function checkBlockTabs(src: string, e: ScalarEvent): void {
  const body = src.slice(e.valueStart, e.valueEnd);
  if (!body.includes('\t')) return;
  const headerLine = src.slice(src.lastIndexOf('\n', e.valueStart - 2) + 1, e.valueStart);
  const explicit = /[|>][-+]?[1-9]|[|>][1-9]/.test(headerLine);
  let auto = !explicit;
  let pos = e.valueStart;
  for (const l of body.split('\n')) {
    const spaces = l.length - l.replace(/^ +/, '').length;
    if (l[spaces] === '\t' && (auto || spaces < e.indent)) {
      throw new GoYamlFailure(
        'found a tab character where an indentation space is expected',
        lineAt(src, pos),
      );
    }
    if (l.trim() !== '') auto = false;
    pos += l.length + 1;
  }
}

/** Builder turns one document's events into Go values. */
class Builder {
  i = 0;
  anchors = new Map<string, Built>();
  /** pending holds the anchors of collections still being read (an alias to one is a cycle). */
  pending = new Set<string>();
  /** Deferred errors of the later stages (JSON-able conversion, json.Marshal), first one wins. */
  convertError: string | undefined;
  jsonError: string | undefined;

  constructor(
    readonly src: string,
    readonly ev: Event[],
    /** keepInts keeps YAML integers as int64 (yaml.v2's types before the JSON round trip). */
    readonly keepInts = false,
  ) {}

  next(): Event {
    return this.ev[this.i++]!;
  }

  tagOf(start: number, end: number): string {
    if (start < 0) return '';
    const t = this.src.slice(start, end);
    if (t.startsWith('!<') && t.endsWith('>')) return t.slice(2, -1);
    if (t.startsWith('!!')) return TAG_PREFIX + t.slice(2);
    return t;
  }

  /** checkName rejects what go-yaml's scanner does not take as an anchor or alias name. */
  checkName(start: number, end: number): void {
    const bad = /[^A-Za-z0-9_-]/.exec(this.src.slice(start, end));
    if (bad && !'?:%@`'.includes(bad[0])) {
      throw new GoYamlFailure(
        'did not find expected alphabetic or numeric character',
        lineAt(this.src, start),
      );
    }
  }

  node(): Built {
    const e = this.next();
    if (e.type !== EVENT_ID.POP && e.type !== EVENT_ID.DOCUMENT && e.anchorStart >= 0)
      this.checkName(e.anchorStart, e.anchorEnd);
    let b: Built;
    let anchor: string | undefined;
    switch (e.type) {
      case EVENT_ID.ALIAS: {
        const name = this.src.slice(e.anchorStart, e.anchorEnd);
        if (this.pending.has(name)) throw new GoYamlFailure(`anchor '${name}' value contains itself`);
        const target = this.anchors.get(name);
        if (!target) {
          // go-yaml's alias names end before any other character (`*x:` is the alias `x`).
          const goName = /^[A-Za-z0-9_-]*/.exec(name)![0];
          const shown = goName !== '' && !this.anchors.has(goName) ? goName : name;
          throw new GoYamlFailure(`unknown anchor '${shown}' referenced`);
        }
        return { ...target, value: cloneValue(target.value), merge: false };
      }
      case EVENT_ID.SCALAR:
        if (e.anchorStart >= 0) anchor = this.src.slice(e.anchorStart, e.anchorEnd);
        b = this.scalar(e);
        if (anchor?.includes(':')) this.colonAnchor(e.anchorStart, b);
        break;
      case EVENT_ID.SEQUENCE: {
        if (e.anchorStart >= 0) anchor = this.src.slice(e.anchorStart, e.anchorEnd);
        const items: GoValue[] = [];
        const built: Built[] = [];
        if (anchor !== undefined) this.pending.add(anchor);
        while (this.ev[this.i]!.type !== EVENT_ID.POP) {
          const item = this.node();
          built.push(item);
          items.push(this.checked(item.value));
        }
        this.i++;
        b = { value: items, key: { ok: false, nil: false, sharp: '' } };
        break;
      }
      case EVENT_ID.MAPPING: {
        if (e.anchorStart >= 0) anchor = this.src.slice(e.anchorStart, e.anchorEnd);
        if (anchor !== undefined) this.pending.add(anchor);
        const m = new GoMap();
        const block = e.style === COLLECTION_STYLE.BLOCK;
        while (this.ev[this.i]!.type !== EVENT_ID.POP) {
          const ke = this.ev[this.i]!;
          if (
            !block &&
            ke.type === EVENT_ID.SCALAR &&
            ke.style === SCALAR_STYLE.PLAIN &&
            this.src.slice(ke.valueStart, ke.valueEnd).includes('\n')
          ) {
            // Go (libyaml): no simple key spans lines; the `:` after it stands where `,` or `}` belongs.
            const colon = this.src.indexOf(':', ke.valueEnd);
            throw new GoYamlFailure("did not find expected ',' or '}'", lineAt(this.src, colon), true);
          }
          if (block && ke.type === EVENT_ID.SCALAR) {
            this.checkKeyLength(ke);
            if (
              ke.style === SCALAR_STYLE.PLAIN &&
              ke.valueStart === ke.valueEnd &&
              this.src[ke.valueStart] === ':'
            ) {
              // Go (libyaml): a block mapping entry cannot start with `:` (no key before it).
              throw new GoYamlFailure('did not find expected key', lineAt(this.src, ke.valueStart), true);
            }
          }
          const k = this.node();
          if (k.merge) {
            const v = this.node();
            this.merge(v, m);
            continue;
          }
          const v = this.node();
          if (k.value instanceof GoMap || Array.isArray(k.value)) {
            throw new GoYamlFailure(`invalid map key: ${sharpOf(k)}`);
          }
          if (k.key.ok) m.set(k.key.key, this.checked(v.value));
          else if (this.convertError === undefined) {
            // Go (sigs.k8s.io/yaml): convertToJSONableObject rejects a nil key.
            this.convertError = `unsupported map key of type: %!s(<nil>), key: <nil>, value: ${sharpOf(v)}`;
          }
        }
        this.i++;
        b = { value: m, key: { ok: false, nil: false, sharp: '' }, isMap: true };
        break;
      }
      default:
        throw new Error(`lib/yaml: unexpected event ${e.type}`);
    }
    if (anchor !== undefined) {
      this.pending.delete(anchor);
      this.anchors.set(anchor, b);
    }
    return b;
  }

  /** checked records json.Marshal's error for a NaN or infinite value (keys may be those). */
  checked(v: GoValue): GoValue {
    if (typeof v === 'number' && !Number.isFinite(v) && this.jsonError === undefined) {
      this.jsonError = `json: unsupported value: ${Number.isNaN(v) ? 'NaN' : v > 0 ? '+Inf' : '-Inf'}`;
    }
    return v;
  }

  /**
   * colonAnchor reproduces go-yaml on `&name: …`: its anchor names stop at `:`, so at the start of
   * a line the anchor sits on an empty key (a nil key), elsewhere the `:` is out of place.
   */
  colonAnchor(start: number, b: Built): void {
    const lineStart = this.src.lastIndexOf('\n', start - 1) + 1;
    if (this.src.slice(lineStart, start).replace(/&$/, '').trim() !== '') {
      throw new GoYamlFailure('mapping values are not allowed in this context', lineAt(this.src, start));
    }
    if (this.convertError === undefined) {
      this.convertError = `unsupported map key of type: %!s(<nil>), key: <nil>, value: ${sharpOf(b)}`;
    }
  }

  /** checkKeyLength rejects simple keys longer than go-yaml's 1024-character limit. */
  checkKeyLength(e: ScalarEvent): void {
    const quoted = e.style === SCALAR_STYLE.SINGLE_QUOTED || e.style === SCALAR_STYLE.DOUBLE_QUOTED;
    const starts = [e.valueStart - (quoted ? 1 : 0), e.anchorStart, e.tagStart].filter((x) => x >= 0);
    const start = Math.min(...starts);
    const colon = this.src.indexOf(':', e.valueEnd + (quoted ? 1 : 0));
    if (colon >= 0 && colon - start > 1024) {
      // Go (libyaml): a simple key may span at most 1024 characters; past that the `:` has no key.
      throw new GoYamlFailure('mapping values are not allowed in this context', lineAt(this.src, colon));
    }
  }

  /** merge applies a `<<` value as yaml.v2 does: mappings in order, a sequence's maps last to first. */
  merge(v: Built, out: GoMap): void {
    const fail = () => {
      throw new GoYamlFailure('map merge requires map or sequence of maps as the value');
    };
    const apply = (m: GoValue) => {
      if (!(m instanceof GoMap)) fail();
      for (const [k, x] of m as GoMap) out.set(k, x);
    };
    if (v.value instanceof GoMap) apply(v.value);
    else if (Array.isArray(v.value)) {
      for (let j = v.value.length - 1; j >= 0; j--) apply(v.value[j]!);
    } else fail();
  }

  scalar(e: ScalarEvent): Built {
    if (e.style === SCALAR_STYLE.DOUBLE_QUOTED) checkEscapes(this.src, e.valueStart, e.valueEnd);
    if (e.style === SCALAR_STYLE.LITERAL_BLOCK || e.style === SCALAR_STYLE.FOLDED_BLOCK)
      checkBlockTabs(this.src, e);
    let text = getScalarValue(this.src, e);
    if (
      e.style !== SCALAR_STYLE.LITERAL_BLOCK &&
      e.style !== SCALAR_STYLE.FOLDED_BLOCK &&
      /[\u0085\u2028\u2029]/.test(text)
    ) {
      text = foldUnicodeBreaks(
        text,
        e.style === SCALAR_STYLE.DOUBLE_QUOTED ? this.src.slice(e.valueStart, e.valueEnd) : undefined,
      );
    }
    if (
      (e.style === SCALAR_STYLE.LITERAL_BLOCK || e.style === SCALAR_STYLE.FOLDED_BLOCK) &&
      text.endsWith('\n') &&
      !this.src.endsWith('\n') &&
      this.src.slice(e.valueEnd).trim() === ''
    ) {
      // YAML: a block scalar that ends the input without a line break has no final break to keep.
      text = text.slice(0, -1);
    }
    const tag = this.tagOf(e.tagStart, e.tagEnd);
    const plain = e.style === SCALAR_STYLE.PLAIN;
    if (tag === '') {
      if (!plain) return { value: text, key: { ok: true, key: text } };
      if (text === '<<') return { value: text, key: { ok: true, key: text }, merge: true };
      return this.resolved(resolveScalar(text), text);
    }
    if (tag === TAG_PREFIX + 'merge' && text === '<<')
      return { value: text, key: { ok: true, key: text }, merge: true };
    if (tag === TAG_PREFIX + 'binary') {
      const s = decodeBase64(text);
      if (s === undefined) throw new GoYamlFailure('!!binary value contains invalid base64 data');
      return { value: s, key: { ok: true, key: s } };
    }
    const short = tag.startsWith(TAG_PREFIX) ? tag.slice(TAG_PREFIX.length) : '';
    if (!['str', 'bool', 'null', 'int', 'float', 'timestamp'].includes(short)) {
      // Go (yaml.v2): unknown tags are not resolved; the text is kept as a string.
      return { value: text, key: { ok: true, key: text } };
    }
    if (short === 'str') return { value: text, key: { ok: true, key: text } };
    let r = resolveScalar(text, true);
    if (r.tag === 'int' && short === 'float') r = { tag: 'float', value: Number(r.value) };
    if (r.tag !== short) {
      throw new GoYamlFailure(`cannot decode !!${r.tag} \`${text}\` as a ${shortTag(tag)}`);
    }
    if (r.tag === 'timestamp') return { value: text, key: { ok: true, key: text } };
    return this.resolved(r, text);
  }

  resolved(r: Resolved, text: string): Built {
    const key = keyOfResolved(r, text);
    switch (r.tag) {
      case 'null':
        return { value: null, key };
      case 'bool':
        return { value: r.value, key };
      case 'int':
        return {
          value: this.keepInts
            ? new GoInt(r.value, r.value > 2n ** 63n - 1n ? 'uint64' : 'int64')
            : Number(r.value),
          key,
        };
      case 'float':
        return { value: r.value, key };
      default:
        return { value: text, key };
    }
  }
}

/** endLine is the 0-based line of the end of a text (its number of newlines). */
function endLine(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 10) n++;
  return n;
}

function where(line: number): string {
  return line > 0 ? `line ${line}: ` : '';
}

/** enclosingKind guesses whether the block collection around (line, col) is a sequence or a mapping. */
function enclosingKind(lines: string[], line: number, col: number): 'seq' | 'map' {
  for (let l = line - 1; l >= 0; l--) {
    const t = lines[l]!;
    const s = t.trimStart();
    if (s === '' || s.startsWith('#')) continue;
    const ind = t.length - s.length;
    if (ind > col) continue;
    if (ind === col && /^-( |$)/.test(s)) return 'seq';
    if (ind < col && /^-( |$)/.test(s)) {
      // The entry's content starts after "- ": a mapping there when col is inside it.
      const inner = s.slice(1).trimStart();
      const innerCol = ind + (s.length - inner.length);
      if (innerCol <= col) return /^-( |$)/.test(inner) ? 'seq' : 'map';
      // A sequence at its key's column (`key:` then `- …`) has no `-` to expect: it just ends.
      return indentless(lines, l, ind) ? 'map' : 'seq';
    }
    return 'map';
  }
  return 'map';
}

/** dashAbove reports whether the nearest entry above line k at column col or left of it is a `- ` there. */
function dashAbove(lines: string[], k: number, col: number): boolean {
  for (let l = k - 1; l >= 0; l--) {
    const s = lines[l]!.trimStart();
    if (s === '' || s.startsWith('#')) continue;
    const ind = lines[l]!.length - s.length;
    if (ind > col) continue;
    return ind === col && /^-( |$)/.test(s);
  }
  return false;
}

/**
 * afterFlowKey is the part of a line a key's `:` would stand in: past the flow collection opening at
 * `col` when it closes on the line (nothing when it does not), else the whole line.
 */
function afterFlowKey(line: string, col: number): string {
  if (line[col] !== '[' && line[col] !== '{') return line;
  let depth = 0;
  for (let i = col; i < line.length; i++) {
    const c = line[i];
    if (c === '[' || c === '{') depth++;
    else if ((c === ']' || c === '}') && --depth === 0) return line.slice(i + 1);
  }
  return '';
}

/** bareLine is one line with its quoted scalars (one still open runs to the end) and comment blanked. */
function bareLine(t: string): string {
  return t
    .replace(/(?<=^|[\s[{,])(?:"(?:\\.|[^"\\])*(?:"|$)|'[^']*(?:'|$))/g, (q) => ' '.repeat(q.length))
    .replace(/(^|\s)#.*$/, '');
}

/** indentless reports whether the `-` entry on line l (column ind) belongs to a `key:` at the same column. */
function indentless(lines: string[], l: number, ind: number): boolean {
  for (let k = l - 1; k >= 0; k--) {
    const t = lines[k]!;
    const s = t.trimStart();
    if (s === '' || s.startsWith('#')) continue;
    const i = t.length - s.length;
    if (i > ind || (i === ind && /^-( |$)/.test(s))) continue;
    return i === ind && /:$/.test(s.replace(/\s+#.*$/, ''));
  }
  return false;
}

/**
 * eachBareChar calls `visit` for each character of text[0:upTo] outside quoted scalars and comments.
 * A quote opens a scalar at the start or after a character that `opensAfter` matches; `''` inside
 * single quotes and a backslash escape inside double quotes do not close it. With `quotes`, a quoted
 * scalar is visited once, as `'` at its opening quote.
 */
function eachBareChar(
  text: string,
  upTo: number,
  opensAfter: RegExp,
  visit: (c: string, i: number) => void,
  quotes = false,
): void {
  let q: string | undefined;
  for (let i = 0; i < upTo && i < text.length; i++) {
    const c = text[i]!;
    if (q) {
      if (c === q) {
        if (q === "'" && text[i + 1] === "'") i++;
        else q = undefined;
      } else if (c === '\\' && q === '"') i++;
      continue;
    }
    if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    if ((c === '"' || c === "'") && (i === 0 || opensAfter.test(text[i - 1]!))) {
      q = c;
      if (quotes) visit("'", i);
    } else visit(c, i);
  }
}

function unclosedBracket(text: string, upTo: number): string | undefined {
  const stack: string[] = [];
  eachBareChar(text, upTo, /[\s[{,:-]/, (c) => {
    if (c === '[' || c === '{') stack.push(c);
    else if ((c === ']' || c === '}') && stack.length) stack.pop();
  });
  return stack.at(-1);
}

function inUnclosedQuote(text: string, upTo: number): boolean {
  return unclosedQuoteStart(text, upTo) !== undefined;
}

/** unclosedQuoteStart is the offset of a quote opened before `upTo` and not closed there. */
function unclosedQuoteStart(text: string, upTo: number): number | undefined {
  let q: string | undefined;
  let start = 0;
  let closedAt = -2;
  let depth = 0;
  for (let i = 0; i < upTo && i < text.length; i++) {
    const c = text[i]!;
    if (q) {
      if (c === q) {
        if (q === "'" && text[i + 1] === "'") i++;
        else {
          q = undefined;
          closedAt = i;
        }
      } else if (c === '\\' && q === '"') i++;
      continue;
    }
    if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    // (A quote right after a closing one, or right after the end of a flow collection, starts the
    // next quoted scalar.)
    if ((c === '"' || c === "'") && (i === 0 || /[\s[{,]/.test(text[i - 1]!) || closedAt === i - 1)) {
      q = c;
      start = i;
    } else if ((c === '[' || c === '{') && (depth > 0 || i === 0 || /[\s[{,]/.test(text[i - 1]!))) {
      depth++;
    } else if ((c === ']' || c === '}') && depth > 0) {
      depth--;
      closedAt = i;
    }
  }
  return q === undefined ? undefined : start;
}

/** closingQuote finds where go-yaml ends a quoted scalar opened at `start` (it spans lines). */
function closingQuote(text: string, start: number): number | undefined {
  const q = text[start];
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i];
    if (q === '"' && c === '\\') i++;
    else if (c === q) {
      if (q === "'" && text[i + 1] === "'") i++;
      else return i;
    }
  }
  return undefined;
}

/**
 * tabInIndentation is go-yaml's message for a tab in the indentation of line k: a plain scalar
 * ending the line before reads on into the next line's blanks and rejects the tab there; after
 * anything else the scanner looks for a token and a tab cannot start one.
 */
function tabInIndentation(lines: string[], k: number): string {
  return plainBefore(lines, k)
    ? 'found a tab character that violates indentation'
    : 'found character that cannot start any token';
}

/** plainOwnerColumn is the column of the nearest `key:` above line k (a plain scalar continues right of it). */
function plainOwnerColumn(lines: string[], k: number): number {
  for (let l = k - 1; l >= 0; l--) {
    const t = lines[l]!;
    const m = /^([ \t]*(?:-[ \t]+)*)[^\s#][^#]*?:( |$)/.exec(t);
    if (m) return m[1]!.length;
  }
  return -1;
}

/** plainBefore reports whether the line before line k (blank lines aside) ends with a plain scalar. */
function plainBefore(lines: string[], k: number): boolean {
  let l = k - 1;
  while (l >= 0 && lines[l]!.trim() === '') l--;
  const t = l >= 0 ? lines[l]! : '';
  const unquoted = t.replace(/"(\\.|[^"\\])*"|'[^']*'/g, (q) => '_'.repeat(q.length - 1) + q.at(-1));
  const s = t.trim();
  const plainEnd =
    s !== '' &&
    !s.startsWith('#') &&
    !/(^|[ \t])#/.test(unquoted) &&
    !/(["'\]}[{,:]|(^|[ \t])[-?]|[|>][-+0-9]*)$/.test(s) &&
    !/^[*&!]/.test(s.split(/[ \t]+/).at(-1)!);
  return plainEnd;
}

/**
 * bareText is text with the content of quoted scalars and comments blanked (line breaks kept), so
 * that a pattern sees only YAML syntax: `'[Event,*,*]'` holds no alias.
 */
function bareText(text: string): string {
  const out = text.replace(/[^\n]/g, ' ').split('');
  eachBareChar(text, text.length, /[\s[{,]/, (c, i) => {
    out[i] = c;
  });
  return out.join('');
}

/**
 * flowKeyLine is the line of a flow collection still open at `upTo` that starts a line at the
 * column of an enclosing block entry (go-yaml's scanner then takes it for a required simple key),
 * if there is one.
 */
function flowKeyLine(text: string, lines: string[], upTo: number): number | undefined {
  let depth = 0;
  let opener = -1;
  eachBareChar(text, upTo, /[\s[{,]/, (c, i) => {
    if ((c === '[' || c === '{') && (depth > 0 || i === 0 || /[\s[{,]/.test(text[i - 1]!))) {
      if (depth === 0) opener = i;
      depth++;
    } else if ((c === ']' || c === '}') && depth > 0) depth--;
  });
  if (depth === 0 || opener < 0) return undefined;
  const line = lineAt(text, opener);
  const col = opener - (text.lastIndexOf('\n', opener - 1) + 1);
  if (lines[line]!.search(/\S/) !== col) return undefined;
  // (A document's root node has no enclosing entry: its key is never required.)
  if (!ancestorColumns(lines, line).includes(col)) return undefined;
  return line;
}

/**
 * withoutBlockBodies is text with the bodies of block scalars blanked (offsets kept): after a line
 * ending in a `|` or `>` header, the blank lines and those indented deeper than it. Their content
 * (`{{- toYaml … }}`, shell, JSON) is no YAML syntax.
 */
function withoutBlockBodies(text: string): string {
  if (!/[|>]/.test(text)) return text;
  const lines = text.split('\n');
  for (let k = 0; k < lines.length; k++) {
    if (!/(^|[\s:-])[|>][-+0-9]*[ \t]*(#.*)?$/.test(lines[k]!)) continue;
    const indent = lines[k]!.search(/\S/);
    while (k + 1 < lines.length && (lines[k + 1]!.trim() === '' || lines[k + 1]!.search(/\S/) > indent)) {
      k++;
      lines[k] = ' '.repeat(lines[k]!.length);
    }
  }
  return lines.join('\n');
}

/**
 * spannedFlowKey is the offset of the first `:` in a flow mapping, before `upTo`, whose key is a plain
 * scalar spread over lines: go-yaml takes no simple key across a line break, so the `:` comes where
 * the mapping wants `,` or `}`.
 */
function spannedFlowKey(source: string, upTo: number): number | undefined {
  const text = withoutBlockBodies(source);
  const stack: string[] = [];
  let token = -1;
  let found: number | undefined;
  eachBareChar(text, upTo, /[\s[{,]/, (c, i) => {
    if (found !== undefined) return;
    if ((c === '[' || c === '{') && (stack.length > 0 || i === 0 || /[\s[{,]/.test(text[i - 1]!))) {
      stack.push(c);
      token = -1;
    } else if (stack.length === 0) {
      return;
    } else if (c === ']' || c === '}') {
      stack.pop();
      token = -1;
    } else if (c === ',') token = -1;
    else if (c === ':' && /^[\s,[\]{}]?$/.test(text[i + 1] ?? '')) {
      if (stack.at(-1) === '{' && token >= 0 && text.slice(token, i).includes('\n')) found = i;
      token = -1;
    } else if (!/\s/.test(c) && token < 0) token = i;
  });
  return found;
}

/** lastToken is the last character of text outside comments, a quoted scalar counting as `'`. */
function lastToken(source: string): string {
  let last = '';
  const text = withoutBlockBodies(source);
  eachBareChar(
    text,
    text.length,
    /[\s[{,]/,
    (c) => {
      if (!/\s/.test(c)) last = c;
    },
    true,
  );
  return last;
}

/**
 * flowBlockEntry is the offset of the first `- ` inside a flow collection where a node belongs (after
 * `[`, `{`, `,` or `:`), before `upTo`: go-yaml scans it as a block entry and its parser, wanting a
 * node there, fails.
 */
function flowBlockEntry(source: string, upTo: number): number | undefined {
  const text = withoutBlockBodies(source);
  let depth = 0;
  let last = '';
  let opener = -1;
  let found: number | undefined;
  eachBareChar(text, upTo, /[\s[{,]/, (c, i) => {
    if (found !== undefined || /\s/.test(c)) return;
    if ((c === '[' || c === '{') && (depth > 0 || i === 0 || /[\s[{,]/.test(text[i - 1]!))) {
      if (depth++ === 0) opener = i;
    } else if ((c === ']' || c === '}') && depth > 0) depth--;
    else if (c === '-' && depth > 0 && /[[{,:]/.test(last) && /^[ \t\r\n]?$/.test(text[i + 1] ?? ''))
      found = i;
    last = c;
  });
  if (found === undefined) return undefined;
  // A collection starting a line dedented to no enclosing entry's column fails there first.
  const lines = text.split('\n');
  const line = lineAt(text, opener);
  const col = opener - (text.lastIndexOf('\n', opener - 1) + 1);
  let prev = line - 1;
  while (prev >= 0 && /^\s*(#|$)/.test(lines[prev]!)) prev--;
  const prevIndent = prev < 0 ? 0 : lines[prev]!.search(/\S/);
  if (lines[line]!.search(/\S/) === col && col < prevIndent && !ancestorColumns(lines, line).includes(col))
    return undefined;
  return found;
}

/** flowCollectionEnd is the offset past the bracket closing the flow collection opened at `start`. */
function flowCollectionEnd(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"' || c === "'") {
      const close = /[\s[{,:]/.test(text[i - 1] ?? ' ') ? closingQuote(text, i) : undefined;
      if (close !== undefined) i = close;
    } else if (c === '#' && /\s/.test(text[i - 1] ?? ' ')) {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return text.length;
}

/** ancestorColumns lists the columns of the block entries still open at line `line`. */
function ancestorColumns(lines: string[], line: number): number[] {
  const cols: number[] = [];
  let min = Number.POSITIVE_INFINITY;
  for (let k = line - 1; k >= 0 && min > 0; k--) {
    const t = lines[k]!;
    const s = t.trimStart();
    if (s === '' || s.startsWith('#')) continue;
    const ind = t.length - s.length;
    if (ind >= min) continue;
    min = ind;
    cols.push(ind);
    // `- key:` opens a mapping at the key's column inside the sequence entry.
    const inner = /^(-[ \t]+)+/.exec(s);
    if (inner) cols.push(ind + inner[0].length);
  }
  return cols;
}

/**
 * staleKeyLine is the 0-based line at which go-yaml gives up a required simple key that starts
 * line `keyLine` and has no `:` on it. The scanner judges a key stale when, asked for the next
 * token, its position has moved past the key's line: a plain scalar ending the line (no comment
 * after it) reads on through the line break to the next non-blank line, comment lines included;
 * any other last token (a quoted scalar, alias, flow indicator, or a scalar followed by a comment)
 * leaves the position on the line, and the next token after blank and comment lines decides.
 */
function staleKeyLine(text: string, lines: string[], keyLine: number, eofToken: number): number {
  let pos = lines.slice(0, keyLine).reduce((n, x) => n + x.length + 1, 0);
  let flow = 0;
  let plainEnd = false;
  const blank = (c: string | undefined) =>
    c === undefined || c === ' ' || c === '\t' || c === '\n' || c === '\r';
  const flowIndicator = (c: string | undefined) => c !== undefined && ',[]{}'.includes(c);
  // The tokens from the key to the end of its line (or of a quoted scalar that runs past it).
  for (;;) {
    while (text[pos] === ' ' || text[pos] === '\t') pos++;
    const c = text[pos];
    if (c === undefined || c === '\n' || c === '\r' || c === '#') {
      if (c === '#') plainEnd = false;
      break;
    }
    plainEnd = false;
    if (c === '"' || c === "'") {
      const close = closingQuote(text, pos);
      if (close === undefined) return eofToken;
      // Past its closing quote the scanner stands on a later line: the key is stale there.
      if (lineAt(text, close) > keyLine) return lineAt(text, close);
      pos = close + 1;
    } else if (c === '[' || c === '{') {
      flow++;
      pos++;
    } else if (c === ']' || c === '}') {
      flow = Math.max(0, flow - 1);
      pos++;
    } else if (c === ',' && flow > 0) {
      pos++;
    } else if (c === '*' || c === '&' || c === '!') {
      while (!blank(text[pos]) && !(flow > 0 && flowIndicator(text[pos]))) pos++;
    } else if ((c === '-' || c === '?' || c === ':') && blank(text[pos + 1])) {
      pos++;
    } else {
      // A plain scalar: up to `: `, ` #`, the line's end (or a flow indicator inside a flow).
      pos++;
      for (;;) {
        const d = text[pos];
        if (d === undefined || d === '\n' || d === '\r') {
          plainEnd = true;
          break;
        }
        if (d === ':' && (blank(text[pos + 1]) || (flow > 0 && flowIndicator(text[pos + 1])))) break;
        if (d === '#' && blank(text[pos - 1])) break;
        if (flow > 0 && flowIndicator(d)) break;
        pos++;
      }
    }
  }
  const nextLine = (from: number, comments: boolean): number => {
    for (let k = from + 1; k < lines.length; k++) {
      const t = lines[k]!.trim();
      if (t === '' || (!comments && t.startsWith('#'))) continue;
      return k;
    }
    return eofToken;
  };
  if (plainEnd && flow === 0) {
    // The plain scalar runs on over lines indented deeper than the key (a comment line ends it);
    // where a `: ` or ` #` stops it on such a line, the scanner stands there.
    const keyCol = lines[keyLine]!.search(/\S/);
    let last = lineAt(text, pos);
    for (;;) {
      const k = nextLine(last, true);
      if (k >= lines.length) break;
      const raw = lines[k]!;
      if (raw.search(/\S/) <= keyCol || raw.trim().startsWith('#')) break;
      if (/: |:$| #/.test(bareLine(raw))) return k;
      last = k;
    }
    return nextLine(last, true);
  }
  const k = nextLine(lineAt(text, pos), plainEnd);
  if (plainEnd || k >= lines.length) return k;
  // The next token is scanned before the check: a plain scalar filling its line moves on too.
  const t = lines[k]!.trimStart();
  const stop = flow > 0 ? /: |:$| #|[,[\]{}]/ : /: |:$| #/;
  if (/^([^-?:,[\]{}#&*!|>'"%@`\s]|[-?:][^\s])/.test(t) && !stop.test(t)) return nextLine(k, true);
  return k;
}

/**
 * blankBlockScalars is text with the content lines of its block scalars (`key: |` and the lines
 * indented below it) turned into blanks, line breaks and lengths kept: go-yaml's scanner reads that
 * content as text, so a `&`, a quote or a bracket in it is no YAML syntax for the error rules below.
 * tabLine is the first line where a tab stands in a block scalar's indentation (a scanner error).
 */
function blankBlockScalars(text: string): { text: string; tabLine: number | undefined } {
  const lines = text.split('\n');
  const starts: number[] = [];
  for (let k = 0, at = 0; k < lines.length; at += lines[k]!.length + 1, k++) starts.push(at);
  let changed = false;
  let tabLine: number | undefined;
  for (let k = 0; k < lines.length; k++) {
    const bare = lines[k]!.replace(/"(\\.|[^"\\])*"|'[^']*'/g, (q) => '"'.repeat(q.length)).replace(
      /[ \t]+#.*$/,
      '',
    );
    const m =
      /^( *)((?:-[ \t]+)*)(?:([^\s#].*?:)[ \t]+)?(?:[&!]\S*[ \t]+)*[|>]([1-9][-+]?|[-+][1-9]?)?\r?$/.exec(
        bare,
      );
    if (!m || inUnclosedQuote(text, starts[k]!)) continue;
    // The block's parent is the key's column, else the last `- `'s; a header alone on its line
    // belongs to the entry above it.
    const dashes = m[2]!;
    const parent = m[3]
      ? m[1]!.length + dashes.length
      : dashes
        ? m[1]!.length + dashes.trimEnd().lastIndexOf('-')
        : m[1]!.length - 1;
    const digit = /[1-9]/.exec(m[4] ?? '')?.[0];
    // Content is indented by the indicator, else as deep as its first non-blank line (deeper than
    // the parent); the first line indented less ends it.
    let indent = digit ? Math.max(parent, 0) + Number(digit) : -1;
    let end = k + 1;
    for (; end < lines.length; end++) {
      const l = lines[end]!;
      if (/^ *\r?$/.test(l)) continue;
      const lead = l.search(/[^ ]/);
      // A tab where the indentation is still being read fails in the scanner, whatever follows.
      if (l[lead] === '\t' && (indent < 0 || lead < indent)) {
        tabLine ??= end;
        break;
      }
      if (indent < 0) indent = Math.max(lead, parent + 1, 1);
      if (lead < indent) break;
    }
    for (let c = k + 1; c < end; c++) {
      if (lines[c]!.trim() !== '') {
        lines[c] = ' '.repeat(lines[c]!.length);
        changed = true;
      }
    }
    k = end - 1;
  }
  return { text: changed ? lines.join('\n') : text, tabLine };
}

/**
 * goSyntaxMessage rewrites a js-yaml syntax error into go-yaml's message (`yaml: line N: …`).
 * go-yaml reports scanner errors at the 1-based line of the problem and parser errors at the
 * 0-based one, and omits the line when it is 0; a document's end counts as one more line.
 */
function goSyntaxMessage(
  text: string,
  reason: string,
  line: number,
  col: number,
  pos: number,
): [string, number] {
  const blanked = blankBlockScalars(text);
  text = blanked.text;
  const lines = text.split('\n');
  const { tabLine } = blanked;
  if (tabLine !== undefined && tabLine <= line) {
    return [
      `yaml: ${where(tabLine + 1)}found a tab character where an indentation space is expected`,
      tabLine,
    ];
  }
  const eof = endLine(text);
  // The stream-end token sits on a new line when the text does not end with one.
  const eofToken = eof + (text === '' || text.endsWith('\n') ? 0 : 1);
  const ch = text[pos];
  const scanner = (msg: string, l: number): [string, number] => [
    `yaml: ${where(l === 0 ? 0 : l + 1)}${msg}`,
    l,
  ];
  const parser = (msg: string, l: number): [string, number] => [`yaml: ${where(l)}${msg}`, l];
  // A line inside a quoted scalar that starts with `: ` is content, not an empty key.
  const lineStart = (k: number) => lines.slice(0, k).reduce((n, l) => n + l.length + 1, 0);
  const emptyKey = lines.findIndex(
    (_, k) => k <= line && emptyKeyLine(lines, k) && !inUnclosedQuote(text, lineStart(k)),
  );
  if (emptyKey >= 0) return parser('did not find expected key', emptyKey);
  const lineEnd = text.indexOf('\n', pos) < 0 ? text.length : text.indexOf('\n', pos);
  const tabAfter = lines.findIndex((l, k) => k <= line && (/^ *(- *)*[-?]\t/.test(l) || /^ *:\t/.test(l)));
  if (tabAfter >= 0) return scanner('found character that cannot start any token', tabAfter);
  const anchored = /^&[A-Za-z0-9_-]+: +(\S[^#]*?)\s*$/m.exec(text.slice(0, lineEnd));
  if (anchored) {
    const r = resolveScalar(anchored[1]!);
    const v =
      r.tag === 'str'
        ? quoteString(anchored[1]!)
        : r.tag === 'null'
          ? '<nil>'
          : r.tag === 'bool' || r.tag === 'int' || r.tag === 'float'
            ? String(r.value)
            : anchored[1]!;
    return [`unsupported map key of type: %!s(<nil>), key: <nil>, value: ${v}`, line];
  }
  const header = lines.findIndex(
    (l, k) =>
      k <= line &&
      /(^\s*|: |- )[|>][-+0-9]*(?:[ \t]+[^ \t#\r]|[^-+0-9 \t#\r])/.test(
        l.replace(/"(\\.|[^"\\])*"|'[^']*'/g, '""').replace(/\s+#.*$/, ''),
      ),
  );
  const tabbed = lines.findIndex((l, k) => k <= line && /^ *\t/.test(l));
  if (tabbed >= 0 && tabbed <= line) {
    const msg = tabInIndentation(lines, tabbed);
    if (msg.startsWith('found character')) return scanner(msg, tabbed);
  }
  if (header >= 0) return scanner('did not find expected comment or line break', header);
  const openQuote = unclosedQuoteStart(text, lineEnd);
  if (openQuote !== undefined && closingQuote(text, openQuote) === undefined) {
    // A quote right after a closing one continues a chain of quoted scalars; when the chain's first
    // one stands at a key position and spans lines, the scanner gives that key up where it closes.
    let first = openQuote;
    for (;;) {
      const prev = text[first - 1];
      if (prev !== '"' && prev !== "'") break;
      const opener = unclosedQuoteStart(text, first - 1);
      if (opener === undefined || closingQuote(text, opener) !== first - 1) break;
      first = opener;
    }
    const firstLine = lineAt(text, first);
    const firstCol = first - lineStart(firstLine);
    if (
      first !== openQuote &&
      lines[firstLine]!.search(/\S/) === firstCol &&
      ancestorColumns(lines, firstLine).includes(firstCol) &&
      lineAt(text, closingQuote(text, first)!) > firstLine
    ) {
      return scanner("could not find expected ':'", lineAt(text, closingQuote(text, first)!));
    }
    // A quote go-yaml never sees closed runs to the end of the input.
    return scanner('found unexpected end of stream', eof);
  }
  if (/quoted scalar/.test(reason) || (reason === 'deficient indentation' && inUnclosedQuote(text, pos))) {
    const open = unclosedQuoteStart(text, reason === 'deficient indentation' ? pos : text.length);
    const close = open === undefined ? undefined : closingQuote(text, open);
    if (close !== undefined) {
      // The quoted scalar runs on to the next quote; what follows it there is no key.
      const rest = text.slice(
        close + 1,
        text.indexOf('\n', close) < 0 ? text.length : text.indexOf('\n', close),
      );
      if (rest.trim() !== '' && !rest.trim().startsWith('#')) {
        return parser('did not find expected key', text.slice(0, close).split('\n').length - 1);
      }
    }
    return scanner('found unexpected end of stream', eof);
  }
  if ((ch === ']' || ch === '}') && /[[{,]\s*$/.test(text.slice(0, pos))) {
    return parser('did not find expected node content', line);
  }
  // An anchor or alias name is letters, digits, `_` and `-`, ended by a blank, a line break or
  // one of `?:,]}%@\``; anything else right after it (such as `#`) stops go-yaml's scanner there.
  // A `[` or `{` inside a plain scalar (a JSONPath such as `.items[*].name`) is no flow indicator.
  const badName =
    /(^[ \t]*|: |- |(?<=^|[\s[{,])[[{][ \t]*|,[ \t]*)[&*](?:(?![A-Za-z0-9_-])|[A-Za-z0-9_-]+(?![A-Za-z0-9_\-\s?:,\]}%@`]|$))/m.exec(
      bareText(text.slice(0, text.indexOf('\n', pos) < 0 ? text.length : text.indexOf('\n', pos))),
    );
  /** misindented is the error of a line indented between two enclosing entries, if it is one. */
  const misindented = (): [string, number] | undefined => {
    const lineCol = (lines[line] ?? '').search(/\S/);
    if (lineCol >= 0 && line > 0 && !ancestorColumns(lines, line).includes(lineCol)) {
      const prevIndent = (() => {
        for (let k = line - 1; k >= 0; k--) {
          const t = lines[k]!.trimStart();
          if (t !== '' && !t.startsWith('#')) return lines[k]!.length - t.length;
        }
        return 0;
      })();
      const startsBadly = /[@`]/.test(lines[line]![lineCol]!);
      if (lineCol < prevIndent && startsBadly) {
        return scanner('found character that cannot start any token', line);
      }
      // (A line after a plain scalar may continue it instead.)
      const continues = plainBefore(lines, line) && lineCol > plainOwnerColumn(lines, line);
      if (lineCol < prevIndent && !continues && !inUnclosedQuote(text, lineStart(line))) {
        // An entry indented between two enclosing ones belongs to neither: the parser meets it
        // (before any alias in it is looked up).
        const kind = enclosingKind(lines, line, lineCol);
        return parser(
          kind === 'seq' ? "did not find expected '-' indicator" : 'did not find expected key',
          line,
        );
      }
    }
    return undefined;
  };
  if (badName) {
    const at = text.slice(0, badName.index + badName[0].length).split('\n').length - 1;
    // A line indented between two entries fails in the parser before its alias name is scanned.
    const sigil = badName.index + badName[1]!.length;
    const firstToken = lineStart(line) + (lines[line] ?? '').search(/\S/);
    if (at === line && sigil > firstToken && misindented()) return misindented()!;
  }
  if (badName)
    return scanner(
      'did not find expected alphabetic or numeric character',
      text.slice(0, badName.index + badName[0].length).split('\n').length - 1,
    );
  const bracket = unclosedBracket(text, text.length);
  const flowKey = flowKeyLine(text, lines, pos);
  if (flowKey !== undefined && (/flow collection|missed comma/.test(reason) || bracket)) {
    // The flow collection stands where a key of the block mapping belongs (the scanner's required
    // simple key) and no `:` follows it on its line: the scanner gives the key up first.
    return scanner("could not find expected ':'", staleKeyLine(text, lines, flowKey, eofToken));
  }
  const dash = flowBlockEntry(text, text.indexOf('\n', pos) < 0 ? text.length : text.indexOf('\n', pos));
  // (A flow collection opened on a line indented between two entries fails there first.)
  if (dash !== undefined && !misindented())
    return parser('did not find expected node content', lineAt(text, dash));
  const inFlow =
    /flow collection|missed comma/.test(reason) ||
    (reason === 'deficient indentation' && (bracket ?? unclosedBracket(text, pos)) !== undefined);
  const spanned = inFlow
    ? spannedFlowKey(text, text.indexOf('\n', pos) < 0 ? text.length : text.indexOf('\n', pos))
    : undefined;
  if (spanned !== undefined) return parser("did not find expected ',' or '}'", lineAt(text, spanned));
  if (/flow collection/.test(reason) || (reason === 'deficient indentation' && bracket)) {
    const atEnd = !reason.startsWith('missed comma');
    const b = (atEnd ? bracket : unclosedBracket(text, pos)) ?? '[';
    const msg = `did not find expected ',' or '${b === '[' ? ']' : '}'}'`;
    if (atEnd && /[[{,:]/.test(lastToken(text))) {
      // The stream ends where the collection wants a node.
      return parser('did not find expected node content', eofToken);
    }
    if (atEnd) {
      // go-yaml keeps scanning flow content to the end; a `key:` on a later line stops it first.
      let open = 0;
      while (
        open < lines.length &&
        !unclosedBracket(lines.slice(0, open + 1).join('\n'), Number.POSITIVE_INFINITY)
      )
        open++;
      for (let l = open + 1; l < lines.length; l++) {
        if (/:( |$)/.test(lines[l]!)) return parser(msg, l);
      }
      return parser(msg, eofToken);
    }
    return parser(msg, line);
  }
  if (/tab characters/.test(reason)) {
    return scanner(tabInIndentation(lines, line), line);
  }
  const before = lines[line]?.slice(0, col) ?? '';
  if (ch === '-' && /^[ \t\r\n]?$/.test(text[pos + 1] ?? '') && before.trim() !== '') {
    return scanner('block sequence entries are not allowed in this context', line);
  }
  if (/name of an (alias|anchor) node/.test(reason)) {
    return scanner('did not find expected alphabetic or numeric character', line);
  }
  if (/expected ':'|multiline key/.test(reason)) {
    // `*name:` is an alias key to go-yaml (its names end before a `:`), which the parser looks up.
    if (/^[ \t]*(?:-[ \t]+)*\*[A-Za-z0-9_-]+:(?:[ \t]|$)/.test(lines[line] ?? '')) {
      const alias = unknownAlias(text, lineEnd);
      if (alias !== undefined) return [`yaml: unknown anchor '${alias}' referenced`, line];
    }
    // The key stands alone on its line: go-yaml notices at the next token (or the end).
    let keyLine = line;
    if (!reason.startsWith('expected')) {
      // js-yaml read the key and the lines after it as one multi-line scalar: the key is the
      // first line at the error's indentation after the last `key:` line there.
      const ind = (t: string) => t.length - t.trimStart().length;
      // (When js-yaml stops on a blank or comment line, the key's line is the code line above it.)
      let code = line;
      while (code > 0 && /^\s*(#|$)/.test(lines[code] ?? '')) code--;
      // The key is at the least indentation of the scalar's lines (its later lines may be indented
      // more), which run back to the last `key:` line.
      let at = ind(lines[code] ?? '');
      for (let k = code; k >= 0; k--) {
        const t = lines[k]!;
        if (t.trim() === '' || t.trimStart().startsWith('#')) continue;
        if (/:( |$)/.test(t)) break;
        at = Math.min(at, ind(t));
      }
      keyLine = line - 1;
      for (let k = line - 1; k >= 0; k--) {
        const t = lines[k]!;
        if (t.trim() === '' || t.trimStart().startsWith('#') || ind(t) !== at) continue;
        if (/:( |$)/.test(t)) break;
        if (!/^\s*-( |$)/.test(t)) keyLine = k;
      }
    }
    // A quoted scalar starting a line and still open on the error line is the key.
    const open = unclosedQuoteStart(text, lineStart(line));
    if (open !== undefined && text.slice(text.lastIndexOf('\n', open - 1) + 1, open).trim() === '') {
      keyLine = lineAt(text, open);
    }
    let prevRaw = '';
    for (let k = keyLine - 1; k >= 0 && prevRaw.trim() === ''; k--)
      prevRaw = lines[k]!.replace(/(^|\s)#.*$/, '');
    const keyCol = lines[keyLine]!.search(/\S/);
    const valueOfPrev = /:\s*$/.test(prevRaw) && keyCol >= prevRaw.search(/[^\s-]/);
    if (/^\s*(\[\s*\]|\{\s*\})/.test(text.slice(lineStart(keyLine))) && !valueOfPrev) {
      // Go (yaml.v2): an empty flow collection where a key belongs never becomes a key; the parser
      // meets it (a complete entry comes before it, so it is no value either).
      const kind = enclosingKind(lines, keyLine, keyCol);
      return parser(
        kind === 'seq' ? "did not find expected '-' indicator" : 'did not find expected key',
        keyLine,
      );
    }
    return scanner("could not find expected ':'", staleKeyLine(text, lines, keyLine, eofToken));
  }
  const dedented = misindented();
  if (dedented) return dedented;
  const alias = unknownAlias(text, pos);
  if (alias !== undefined) return [`yaml: unknown anchor '${alias}' referenced`, line];
  if ((ch === ',' || ch === ']' || ch === '}') && /[[{,]\s*$/.test(text.slice(0, pos))) {
    return parser('did not find expected node content', line);
  }
  if ((ch === ',' || ch === ']' || ch === '}') && unclosedBracket(text, pos) === undefined) {
    // A flow indicator where a node should be: in value position it is "node content", at a key
    // (or entry) position the usual key / `-` messages below apply.
    let prev = '';
    let prevKeyCol = 0;
    for (let l = line - 1; l >= 0; l--) {
      const t = lines[l]!.replace(/\s+#.*$/, '').trim();
      if (t !== '' && !t.startsWith('#')) {
        prev = t;
        // The column of the entry the line opens: its key, or its `-` when it has no content.
        const raw = lines[l]!;
        prevKeyCol = t.endsWith(':')
          ? raw.search(/[^\s-]/)
          : raw.lastIndexOf('-', raw.search(/\S/) + t.length);
        break;
      }
    }
    // A line starting left of that entry ends it (and maybe its parents): that is a key position.
    const valuePosition =
      /(^|:|-)\s*$/.test(before) &&
      (before.trim() !== '' || prev === '' || (/[:-]$/.test(prev) && col >= prevKeyCol));
    if (valuePosition) return parser('did not find expected node content', line);
  }
  if (ch === '%' && col === 0 && !/[0-9A-Za-z_-]/.test(text[pos + 1] ?? '')) {
    return scanner('could not find expected directive name', line);
  }
  if (
    (ch === ']' || ch === '}') &&
    lines.slice(0, line).every((l) => l.trim() === '' || l.trim().startsWith('#'))
  ) {
    return parser('did not find expected node content', line);
  }
  if (ch === '@' || ch === '`' || (ch === '%' && col > 0)) {
    return scanner('found character that cannot start any token', line);
  }
  if (/directives end mark/.test(reason)) return parser('did not find expected <document start>', line);
  const lineText = lines[line] ?? '';
  const first = lineText.search(/\S/);
  if (ch === ':' && lineText[first] === ':' && /[^\s]/.test(lineText[first + 1] ?? ' ')) {
    // `:x` starts a plain scalar; on a line indented between two enclosing entries it is no key
    // of either (and at an entry's column, a key without `:` after it).
    if (!ancestorColumns(lines, line).includes(first)) {
      const kind = enclosingKind(lines, line, first);
      return parser(
        kind === 'seq' ? "did not find expected '-' indicator" : 'did not find expected key',
        line,
      );
    }
  }
  if (ch === ':') return scanner('mapping values are not allowed in this context', line);
  let kind = enclosingKind(lines, line, col);
  const quoteOpen = unclosedQuoteStart(text, lineStart(line));
  if (quoteOpen !== undefined && (closingQuote(text, quoteOpen) ?? text.length) < pos) {
    // A quoted scalar from an earlier line ended just before: its own entry decides.
    const before = text.slice(text.lastIndexOf('\n', quoteOpen - 1) + 1, quoteOpen);
    kind = /^[ \t]*(-[ \t]+)+$/.test(before) ? 'seq' : 'map';
  }
  // (Go, yaml.v2: an empty flow collection never becomes a key; the parser meets it.)
  const emptyFlow = /^\s*(\[\s*\]|\{\s*\})/.test(lineText);
  if (
    kind === 'seq' &&
    first >= 0 &&
    !emptyFlow &&
    dashAbove(lines, line, first) &&
    !/:( |\t|$)/.test(bareLine(afterFlowKey(lineText, first)))
  ) {
    // A scalar at the column of the sequence's `-` (a forgotten `- `) stands where the scanner
    // requires a simple key; no `:` follows on its line, so the scanner gives it up before the
    // parser could miss the `-`.
    return scanner("could not find expected ':'", staleKeyLine(text, lines, line, eofToken));
  }
  return parser(kind === 'seq' ? "did not find expected '-' indicator" : 'did not find expected key', line);
}

interface JsYamlError {
  reason: string;
  mark?: { line: number; column: number; position: number };
}

function isJsYamlError(e: unknown): e is JsYamlError {
  return (
    typeof e === 'object' && e !== null && 'reason' in e && typeof (e as JsYamlError).reason === 'string'
  );
}

/** firstDocumentEnd finds where go-yaml's first document ends before an error on `errLine`, if it does. */
function firstDocumentEnd(text: string, errLine: number): number | undefined {
  const lines = text.split('\n');
  const scalarEnd = rootScalarEnd(lines);
  if (scalarEnd !== undefined) return scalarEnd;
  const flowEnd = rootFlowEnd(text);
  if (flowEnd !== undefined && flowEnd < text.length) return flowEnd;
  let offset = 0;
  let rootCol = -1;
  let sawContent = false;
  for (let l = 0; l < lines.length && l <= errLine; l++) {
    const t = lines[l]!;
    const s = t.trimStart();
    const blank = s === '' || s.startsWith('#');
    if (/^(---|\.\.\.)([ \t]|$)/.test(t)) {
      if (sawContent && l > 0) return offset;
    } else if (!blank) {
      const col = t.length - s.length;
      if (rootCol < 0) rootCol = col;
      else if (col < rootCol && l > 0) return offset;
      sawContent = true;
    }
    offset += t.length + 1;
  }
  return undefined;
}

/** rootFlowEnd is the offset just past a document's root flow collection (`{…}` or `[…]`), if it has one. */
function rootFlowEnd(text: string): number | undefined {
  const m = /^(?:[ \t]*(?:#[^\n]*)?\n|---[ \t]*\n)*[ \t]*[[{]/.exec(text);
  if (!m) return undefined;
  let depth = 0;
  let q: string | undefined;
  for (let i = m[0].length - 1; i < text.length; i++) {
    const c = text[i]!;
    if (q) {
      if (q === '"' && c === '\\') i++;
      else if (c === q) {
        if (q === "'" && text[i + 1] === "'") i++;
        else q = undefined;
      }
      continue;
    }
    if ((c === '"' || c === "'") && /[\s[{,:]/.test(text[i - 1] ?? ' ')) q = c;
    else if (c === '#' && /\s/.test(text[i - 1] ?? ' ')) while (i < text.length && text[i] !== '\n') i++;
    else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return undefined;
}

/**
 * rootScalarEnd finds where a document whose root is a plain multi-line scalar ends at a comment
 * line (go-yaml then stops reading), before any `key:` would turn it into an error.
 */
function rootScalarEnd(lines: string[]): number | undefined {
  let offset = 0;
  let started = false;
  for (const l of lines) {
    const t = l.trim();
    if (!started) {
      if (t === '' || t.startsWith('#') || /^(---|%)/.test(l)) {
        offset += l.length + 1;
        continue;
      }
      if (/^[,[\]{}#&*!|>'"%@`]|^[-?:]( |$)/.test(t) || /:( |$)/.test(t) || / #/.test(t)) return undefined;
      started = true;
    } else {
      if (t.startsWith('#')) return offset;
      if (/:( |$)/.test(t) || / #/.test(t) || /^(---|\.\.\.)/.test(l)) return undefined;
    }
    offset += l.length + 1;
  }
  return undefined;
}

/** unknownAlias finds an alias before `upTo` whose anchor is not defined before it. */
function unknownAlias(source: string, upTo: number): string | undefined {
  const text = bareText(source);
  const re = /(^[ \t]*|: |- |[[{,][ \t]*)\*([A-Za-z0-9_-]+)/gm;
  for (let m = re.exec(text); m && m.index < upTo; m = re.exec(text)) {
    const name = m[2]!;
    const at = m.index + m[0].length;
    if (!new RegExp(`&${name}(?![A-Za-z0-9_-])`).test(text.slice(0, at))) return name;
  }
  return undefined;
}

/**
 * lenientSource rewrites what go-yaml accepts and js-yaml rejects, without changing the meaning
 * or the line numbers: lines that continue a flow collection are indented past their block
 * parent, tabs between flow tokens become spaces, and `\'` in double quotes becomes `'`.
 * Block scalar bodies and comments are left alone.
 */
export function lenientSource(text: string): string {
  if (!/[[{"'\t]|[|>][-+0-9]*#|^ *[|>]/m.test(text)) return text;
  const lines = text.split('\n');
  let depth = 0;
  let q: string | undefined;
  let flowIndent = 0;
  let quoteIndent = 0;
  let blockIndent = -1;
  let changed = false;
  let lastKey = '';
  for (let k = 0; k < lines.length; k++) {
    let l = lines[k]!;
    const ind = l.length - l.replace(/^ +/, '').length;
    if (blockIndent >= 0) {
      if (l.trim() === '' || ind > blockIndent) continue;
      blockIndent = -1;
    }
    if (
      depth === 0 &&
      !q &&
      /^ *[|>][-+0-9]*([ \t#]|$)/.test(l) &&
      /:$/.test(lastKey) &&
      /^[ \t]*(-[ \t]+)*/.exec(lastKey)![0].length === ind
    ) {
      // go-yaml takes a block scalar at its key's column as the key's value; js-yaml wants it
      // indented (its body's indentation is its own either way).
      l = ` ${l}`;
      changed = true;
    } else if (l.trim() === '') {
      // Blank lines need no indentation (and keep the text's end where it was).
    } else if (depth > 0 && !q && ind <= flowIndent) {
      l = ' '.repeat(flowIndent + 1 - ind) + l;
      changed = true;
    } else if (q && ind <= quoteIndent) {
      // A quoted scalar's continuation lines lose their leading blanks anyway.
      l = ' '.repeat(quoteIndent + 1 - ind) + l;
      changed = true;
    }
    let out = '';
    for (let i = 0; i < l.length; i++) {
      const c = l[i]!;
      const prev = i === 0 ? ' ' : l[i - 1]!;
      if (q) {
        if (q === '"' && c === '\\') {
          if (l[i + 1] === "'") {
            out += "'";
            i++;
            changed = true;
            continue;
          }
          out += c + (l[i + 1] ?? '');
          i++;
          continue;
        }
        if (c === q) {
          if (q === "'" && l[i + 1] === "'") {
            out += "''";
            i++;
            continue;
          }
          q = undefined;
          if (l[i + 1] === '#') {
            // go-yaml starts a comment at `#` right after a quoted scalar; js-yaml wants a space.
            out += `${c} ${l.slice(i + 1)}`;
            changed = true;
            break;
          }
        }
        out += c;
        continue;
      }
      if (c === '#' && /[ \t]/.test(prev)) {
        out += l.slice(i);
        break;
      }
      const tokenStart = /[ \t[{,:-]/.test(prev) || i === 0;
      if ((c === '"' || c === "'") && tokenStart) {
        q = c;
        quoteIndent = ind;
      } else if ((c === '[' || c === '{') && (tokenStart || depth > 0)) {
        if (depth === 0) flowIndent = ind;
        depth++;
        if (l[i + 1] === '#') {
          // In go-yaml a `#` right after a flow indicator starts a comment too.
          out += `${c} ${l.slice(i + 1)}`;
          changed = true;
          break;
        }
      } else if (c === ',' && depth > 0 && l[i + 1] === '#') {
        out += `, ${l.slice(i + 1)}`;
        changed = true;
        break;
      } else if ((c === ']' || c === '}') && depth > 0) {
        depth--;
        if (l[i + 1] === '#') {
          // go-yaml starts a comment at `#` right after a flow collection too.
          out += `${c} ${l.slice(i + 1)}`;
          changed = true;
          break;
        }
      } else if (c === '\t' && (depth > 0 || /:[ \t]*$/.test(out))) {
        out += ' ';
        changed = true;
        continue;
      }
      out += c;
    }
    const header = /(^[ \t]*|[ \t]|:|-)([|>][-+0-9]*)#/.exec(out.replace(/"(\\.|[^"\\])*"|'[^']*'/g, '""'));
    if (
      depth === 0 &&
      !q &&
      header &&
      /^[ \t]*$|: $|- $/.test(out.slice(0, header.index + header[1]!.length))
    ) {
      // go-yaml starts a comment right after a block scalar header; js-yaml wants a blank.
      const at = header.index + header[0].length - 1;
      out = `${out.slice(0, at)} ${out.slice(at)}`;
      changed = true;
    }
    if (
      depth === 0 &&
      !q &&
      /(^|[ \t]|:|-)[|>][-+0-9]*[ \t]*(#.*)?$/.test(out.replace(/"(\\.|[^"\\])*"|'[^']*'/g, '""'))
    ) {
      blockIndent = ind;
    }
    if (out.trim() !== '' && !out.trim().startsWith('#')) lastKey = out.replace(/[ \t]+#.*$/, '').trimEnd();
    lines[k] = out;
  }
  return changed ? lines.join('\n') : text;
}

/**
 * blockTabError finds a tab go-yaml rejects in block context although js-yaml accepts it: in a
 * line's indentation, or right after `-`, `?` or a line-initial `:`. Lines inside block scalars,
 * flow collections and quoted scalars (judged from the parsed events) are skipped.
 */
function blockTabError(text: string, events: Event[]): [string, number] | undefined {
  const spans: [number, number][] = [];
  let depth = 0;
  let flowStart = -1;
  let closing = false;
  const position = (e: Event): number =>
    e.type === EVENT_ID.SCALAR
      ? e.valueStart
      : e.type === EVENT_ID.SEQUENCE || e.type === EVENT_ID.MAPPING
        ? e.start
        : -1;
  for (const e of events) {
    const at = position(e);
    if (closing && at >= 0) {
      // A flow collection ends somewhere before the next event's position.
      spans.push([flowStart, Math.min(at, flowCollectionEnd(text, flowStart))]);
      closing = false;
    }
    if (e.type === EVENT_ID.SCALAR && e.style !== SCALAR_STYLE.PLAIN && e.valueStart >= 0) {
      spans.push([e.valueStart, e.valueEnd]);
    } else if (
      (e.type === EVENT_ID.SEQUENCE || e.type === EVENT_ID.MAPPING) &&
      e.style === COLLECTION_STYLE.FLOW
    ) {
      if (depth === 0) flowStart = e.start;
      depth++;
    } else if (e.type === EVENT_ID.POP && depth > 0) {
      depth--;
      if (depth === 0) closing = true;
    }
  }
  if (closing || depth > 0) {
    spans.push([flowStart, closing ? flowCollectionEnd(text, flowStart) : text.length]);
  }
  const lines = text.split('\n');
  let offset = 0;
  let prevContent = '';
  for (let k = 0; k < lines.length; k++) {
    const l = lines[k]!;
    const inside = spans.some(([a, b]) => offset > a && offset < b);
    if (!inside && l.includes('\t')) {
      if (/^ *\t/.test(l) && !prevContent.endsWith('|') && !/[|>][-+0-9]*$/.test(prevContent)) {
        return [tabInIndentation(lines, k), k];
      }
      if (/^ *(- *)*[-?]\t/.test(l) || /^ *:\t/.test(l))
        return ['found character that cannot start any token', k];
    }
    if (l.trim() !== '' && !l.trim().startsWith('#')) prevContent = l.replace(/\s+#.*$/, '').trimEnd();
    offset += l.length + 1;
  }
  return undefined;
}

/** emptyKeyLine reports whether line k starts a block mapping entry with `:` and no key. */
function emptyKeyLine(lines: string[], k: number): boolean {
  const l = lines[k]!;
  if (!/^[ \t]*:( |$)/.test(l)) return false;
  const ind = l.length - l.replace(/^[ \t]+/, '').length;
  // An explicit key (`? …`, maybe inside `- `) above at the same or lower indentation owns it.
  for (let p = k - 1; p >= 0; p--) {
    const t = lines[p]!;
    const body = t.replace(/^[ \t]+/, '');
    if (body === '' || body.startsWith('#') || t.length - body.length > ind) continue;
    return !/^([-:?]\s+)*\?( |$)/.test(body);
  }
  return true;
}

/** DocResult is one decoded document, or the deferred errors of the later stages. */
export interface DocResult {
  value: GoValue;
  convertError?: string;
  jsonError?: string;
}

// The last documents read that have a shape (lib/yaml/shape.ts), with their events. The studio reads the
// same values file and manifests again on every keystroke with a number or a word changed: such a text
// gets its events from the earlier one's instead of from js-yaml (most of the cost of reading it).
const recent: { shape: YamlShape; events: readonly Event[] }[] = [];
const recentLimit = 8;
// Longer texts are not kept: their events would hold on to a lot of memory.
const recentMaxLength = 64 * 1024;

function keepRecent(shape: YamlShape, events: readonly Event[]): void {
  if (recent.length >= recentLimit) recent.pop();
  recent.unshift({ shape, events });
}

/** recentEvents returns the events of a text that is a recent document with values replaced, else undefined. */
function recentEvents(text: string): Event[] | undefined {
  if (text.length > recentMaxLength) return undefined;
  for (let i = 0; i < recent.length; i++) {
    const r = recent[i]!;
    const re = reshape(r.shape, text);
    if (re === undefined) continue;
    const events = shiftedEvents(r.events, r.shape, re.shape);
    recent.splice(i, 1);
    keepRecent(re.shape, events);
    return events;
  }
  const events = parseEvents(text, { maxDepth: 10000 });
  const shape = yamlShape(text, events);
  if (shape !== undefined) keepRecent(shape, events);
  return events;
}

/** READER_REJECTS matches the characters yaml.v2's reader refuses (C0 and C1 controls but tab, line
 * breaks and NEL; U+FFFE, U+FFFF). */
const READER_REJECTS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f\ufffe\uffff]/;

/**
 * readerError throws yaml.v2's reader error for a refused character at `index` (it has no line).
 * The reader decodes its input 512 bytes at a time, ahead of the scanner: a syntax error in an
 * earlier block is met first, so the text before that block is checked (the refused characters
 * blanked) and its error, if any, wins.
 */
function readerError(
  text: string,
  index: number,
  lineOffset: number,
  firstOnly: boolean,
  keepInts: boolean,
): never {
  const blockStart = Math.floor(new TextEncoder().encode(text.slice(0, index)).length / 512) * 512;
  if (blockStart > 0) {
    try {
      decodeDocuments(
        text.replace(new RegExp(READER_REJECTS.source, 'g'), ' '),
        lineOffset,
        firstOnly,
        keepInts,
      );
    } catch (e) {
      const bytesBefore = (line: number) =>
        new TextEncoder().encode(text.split('\n').slice(0, line).join('\n')).length;
      if (e instanceof YamlError && e.line !== undefined && bytesBefore(e.line - lineOffset - 1) < blockStart)
        throw e;
    }
  }
  throw new YamlError('error converting YAML to JSON: yaml: control characters are not allowed', {
    line: lineOffset + lineAt(text, index) + 1,
  });
}

/**
 * decodeDocuments decodes every document of a YAML stream the way yaml.v2 + sigs.k8s.io/yaml do,
 * returning each document's JSON-able value. `lineOffset` shifts reported editor positions.
 * Syntax and decode errors throw {@link YamlError} with `error converting YAML to JSON: yaml: …`.
 */
export function decodeDocuments(
  text: string,
  lineOffset = 0,
  firstOnly = false,
  keepInts = false,
  /** onEvents receives the events of a text js-yaml parsed as it is (not rewritten, no error). */
  onEvents?: (events: readonly Event[]) => void,
): DocResult[] {
  const bad = READER_REJECTS.exec(text);
  if (bad) readerError(text, bad.index, lineOffset, firstOnly, keepInts);
  let events: Event[];
  try {
    events = recentEvents(text) ?? parseEvents(text, { maxDepth: 10000 });
    onEvents?.(events);
  } catch (e) {
    if (!isJsYamlError(e) || !e.mark) throw e;
    const lenient = lenientSource(text);
    let err = e;
    if (lenient !== text) {
      // js-yaml (YAML 1.2) is stricter than go-yaml about flow collections' indentation, tabs
      // in flow context and `\'`; the rewritten text means the same to go-yaml.
      try {
        parseEvents(lenient, { maxDepth: 10000 });
        return decodeDocuments(lenient, lineOffset, firstOnly, keepInts);
      } catch (e2) {
        // Both fail: the rewritten text's error is the one go-yaml would meet (same lines).
        if (isJsYamlError(e2) && e2.mark) {
          err = e2;
          text = lenient;
        }
      }
    }
    const { line, column, position } = err.mark!;
    if (firstOnly) {
      // Go (yaml.v2): Unmarshal stops once the first document's root node is complete, so text
      // that dedents below the root (or starts a new document) is never looked at.
      const cut = firstDocumentEnd(text, line);
      if (cut !== undefined)
        return decodeDocuments(text.slice(0, cut), lineOffset, true, keepInts).slice(0, 1);
    }
    const [msg] = goSyntaxMessage(text, err.reason, line, column, position);
    throw new YamlError(`error converting YAML to JSON: ${msg}`, {
      line: lineOffset + line + 1,
      column: column + 1,
    });
  }
  const lines = text.split('\n');
  if (text.includes('\t')) {
    const tab = blockTabError(text, events);
    if (tab) {
      const [msg, l] = tab;
      throw new YamlError(`error converting YAML to JSON: yaml: ${where(l === 0 ? 0 : l + 1)}${msg}`, {
        line: lineOffset + l + 1,
      });
    }
  }
  if (text.includes(':') && /(^|\n)[ \t]*:( |\n|$)/.test(text)) {
    const blocks = events.filter(
      (e): e is ScalarEvent =>
        e.type === EVENT_ID.SCALAR &&
        // A continuation line of a quoted scalar starting with `: ` is content, not an empty key.
        (e.style === SCALAR_STYLE.LITERAL_BLOCK ||
          e.style === SCALAR_STYLE.FOLDED_BLOCK ||
          e.style === SCALAR_STYLE.SINGLE_QUOTED ||
          e.style === SCALAR_STYLE.DOUBLE_QUOTED),
    );
    let offset = 0;
    for (let k = 0; k < lines.length; k++) {
      const inBlock = blocks.some((b) => offset >= b.valueStart && offset < b.valueEnd);
      if (!inBlock && emptyKeyLine(lines, k)) {
        // Go (libyaml): a block mapping entry cannot start with `:` (no key before it).
        throw new YamlError(`error converting YAML to JSON: yaml: ${where(k)}did not find expected key`, {
          line: lineOffset + k + 1,
        });
      }
      offset += lines[k]!.length + 1;
    }
  }
  const docs: DocResult[] = [];
  let i = 0;
  while (i < events.length) {
    const e = events[i]!;
    if (e.type !== EVENT_ID.DOCUMENT) {
      i++;
      continue;
    }
    i++;
    const b = new Builder(text, events, keepInts);
    b.i = i;
    let value: GoValue = null;
    try {
      if (events[b.i]!.type !== EVENT_ID.POP) value = b.checked(b.node().value);
    } catch (err) {
      if (err instanceof GoYamlFailure) {
        // Go: scanner errors name the 1-based line, except on the first line.
        const at = err.line !== undefined && err.line > 0 ? `line ${err.line + (err.parser ? 0 : 1)}: ` : '';
        throw new YamlError(`error converting YAML to JSON: yaml: ${at}${err.message}`, {
          line: lineOffset + (err.line ?? 0) + 1,
        });
      }
      throw err;
    }
    i = b.i + 1;
    docs.push({ value, convertError: b.convertError, jsonError: b.jsonError });
  }
  return docs;
}

/** checkDocument raises the deferred conversion errors of a decoded document (Go's order). */
export function checkDocument(d: DocResult, lineOffset = 0): GoValue {
  if (d.convertError !== undefined) {
    throw new YamlError(`error converting YAML to JSON: ${d.convertError}`, { line: lineOffset + 1 });
  }
  if (d.jsonError !== undefined) {
    throw new YamlError(`error converting YAML to JSON: ${d.jsonError}`, { line: lineOffset + 1 });
  }
  return d.value;
}

/** unmarshalError is sigs.k8s.io/yaml's failure to decode the JSON into a typed target. */
export function unmarshalError(kind: string, target: string): YamlError {
  return new YamlError(
    `error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${kind} into Go value of type ${target}`,
  );
}

export { GoError };
