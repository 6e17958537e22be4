/**
 * Typed errors of template parsing and execution. Each error's `message` is exactly the text of
 * Go's `Error()`; the structured fields let callers (Helm's error reformatter, the studio's
 * error display) point at the file, line and column without re-parsing the message.
 */

/** TemplateErrorCode classifies template errors. */
export type TemplateErrorCode =
  /** A syntax error found while parsing (Go's parse errors). */
  | 'parse'
  /** An error raised while executing (Go's ExecError). */
  | 'exec'
  /** Execute was asked for a template the set does not have. */
  | 'undefined-template'
  /** An execution budget (maxSteps) was exhausted. */
  | 'limit';

/** TemplateErrorInit carries the structured fields of a {@link TemplateError}. */
export interface TemplateErrorInit {
  code: TemplateErrorCode;
  templateName: string;
  line: number;
  col?: number;
  context?: string;
  executing?: string;
  detail: string;
  cause?: unknown;
}

/**
 * TemplateError is the base of every error the template engine throws on bad input.
 * `templateName` is the name of the file being parsed (Go's ParseName), `line` is 1-based,
 * `col` the 0-based byte offset in the line (exec errors only), `context` the text of the node
 * being evaluated, `executing` the name of the executing template, `detail` the message after
 * Go's location prefix, and `cause` the error returned by a function (e.g. a nested ExecError
 * from `include`), so callers can walk the chain as Go's `errors.Unwrap` does.
 */
export class TemplateError extends Error {
  readonly code: TemplateErrorCode;
  readonly templateName: string;
  readonly line: number;
  readonly col?: number;
  readonly context?: string;
  readonly executing?: string;
  readonly detail: string;
  override readonly cause?: unknown;
  constructor(message: string, init: TemplateErrorInit) {
    super(message);
    this.code = init.code;
    this.templateName = init.templateName;
    this.line = init.line;
    this.col = init.col;
    this.context = init.context;
    this.executing = init.executing;
    this.detail = init.detail;
    this.cause = init.cause;
  }
}

/** ParseError is a template syntax error: `template: NAME:LINE: msg`. */
export class ParseError extends TemplateError {
  override name = 'ParseError';
}

/** ExecError is an execution error: `template: NAME:LINE:COL: executing "T" at <node>: msg`. */
export class ExecError extends TemplateError {
  override name = 'ExecError';
}

/**
 * lineCol returns Go's ErrorContext position of a byte offset: the 1-based line and the 0-based
 * byte column within it.
 */
export function lineCol(text: string, pos: number): { line: number; col: number } {
  let line = 1;
  let lineStartByte = 0;
  let b = 0;
  for (let i = 0; i < text.length && b < pos; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
      lineStartByte = b + 1;
    }
    if (c < 0x80) b += 1;
    else if (c < 0x800) b += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      b += 4;
      i++;
    } else b += 3;
  }
  return { line, col: pos - lineStartByte };
}

/**
 * isStackOverflow reports whether e is the JavaScript engine's stack overflow (V8, JSC, SpiderMonkey).
 * It runs where the stack has just run out, so it uses no regular expression: V8 compiles one on first
 * use and reports a compilation without stack as a SyntaxError.
 */
export function isStackOverflow(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  if (e instanceof RangeError) return e.message.includes('call stack');
  return e.name === 'InternalError' && e.message.includes('recursion');
}
