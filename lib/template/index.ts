/**
 * Go's text/template in TypeScript: the public face of lib/template.
 *
 * ```ts
 * const set = new TemplateSet({ ...myFuncs });
 * set.parse('chart/templates/a.yaml', text);          // defines join the set (later ones win)
 * const out = set.execute('chart/templates/a.yaml', data, { missingKey: 'zero' });
 * ```
 *
 * Functions that run templates themselves (Helm's `include` and `tpl`) call
 * {@link currentExecution} from inside their `fn`: it returns the set that is executing and the
 * options of the run, so `include` can do `currentExecution().set.execute(name, data, options)`
 * and `tpl` can `clone()` that set, `parse` its text into the clone and execute it. Nested runs
 * share the outer run's step budget. An error thrown by a nested run (a {@link TemplateError})
 * and caught by Go's function-call machinery becomes `error calling include: …` with the nested
 * error kept as `cause`.
 */
import { type GoValue, quoteString } from '../go';
import { ExecError } from './errors';
import { type Budget, defaultMaxSteps, type ExecOptions, execute, type FuncMap } from './exec';
import { builtins } from './funcs';
import { isEmptyTree } from './node';
import { parse, type Tree } from './parse';

export { ExecError, lineCol, ParseError, TemplateError, type TemplateErrorCode } from './errors';
export type { ExecOptions, FuncMap, MissingKey } from './exec';
export { builtins, htmlEscape, jsEscape, queryEscape } from './funcs';
export type { Token, TokenKind } from './lex';
export { lex } from './lex';
export type { Node, NodeKind } from './node';
export type { Tree } from './parse';
export { parse } from './parse';
export { NO_VALUE, type Val } from './value';

/** Execution describes a running execution, as seen by a function called from the template. */
export interface Execution {
  /** set is the template set being executed. */
  readonly set: TemplateSet;
  /** name is the name of the template that was asked to execute. */
  readonly name: string;
  /** options are the options of the run (nested runs should pass them on). */
  readonly options: ExecOptions;
}

interface RunningExecution extends Execution {
  readonly budget: Budget;
}

const running: RunningExecution[] = [];

/** currentExecution returns the innermost running execution; it throws when nothing is executing. */
export function currentExecution(): Execution {
  const e = running[running.length - 1];
  if (e === undefined) throw new Error('currentExecution: no template is executing');
  return e;
}

/** TemplateSetOptions configures a set: action delimiters and the set's own name. */
export interface TemplateSetOptions {
  leftDelim?: string;
  rightDelim?: string;
  /** name is the set's (root template's) name, used in `no template … associated with template NAME`; Helm's is `gotpl`. */
  name?: string;
}

/**
 * TemplateSet is Go's *template.Template with its associated templates: every `parse` adds the
 * text's template and its `define`s; a later definition replaces an earlier one unless it is
 * empty (Go's AddParseTree rules).
 */
export class TemplateSet {
  /** funcs is the function map; mutable until the next parse (Helm registers include/tpl here). */
  funcs: FuncMap;
  readonly name: string;
  private readonly trees: Map<string, Tree>;
  private readonly leftDelim: string;
  private readonly rightDelim: string;

  constructor(funcs: FuncMap, options?: TemplateSetOptions, trees?: Map<string, Tree>) {
    this.funcs = funcs;
    this.name = options?.name ?? 'gotpl';
    this.leftDelim = options?.leftDelim ?? '{{';
    this.rightDelim = options?.rightDelim ?? '}}';
    this.trees = trees ?? new Map();
  }

  /** parse parses text as the template `name` into the set; throws ParseError. */
  parse(name: string, text: string): void {
    const funcs = this.funcs;
    const parsed = parse(name, text, {
      leftDelim: this.leftDelim,
      rightDelim: this.rightDelim,
      hasFunction: (fn) => Object.hasOwn(funcs, fn) || Object.hasOwn(builtins, fn),
    });
    for (const [n, tree] of parsed) {
      const old = this.trees.get(n);
      // Go: an empty definition does not replace an existing template.
      if (old !== undefined && isEmptyTree(tree.root)) continue;
      this.trees.set(n, tree);
    }
  }

  /** has reports whether the set holds a template of that name. */
  has(name: string): boolean {
    return this.trees.has(name);
  }

  /** names lists the templates of the set. */
  names(): string[] {
    return [...this.trees.keys()];
  }

  /** lookup returns a template's parse tree. */
  lookup(name: string): Tree | undefined {
    return this.trees.get(name);
  }

  /** clone copies the set (sharing the parse trees; the function map is copied). */
  clone(): TemplateSet {
    return new TemplateSet(
      { ...this.funcs },
      { name: this.name, leftDelim: this.leftDelim, rightDelim: this.rightDelim },
      new Map(this.trees),
    );
  }

  /** execute runs the named template with data and returns its output; throws TemplateError. */
  execute(name: string, data: GoValue, options?: ExecOptions): string {
    const tree = this.trees.get(name);
    if (tree === undefined) {
      const msg = `template: no template ${quoteString(name)} associated with template ${quoteString(this.name)}`;
      throw new ExecError(msg, { code: 'undefined-template', templateName: name, line: 0, detail: msg });
    }
    const opts = options ?? {};
    const parent = running[running.length - 1];
    const budget: Budget = parent?.budget ?? { steps: 0, max: opts.maxSteps ?? defaultMaxSteps };
    running.push({ set: this, name, options: opts, budget });
    try {
      return execute(this, name, tree, data, opts, budget);
    } catch (e) {
      if (e instanceof RangeError && e.message.includes('call stack')) {
        const msg = `template: ${name}: exceeded the JavaScript stack (templates nested too deeply)`;
        throw new ExecError(msg, { code: 'limit', templateName: name, line: 0, detail: msg, cause: e });
      }
      throw e;
    } finally {
      running.pop();
    }
  }
}
