/**
 * A block-style YAML emitter reproducing the output of yaml.v2's encoder (libyaml's emitter as
 * ported to Go) and, with {@link EmitOptions.v3}, of yaml.v3's encoder with indent 2.
 * Input is an {@link ENode} tree; callers turn Go values into it (see `to-yaml.ts`).
 */
import { runes, utf8Length } from '../go';
import { isBase60Float, isOldBool, resolveScalar } from './resolve';
import { sortKeysNatural } from './sort';

/** ENode is a value ready to emit: scalars carry their final text, strings choose their style here. */
export type ENode =
  | { kind: 'plain'; text: string } // null, bool, int, float: written plain as-is
  | { kind: 'str'; text: string }
  | { kind: 'seq'; items: ENode[] }
  | { kind: 'map'; entries: Map<string, ENode> };

/** EmitOptions selects the yaml.v2 (default) or yaml.v3 flavour. */
export interface EmitOptions {
  /** v3 indents sequences inside mappings, never folds lines, and quotes YAML 1.1-only booleans. */
  v3?: boolean;
}

const BEST_INDENT = 2;

/** safePlain matches printable ASCII with a harmless first character and no trailing space. */
const safePlain = /^[A-Za-z0-9_./()$=+^~;<]([ -~]*[!-~])?$/;
/** hinted matches strings whose first character may make them resolve to a non-string. */
const hinted = /^[-+.0-9yYnNtTfFoO~]/;

type Style = 'plain' | 'single' | 'double' | 'literal';

interface Analysis {
  multiline: boolean;
  blockPlain: boolean;
  single: boolean;
  block: boolean;
}

function isBreak(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x85 || c === 0x2028 || c === 0x2029;
}

function isBlankZ(c: number | undefined): boolean {
  return c === undefined || c === 0x20 || c === 0x09 || isBreak(c);
}

/** isPrintable is yaml.v2's is_printable on a code point (astral characters are not printable). */
export function isPrintable(c: number): boolean {
  return (
    c === 0x0a ||
    (c >= 0x20 && c <= 0x7e) ||
    (c >= 0xa0 && c <= 0xd7ff) ||
    (c >= 0xe000 && c <= 0xfffd && c !== 0xfeff)
  );
}

/** analyze is libyaml's yaml_emitter_analyze_scalar, reduced to the block-context outcomes. */
function analyze(cs: number[], v3: boolean): Analysis {
  if (cs.length === 0) return { multiline: false, blockPlain: true, single: true, block: false };
  let blockIndicators = false;
  let lineBreaks = false;
  let special = false;
  let tabs = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let prevSpace = false;
  let prevBreak = false;
  const n = cs.length;
  if (
    n >= 3 &&
    ((cs[0] === 0x2d && cs[1] === 0x2d && cs[2] === 0x2d) ||
      (cs[0] === 0x2e && cs[1] === 0x2e && cs[2] === 0x2e))
  ) {
    blockIndicators = true;
  }
  let precededByWs = true;
  let followedByWs = isBlankZ(cs[1]);
  for (let i = 0; i < n; i++) {
    const c = cs[i]!;
    if (i === 0) {
      switch (c) {
        case 0x23: // #
        case 0x2c: // ,
        case 0x5b: // [
        case 0x5d: // ]
        case 0x7b: // {
        case 0x7d: // }
        case 0x26: // &
        case 0x2a: // *
        case 0x21: // !
        case 0x7c: // |
        case 0x3e: // >
        case 0x27: // '
        case 0x22: // "
        case 0x25: // %
        case 0x40: // @
        case 0x60: // `
          blockIndicators = true;
          break;
        case 0x3f: // ?
        case 0x3a: // :
          if (followedByWs) blockIndicators = true;
          break;
        case 0x2d: // -
          if (followedByWs) blockIndicators = true;
          break;
      }
    } else if (c === 0x3a) {
      if (followedByWs) blockIndicators = true;
    } else if (c === 0x23) {
      if (precededByWs) blockIndicators = true;
    }
    // Go (yaml.v3): a tab forbids plain and single-quoted styles but not literal blocks.
    if (v3 && c === 0x09) tabs = true;
    else if (!isPrintable(c)) special = true;
    if (c === 0x20) {
      if (i === 0) leadingSpace = true;
      if (i === n - 1) trailingSpace = true;
      if (prevBreak) breakSpace = true;
      prevSpace = true;
      prevBreak = false;
    } else if (isBreak(c)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (i === n - 1) trailingBreak = true;
      if (prevSpace) spaceBreak = true;
      prevBreak = true;
      prevSpace = false;
    } else {
      prevSpace = false;
      prevBreak = false;
    }
    precededByWs = isBlankZ(c);
    followedByWs = isBlankZ(cs[i + 2]);
  }
  let blockPlain = true;
  let single = true;
  let block = true;
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) blockPlain = false;
  if (trailingSpace) block = false;
  if (breakSpace) {
    blockPlain = false;
    single = false;
  }
  if (tabs) {
    blockPlain = false;
    single = false;
  }
  if (spaceBreak || special) {
    blockPlain = false;
    single = false;
    block = false;
  }
  if (lineBreaks) blockPlain = false;
  if (blockIndicators) blockPlain = false;
  return { multiline: lineBreaks, blockPlain, single, block };
}

