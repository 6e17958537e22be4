/**
 * The lexer of Go's text/template: a state machine of small state functions that turns template
 * text into tokens. Whitespace trimming (`{{-` / `-}}`) and comments are handled here only.
 * Token positions are byte offsets into the UTF-8 text, as Go's; the scanner itself walks the
 * JavaScript string.
 */
import { isPrint, utf8Length } from '../go';

/** TokenKind names every token the lexer emits (Go's itemType). */
export type TokenKind =
  | 'error'
  | 'bool'
  | 'char'
  | 'charConstant'
  | 'comment'
  | 'complex'
  | 'assign'
  | 'declare'
  | 'eof'
  | 'field'
  | 'identifier'
  | 'leftDelim'
  | 'leftParen'
  | 'number'
  | 'pipe'
  | 'rawString'
  | 'rightDelim'
  | 'rightParen'
  | 'space'
  | 'string'
  | 'text'
  | 'variable'
  // keywords
  | 'block'
  | 'break'
  | 'continue'
  | 'dot'
  | 'define'
  | 'else'
  | 'end'
  | 'if'
  | 'nil'
  | 'range'
  | 'template'
  | 'with';

/** Token is one lexed item: its kind, its byte offset in the input (as Go's Pos), its text and 1-based line. */
export interface Token {
  kind: TokenKind;
  pos: number;
  val: string;
  line: number;
}

const keywords: Readonly<Record<string, TokenKind>> = {
  '.': 'dot',
  block: 'block',
  break: 'break',
  continue: 'continue',
  define: 'define',
  else: 'else',
  end: 'end',
  if: 'if',
  range: 'range',
  nil: 'nil',
  template: 'template',
  with: 'with',
};

/** isKeyword reports whether a token kind is a keyword (printed as `<word>` in errors). */
export function isKeyword(kind: TokenKind): boolean {
  switch (kind) {
    case 'block':
    case 'break':
    case 'continue':
    case 'dot':
    case 'define':
    case 'else':
    case 'end':
    case 'if':
    case 'nil':
    case 'range':
    case 'template':
    case 'with':
      return true;
  }
  return false;
}

/** LexOptions says whether `break` and `continue` are keywords (they are not when functions of those names exist). */
export interface LexOptions {
  breakOK: boolean;
  continueOK: boolean;
}

const EOF = -1;

function isSpace(r: number): boolean {
  return r === 32 || r === 9 || r === 13 || r === 10;
}

// Made on first use: a Unicode-class pattern costs start-up time in every command-line run.
let letterOrDigit: RegExp | undefined;

function isAlphaNumeric(r: number): boolean {
  if (r === 95) return true;
  if (r < 0x80) return (r >= 48 && r <= 57) || (r >= 65 && r <= 90) || (r >= 97 && r <= 122);
  if (r === EOF) return false;
  letterOrDigit ??= /[\p{L}\p{Nd}]/u;
  return letterOrDigit.test(String.fromCodePoint(r));
}

function isAsciiPrint(r: number): boolean {
  return r >= 0x20 && r < 0x7f;
}

/** formatRune prints a rune as Go's %#U does: `U+0041 'A'` (the character only when printable). */
export function formatRune(r: number): string {
  const hex = r.toString(16).toUpperCase().padStart(4, '0');
  return isPrint(r) ? `U+${hex} '${String.fromCodePoint(r)}'` : `U+${hex}`;
}

type StateFn = ((l: Lexer) => StateFn) | null;

/** Lexer holds the state of the scanner. */
class Lexer {
  pos = 0;
  start = 0;
  line = 1;
  linePos = 0;
  parenDepth = 0;
  insideAction = false;
  readonly items: Token[] = [];
  constructor(
    readonly input: string,
    readonly leftDelim: string,
    readonly rightDelim: string,
    readonly options: LexOptions,
  ) {
    this.ascii = !/[^\x00-\x7f]/.test(input);
  }

  /** next returns the next code point, or EOF. */
  next(): number {
    if (this.pos >= this.input.length) return EOF;
    const r = this.input.codePointAt(this.pos)!;
    this.pos += r > 0xffff ? 2 : 1;
    return r;
  }

  /** peek returns but does not consume the next code point. */
  peek(): number {
    if (this.pos >= this.input.length) return EOF;
    return this.input.codePointAt(this.pos)!;
  }

  /** backup steps back one code point (only after next, which read r). */
  backup(r: number): void {
    if (r === EOF) return;
    this.pos -= r > 0xffff ? 2 : 1;
  }

  /** accept consumes the next code point if it is in the valid set. */
  accept(valid: string): boolean {
    const r = this.next();
    if (r !== EOF && valid.includes(String.fromCodePoint(r))) return true;
    this.backup(r);
    return false;
  }