function hex(v: number, width: number): string {
  return v.toString(16).toUpperCase().padStart(width, '0');
}

/** Emitter writes one document; its fields mirror libyaml's emitter state. */
class Emitter {
  out = '';
  column = 0;
  indent = -1;
  whitespace = true;
  indention = true;
  readonly width: number;
  readonly v3: boolean;

  constructor(opts: EmitOptions) {
    this.v3 = opts.v3 ?? false;
    this.width = this.v3 ? Number.POSITIVE_INFINITY : 80;
  }

  putBreak(): void {
    this.out += '\n';
    this.column = 0;
  }

  writeIndent(): void {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace))
      this.putBreak();
    if (this.column < indent) {
      this.out += ' '.repeat(indent - this.column);
      this.column = indent;
    }
    this.whitespace = true;
    this.indention = true;
  }

  writeIndicator(ind: string, needWs: boolean, isWs: boolean, isIndention: boolean): void {
    if (needWs && !this.whitespace) {
      this.out += ' ';
      this.column++;
    }
    this.out += ind;
    this.column += ind.length;
    this.whitespace = isWs;
    this.indention = this.indention && isIndention;
  }

  /** node emits a value; `mappingValue` is libyaml's mapping_context for a value. */
  node(n: ENode, mappingContext: boolean): void {
    switch (n.kind) {
      case 'plain':
        this.scalar(n.text, 'plain', false);
        return;
      case 'str':
        if (!this.plainFast(n.text, false)) this.string(n.text, false);
        return;
      case 'seq':
        if (n.items.length === 0) this.emptyFlow('[', ']');
        else this.sequence(n.items, mappingContext);
        return;
      case 'map':
        if (n.entries.size === 0) this.emptyFlow('{', '}');
        else this.mapping(n.entries);
        return;
    }
  }

  emptyFlow(open: string, close: string): void {
    this.writeIndicator(open, true, true, false);
    this.writeIndicator(close, false, false, false);
  }

  sequence(items: ENode[], mappingContext: boolean): void {
    const saved = this.indent;
    // Go (yaml.v2): a sequence that is a mapping value is not indented ("indentless").
    const indentless = !this.v3 && mappingContext && !this.indention;
    this.indent = this.indent < 0 ? 0 : indentless ? this.indent : this.indent + BEST_INDENT;
    for (const item of items) {
      this.writeIndent();
      this.writeIndicator('-', true, false, true);
      this.node(item, false);
    }
    this.indent = saved;
  }

  mapping(entries: Map<string, ENode>): void {
    const saved = this.indent;
    this.indent = this.indent < 0 ? 0 : this.indent + BEST_INDENT;
    for (const key of sortKeysNatural([...entries.keys()], this.v3)) {
      const value = entries.get(key)!;
      this.writeIndent();
      if (this.plainFast(key, true)) {
        this.writeIndicator(':', false, false, false);
        this.node(value, true);
        continue;
      }
      const cs = runes(key);
      const a = analyze(cs, this.v3);
      if (!a.multiline && utf8Length(key) <= 128) {
        this.string(key, true, cs, a);
        this.writeIndicator(':', false, false, false);
      } else {
        this.writeIndicator('?', true, false, true);
        this.string(key, false, cs, a);
        this.writeIndent();
        this.writeIndicator(':', true, false, true);
      }
      this.node(value, true);
    }
    this.indent = saved;
  }

  /**
   * plainFast writes s when it is plainly printable ASCII that needs no analysis (no indicator
   * start, no `: ` or ` #`, resolves to a string, no folding), and reports whether it did.
   */
  plainFast(s: string, simpleKey: boolean): boolean {
    if (!safePlain.test(s) || s.includes(': ') || s.includes(' #') || s.endsWith(':') || s.startsWith('...'))
      return false;
    if (
      hinted.test(s) &&
      (resolveScalar(s, true).tag !== 'str' || isBase60Float(s) || (this.v3 && isOldBool(s)))
    )
      return false;
    if (simpleKey ? s.length > 128 : this.column + s.length >= this.width) return false;
    if (!this.whitespace) {
      this.out += ' ';
      this.column++;
    }
    this.out += s;
    this.column += s.length;
    this.whitespace = false;
    this.indention = false;
    return true;
  }

  /** string picks the style as yaml.v2's stringv and yaml_emitter_select_scalar_style do. */
  string(s: string, simpleKey: boolean, cs = runes(s), a = analyze(cs, this.v3)): void {
    let style: Style;
    if (s.includes('\n')) style = 'literal';
    else {
      const r = resolveScalar(s, true);
      const plainOk = r.tag === 'str' && !isBase60Float(s) && !(this.v3 && isOldBool(s));
      style = plainOk ? 'plain' : 'double';
    }
    if (simpleKey && a.multiline) style = 'double';
    if (style === 'plain' && (!a.blockPlain || (s.length === 0 && simpleKey))) style = 'single';
    if (style === 'single' && !a.single) style = 'double';
    if (style === 'literal' && (!a.block || simpleKey)) style = 'double';
    this.scalar(s, style, simpleKey, cs);
  }

  scalar(s: string, style: Style, simpleKey: boolean, cs?: number[]): void {
    const saved = this.indent;
    this.indent = this.indent < 0 ? BEST_INDENT : this.indent + BEST_INDENT;
    switch (style) {
      case 'plain':
        this.writePlain(cs ?? runes(s), !simpleKey);
        break;
      case 'single':
        this.writeSingle(cs ?? runes(s), !simpleKey);
        break;
      case 'double':
        this.writeDouble(cs ?? runes(s), !simpleKey);
        break;
      case 'literal':
        this.writeLiteral(cs ?? runes(s));
        break;
    }
    this.indent = saved;
  }

  put(c: number): void {
    this.out += String.fromCodePoint(c);
    this.column++;
  }

  /** writeBreak is libyaml's write_break: `\n` is a newline, other breaks are copied. */
  writeBreak(c: number): void {
    if (c === 0x0a) this.putBreak();
    else {
      this.out += String.fromCodePoint(c);
      this.column = 0;
    }
  }

  writePlain(cs: number[], allowBreaks: boolean): void {
    if (!this.whitespace) {
      this.out += ' ';
      this.column++;
    }
    // Fast path: nothing to fold.
    if (!allowBreaks || this.column + cs.length <= this.width + 1) {
      let s = '';
      for (const c of cs) s += String.fromCodePoint(c);
      this.out += s;
      this.column += cs.length;
      if (cs.length > 0) this.indention = false;
      this.whitespace = false;
      this.indention = false;
      return;
    }
    let spaces = false;
    for (let i = 0; i < cs.length; i++) {
      const c = cs[i]!;
      if (c === 0x20) {
        if (allowBreaks && !spaces && this.column > this.width && cs[i + 1] !== 0x20) {
          this.writeIndent();
        } else this.put(c);
        spaces = true;
      } else {
        this.put(c);
        this.indention = false;
        spaces = false;
      }
    }
    this.whitespace = false;
    this.indention = false;
  }

  writeSingle(cs: number[], allowBreaks: boolean): void {
    this.writeIndicator("'", true, false, false);
    let spaces = false;
    let breaks = false;
    const n = cs.length;
    for (let i = 0; i < n; i++) {
      const c = cs[i]!;
      if (c === 0x20) {
        if (allowBreaks && !spaces && this.column > this.width && i > 0 && i < n - 1 && cs[i + 1] !== 0x20) {
          this.writeIndent();
        } else this.put(c);
        spaces = true;
      } else if (isBreak(c)) {
        if (!breaks && c === 0x0a) this.putBreak();
        this.writeBreak(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        if (c === 0x27) this.put(0x27);
        this.put(c);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    this.writeIndicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  writeDouble(cs: number[], allowBreaks: boolean): void {
    this.writeIndicator('"', true, false, false);
    // Go (yaml.v2): is_bom looks at the start of the whole value, so a value that starts with
    // U+FEFF has every character escaped.
    const bom = cs[0] === 0xfeff;
    let spaces = false;
    const n = cs.length;
    for (let i = 0; i < n; i++) {
      const c = cs[i]!;
      if (!isPrintable(c) || bom || isBreak(c) || c === 0x22 || c === 0x5c) {
        let e: string;
        switch (c) {
          case 0x00:
            e = '0';
            break;
          case 0x07:
            e = 'a';
            break;
          case 0x08:
            e = 'b';
            break;
          case 0x09:
            e = 't';
            break;
          case 0x0a:
            e = 'n';
            break;
          case 0x0b:
            e = 'v';
            break;
          case 0x0c:
            e = 'f';
            break;
          case 0x0d:
            e = 'r';
            break;
          case 0x1b:
            e = 'e';
            break;
          case 0x22:
            e = '"';
            break;
          case 0x5c:
            e = '\\';
            break;
          case 0x85:
            e = 'N';
            break;
          case 0xa0:
            e = '_';
            break;
          case 0x2028:
            e = 'L';
            break;
          case 0x2029:
            e = 'P';
            break;
          default:
            e = c <= 0xff ? 'x' + hex(c, 2) : c <= 0xffff ? 'u' + hex(c, 4) : 'U' + hex(c, 8);
        }
        this.out += '\\' + e;
        this.column += 1 + e.length;
        spaces = false;
      } else if (c === 0x20) {
        if (allowBreaks && !spaces && this.column > this.width && i > 0 && i < n - 1) {
          this.writeIndent();
          if (cs[i + 1] === 0x20) this.put(0x5c);
        } else this.put(c);
        spaces = true;
      } else {
        this.put(c);
        spaces = false;
      }
    }
    this.writeIndicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  writeLiteral(cs: number[]): void {
    this.writeIndicator('|', true, false, false);
    // Block scalar hints: indentation indicator when the text starts with a space or break,
    // chomping `-` without a final break, `+` for a lone break or two final breaks.
    const first = cs[0];
    let hints = '';
    if (first === 0x20 || (first !== undefined && isBreak(first))) hints += String(BEST_INDENT);
    const n = cs.length;
    if (n === 0 || !isBreak(cs[n - 1]!)) hints += '-';
    else if (n === 1 || isBreak(cs[n - 2]!)) hints += '+';
    if (hints) this.writeIndicator(hints, false, false, false);
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    for (let i = 0; i < n; i++) {
      const c = cs[i]!;
      if (isBreak(c)) {
        this.writeBreak(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) {
          this.writeIndent();
          breaks = false;
        }
        this.put(c);
        this.indention = false;
      }
    }
  }

  /** finish ends the document as yaml_emitter_emit_document_end does (a final newline). */
  finish(): string {
    this.indent = -1;
    this.writeIndent();
    return this.out;
  }
}

/** emitYaml writes one YAML document for n, ending with a newline, as yaml.v2 (or v3) Marshal does. */
export function emitYaml(n: ENode, opts: EmitOptions = {}): string {
  const e = new Emitter(opts);
  e.node(n, false);
  return e.finish();
}