  /** acceptRun consumes a run of code points from the valid set. */
  acceptRun(valid: string): void {
    for (;;) {
      const r = this.next();
      if (r === EOF || !valid.includes(String.fromCodePoint(r))) {
        this.backup(r);
        return;
      }
    }
  }

  /** byteIndex and bytePos: the last UTF-16 index converted to a byte offset (conversions go forward). */
  private byteIndex = 0;
  private bytePos = 0;
  private readonly ascii: boolean;

  /** byteAt converts a UTF-16 index of the input into Go's byte offset. */
  byteAt(index: number): number {
    if (this.ascii) return index;
    if (index < this.byteIndex) {
      this.byteIndex = 0;
      this.bytePos = 0;
    }
    this.bytePos += utf8Length(this.input, this.byteIndex, index);
    this.byteIndex = index;
    return this.bytePos;
  }

  /** lineAt returns the 1-based line of an offset; offsets are asked in increasing order. */
  lineAt(pos: number): number {
    if (pos < this.linePos) {
      this.linePos = 0;
      this.line = 1;
    }
    for (let i = this.linePos; i < pos; i++) if (this.input.charCodeAt(i) === 10) this.line++;
    this.linePos = pos;
    return this.line;
  }

  thisItem(kind: TokenKind): Token {
    const t: Token = {
      kind,
      pos: this.byteAt(this.start),
      val: this.input.slice(this.start, this.pos),
      line: this.lineAt(this.start),
    };
    this.start = this.pos;
    return t;
  }

  emit(kind: TokenKind): void {
    this.items.push(this.thisItem(kind));
  }

  emitItem(t: Token): void {
    this.items.push(t);
  }

  /** ignore skips over the pending input before this point. */
  ignore(): void {
    this.start = this.pos;
  }

  errorf(msg: string): StateFn {
    this.items.push({ kind: 'error', pos: this.byteAt(this.start), val: msg, line: this.lineAt(this.start) });
    return null;
  }

  hasLeftTrimMarker(at: number): boolean {
    return this.input.charCodeAt(at) === 45 && isSpace(this.input.charCodeAt(at + 1));
  }

  hasRightTrimMarker(at: number): boolean {
    return isSpace(this.input.charCodeAt(at)) && this.input.charCodeAt(at + 1) === 45;
  }

  /** atRightDelim reports whether the lexer is at a right delimiter, possibly preceded by a trim marker. */
  atRightDelim(): [delim: boolean, trimSpaces: boolean] {
    if (this.hasRightTrimMarker(this.pos) && this.input.startsWith(this.rightDelim, this.pos + 2))
      return [true, true];
    if (this.input.startsWith(this.rightDelim, this.pos)) return [true, false];
    return [false, false];
  }

  /** atTerminator reports whether the input is at a character that may follow an identifier. */
  atTerminator(): boolean {
    const r = this.peek();
    if (isSpace(r)) return true;
    switch (r) {
      case EOF:
      case 46: // .
      case 44: // ,
      case 124: // |
      case 58: // :
      case 41: // )
      case 40: // (
        return true;
    }
    return this.input.startsWith(this.rightDelim, this.pos);
  }

  /** scanNumber consumes a number literal; the parser validates it. */
  scanNumber(): boolean {
    this.accept('+-');
    let digits = '0123456789_';
    if (this.accept('0')) {
      if (this.accept('xX')) digits = '0123456789abcdefABCDEF_';
      else if (this.accept('oO')) digits = '01234567_';
      else if (this.accept('bB')) digits = '01_';
    }
    this.acceptRun(digits);
    if (this.accept('.')) this.acceptRun(digits);
    if (digits.length === 11 && this.accept('eE')) {
      this.accept('+-');
      this.acceptRun('0123456789_');
    }
    if (digits.length === 23 && this.accept('pP')) {
      this.accept('+-');
      this.acceptRun('0123456789_');
    }
    this.accept('i');
    if (isAlphaNumeric(this.peek())) {
      this.next();
      return false;
    }
    return true;
  }
}

function rightTrimLength(s: string): number {
  let i = s.length;
  while (i > 0 && isSpace(s.charCodeAt(i - 1))) i--;
  return s.length - i;
}

function leftTrimLength(s: string, from: number): number {
  let i = from;
  while (i < s.length && isSpace(s.charCodeAt(i))) i++;
  return i - from;
}

/** lexText scans until an opening action delimiter. */
function lexText(l: Lexer): StateFn {
  const x = l.input.indexOf(l.leftDelim, l.pos);
  if (x >= 0) {
    if (x > l.pos) {
      l.pos = x;
      let trimLength = 0;
      const delimEnd = l.pos + l.leftDelim.length;
      if (l.hasLeftTrimMarker(delimEnd)) trimLength = rightTrimLength(l.input.slice(l.start, l.pos));
      l.pos -= trimLength;
      const item = l.thisItem('text');
      l.pos += trimLength;
      l.ignore();
      if (item.val.length > 0) l.emitItem(item);
    }
    return lexLeftDelim;
  }
  l.pos = l.input.length;
  if (l.pos > l.start) {
    l.emit('text');
  }
  l.emit('eof');
  return null;
}

/** lexLeftDelim scans the left delimiter, which is known to be present, possibly with a trim marker. */
function lexLeftDelim(l: Lexer): StateFn {
  l.pos += l.leftDelim.length;
  const trimSpace = l.hasLeftTrimMarker(l.pos);
  const afterMarker = trimSpace ? 2 : 0;
  if (l.input.startsWith('/*', l.pos + afterMarker)) {
    l.pos += afterMarker;
    l.ignore();
    return lexComment;
  }
  const item = l.thisItem('leftDelim');
  l.insideAction = true;
  l.pos += afterMarker;
  l.ignore();
  l.parenDepth = 0;
  l.emitItem(item);
  return lexInsideAction;
}

/** lexComment scans a comment; the left comment marker is known to be present. */
function lexComment(l: Lexer): StateFn {
  l.pos += 2;
  const x = l.input.indexOf('*/', l.pos);
  if (x < 0) return l.errorf('unclosed comment');
  l.pos = x + 2;
  const [delim, trimSpace] = l.atRightDelim();
  if (!delim) return l.errorf('comment ends before closing delimiter');
  if (trimSpace) l.pos += 2;
  l.pos += l.rightDelim.length;
  if (trimSpace) {
    const n = leftTrimLength(l.input, l.pos);
    l.pos += n;
  }
  l.start = l.pos;
  return lexText;
}

/** lexRightDelim scans the right delimiter, which is known to be present, possibly with a trim marker. */
function lexRightDelim(l: Lexer): StateFn {
  const [, trimSpace] = l.atRightDelim();
  if (trimSpace) {
    l.pos += 2;
    l.ignore();
  }
  l.pos += l.rightDelim.length;
  const item = l.thisItem('rightDelim');
  if (trimSpace) {
    const n = leftTrimLength(l.input, l.pos);
    l.pos += n;
    l.start = l.pos;
  }
  l.insideAction = false;
  l.emitItem(item);
  return lexText;
}

/** lexInsideAction scans the elements inside action delimiters. */
function lexInsideAction(l: Lexer): StateFn {
  const [delim] = l.atRightDelim();
  if (delim) {
    if (l.parenDepth === 0) return lexRightDelim;
    return l.errorf('unclosed left paren');
  }
  const r = l.next();
  if (r === EOF) return l.errorf('unclosed action');
  if (isSpace(r)) {
    l.backup(r);
    return lexSpace;
  }
  switch (r) {
    case 61: // =
      l.emit('assign');
      return lexInsideAction;
    case 58: // :
      if (l.next() !== 61) return l.errorf('expected :=');
      l.emit('declare');
      return lexInsideAction;
    case 124: // |
      l.emit('pipe');
      return lexInsideAction;
    case 34: // "
      return lexQuote;
    case 96: // `
      return lexRawQuote;
    case 36: // $
      return lexVariable;
    case 39: // '
      return lexChar;
    case 40: // (
      l.parenDepth++;
      l.emit('leftParen');
      return lexInsideAction;
    case 41: // )
      l.parenDepth--;
      if (l.parenDepth < 0) return l.errorf('unexpected right paren');
      l.emit('rightParen');
      return lexInsideAction;
  }
  if (r === 46) {
    // '.': a field unless a digit follows (then it starts a number).
    const c = l.input.charCodeAt(l.pos);
    if (l.pos >= l.input.length || c < 48 || c > 57) return lexField;
    l.backup(r);
    return lexNumber;
  }
  if (r === 43 || r === 45 || (r >= 48 && r <= 57)) {
    l.backup(r);
    return lexNumber;
  }
  if (isAlphaNumeric(r)) {
    l.backup(r);
    return lexIdentifier;
  }
  if (r < 0x80 && isAsciiPrint(r)) {
    l.emit('char');
    return lexInsideAction;
  }
  // Go: a byte that is not UTF-8 (kept as U+DC80+byte) decodes as utf8.RuneError.
  const shown = r >= 0xdc80 && r <= 0xdcff ? 0xfffd : r;
  return l.errorf(`unrecognized character in action: ${formatRune(shown)}`);
}

/** lexSpace scans a run of space characters, stopping before a trim-marked right delimiter. */
function lexSpace(l: Lexer): StateFn {
  let numSpaces = 0;
  for (;;) {
    const r = l.peek();
    if (!isSpace(r)) break;
    l.next();
    numSpaces++;
  }
  if (l.hasRightTrimMarker(l.pos - 1) && l.input.startsWith(l.rightDelim, l.pos + 1)) {
    l.backup(l.input.charCodeAt(l.pos - 1));
    if (numSpaces === 1) return lexRightDelim;
  }
  l.emit('space');
  return lexInsideAction;
}

/** lexIdentifier scans an alphanumeric word: a keyword, a bool or a function name. */
function lexIdentifier(l: Lexer): StateFn {
  for (;;) {
    const r = l.next();
    if (isAlphaNumeric(r)) continue;
    l.backup(r);
    const word = l.input.slice(l.start, l.pos);
    if (!l.atTerminator()) return l.errorf(`bad character ${formatRune(r)}`);
    // Object.hasOwn: a word like `toString` must not find Object.prototype's members.
    const kw = Object.hasOwn(keywords, word) ? keywords[word] : undefined;
    if (kw !== undefined && kw !== 'dot') {
      if ((kw === 'break' && !l.options.breakOK) || (kw === 'continue' && !l.options.continueOK)) {
        l.emit('identifier');
      } else l.emit(kw);
    } else if (word === 'true' || word === 'false') l.emit('bool');
    else l.emit('identifier');
    return lexInsideAction;
  }
}

/** lexField scans a field: .Alphanumeric (the dot has been scanned). */
function lexField(l: Lexer): StateFn {
  return lexFieldOrVariable(l, 'field');
}

/** lexVariable scans a variable: $Alphanumeric (the $ has been scanned). */
function lexVariable(l: Lexer): StateFn {
  if (l.atTerminator()) {
    l.emit('variable');
    return lexInsideAction;
  }
  return lexFieldOrVariable(l, 'variable');
}

function lexFieldOrVariable(l: Lexer, kind: 'field' | 'variable'): StateFn {
  if (l.atTerminator()) {
    l.emit(kind === 'variable' ? 'variable' : 'dot');
    return lexInsideAction;
  }
  let r: number;
  for (;;) {
    r = l.next();
    if (!isAlphaNumeric(r)) {
      l.backup(r);
      break;
    }
  }
  if (!l.atTerminator()) return l.errorf(`bad character ${formatRune(r)}`);
  l.emit(kind);
  return lexInsideAction;
}

/** lexChar scans a character constant (the quote has been scanned). */
function lexChar(l: Lexer): StateFn {
  for (;;) {
    let r = l.next();
    if (r === 92) {
      r = l.next();
      if (r !== EOF && r !== 10) continue;
    }
    if (r === EOF || r === 10) return l.errorf('unterminated character constant');
    if (r === 39) break;
  }
  l.emit('charConstant');
  return lexInsideAction;
}

/** lexNumber scans a number: decimal, octal, hex, float, or imaginary. */
function lexNumber(l: Lexer): StateFn {
  if (!l.scanNumber()) return l.errorf(`bad number syntax: ${JSON.stringify(l.input.slice(l.start, l.pos))}`);
  const sign = l.peek();
  if (sign === 43 || sign === 45) {
    if (!l.scanNumber() || l.input.charCodeAt(l.pos - 1) !== 105) {
      return l.errorf(`bad number syntax: ${JSON.stringify(l.input.slice(l.start, l.pos))}`);
    }
    l.emit('complex');
    return lexInsideAction;
  }
  l.emit('number');
  return lexInsideAction;
}

/** lexQuote scans a quoted string (the quote has been scanned). */
function lexQuote(l: Lexer): StateFn {
  for (;;) {
    let r = l.next();
    if (r === 92) {
      r = l.next();
      if (r !== EOF && r !== 10) continue;
    }
    if (r === EOF || r === 10) return l.errorf('unterminated quoted string');
    if (r === 34) break;
  }
  l.emit('string');
  return lexInsideAction;
}

/** lexRawQuote scans a raw quoted string (the backquote has been scanned). */
function lexRawQuote(l: Lexer): StateFn {
  for (;;) {
    const r = l.next();
    if (r === EOF) return l.errorf('unterminated raw quoted string');
    if (r === 96) break;
  }
  l.emit('rawString');
  return lexInsideAction;
}

/**
 * lex scans a whole template into tokens, ending with an `eof` or an `error` token.
 * The state machine runs eagerly; the parser consumes the array.
 */
export function lex(input: string, leftDelim = '{{', rightDelim = '}}', options?: LexOptions): Token[] {
  const l = new Lexer(
    input,
    leftDelim || '{{',
    rightDelim || '}}',
    options ?? { breakOK: true, continueOK: true },
  );
  let state: StateFn = lexText;
  while (state) state = state(l);
  return l.items;
}
