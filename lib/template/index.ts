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
 *
 * Errors: every bad template gives a {@link ParseError} or {@link ExecError} whose message is
 * Go's exact text; functions report failures by throwing GoError (a returned error) or GoPanic.
 * Limits: `maxSteps` (default 10 million actions, iterations and template calls, shared by
 * nested runs) and Go's own (`exceeded maximum template depth (100000)`, `max expression depth
 * exceeded`) give errors with code `limit` that callers do not wrap. JavaScript's stack is smaller
 * than Go's: with Node's default stack, `template` recursion deeper than about 900 levels ends with
 * the `limit` error "exceeded the JavaScript stack" instead of Go's message. (Helm's `include` turns
 * that error into Helm's own recursion message when the stack runs out in a recursion: see
 * lib/helm/engine.ts.)
 */
import { type GoValue, quoteString } from '../go';
import { ExecError, isStackOverflow } from './errors';
import { type Budget, defaultMaxSteps, type ExecOptions, type FuncMap, lookupFunc, State } from './exec';
import { builtins } from './funcs';
import { isEmptyTree } from './node';
import { parse, type Tree } from './parse';
import { NO_VALUE, type Val } from './value';

export {
  ExecError,
  isStackOverflow,
  lineCol,
  ParseError,
  TemplateError,
  type TemplateErrorCode,
} from './errors';
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
  /**
   * funcs is the function map, read when a template is parsed (existence checks) and when it
   * executes (calls). A clone's map inherits from the original's: assigning a function on the
   * clone does not change the original.
   */
  funcs: FuncMap;
  readonly name: string;
  /** own holds the templates parsed into this set since it was made or cloned. */
  private own = new Map<string, Tree>();
  /** ownShared marks `own` as a layer of a clone: it is copied before the next write. */
  private ownShared = false;
  /** layers are frozen template maps shared with the set this one was cloned from, newest first. */
  private layers: readonly Map<string, Tree>[] = [];
  private readonly leftDelim: string;
  private readonly rightDelim: string;

  constructor(funcs: FuncMap, options?: TemplateSetOptions) {
    this.funcs = funcs;
    this.name = options?.name ?? 'gotpl';
    this.leftDelim = options?.leftDelim ?? '{{';
    this.rightDelim = options?.rightDelim ?? '}}';
  }

  /**
   * parse parses text as the template `name` into the set and returns the tree parsed for `name`
   * (also when, being empty, it did not replace an existing `name` in the set); throws ParseError.
   */
  parse(name: string, text: string): Tree | undefined {
    const funcs = this.funcs;
    const parsed = parse(name, text, {
      leftDelim: this.leftDelim,
      rightDelim: this.rightDelim,
      hasFunction: (fn) => lookupFunc(funcs, fn) !== undefined || Object.hasOwn(builtins, fn),
    });
    if (this.ownShared) {
      this.own = new Map(this.own);
      this.ownShared = false;
    }
    for (const [n, tree] of parsed) {
      // Go: an empty definition does not replace an existing template.
      if (isEmptyTree(tree.root) && this.lookup(n) !== undefined) continue;
      this.own.set(n, tree);
    }
    return parsed.get(name);
  }

  /** has reports whether the set holds a template of that name. */
  has(name: string): boolean {
    return this.lookup(name) !== undefined;
  }

  /** names lists the templates of the set. */
  names(): string[] {
    const names = new Set(this.own.keys());
    for (const layer of this.layers) for (const n of layer.keys()) names.add(n);
    return [...names];
  }

  /** lookup returns a template's parse tree. */
  lookup(name: string): Tree | undefined {
    const t = this.own.get(name);
    if (t !== undefined || this.layers.length === 0) return t;
    for (const layer of this.layers) {
      const l = layer.get(name);
      if (l !== undefined) return l;
    }
    return undefined;
  }

  /**
   * clone makes an independent copy of the set in O(1): parse trees are shared, templates parsed
   * into either set afterwards are seen by that set only (Helm's `tpl` clones on every call).
   */
  clone(): TemplateSet {
    const c = new TemplateSet(Object.create(this.funcs) as FuncMap, {
      name: this.name,
      leftDelim: this.leftDelim,
      rightDelim: this.rightDelim,
    });
    const layers = this.own.size > 0 ? [this.own, ...this.layers] : this.layers;
    this.ownShared = this.own.size > 0 || this.ownShared;
    c.layers = layers;
    return c;
  }

  /**
   * execute runs the named template with data and returns its output; throws TemplateError. With
   * `tree`, that tree runs under the name instead of the set's template (Go's Template.Execute on a
   * template made by New(name) whose empty text did not replace `name` in the set).
   */
  execute(name: string, data: GoValue, options?: ExecOptions, tree = this.lookup(name)): string {
    if (tree === undefined) {
      const msg = `template: no template ${quoteString(name)} associated with template ${quoteString(this.name)}`;
      throw new ExecError(msg, { code: 'undefined-template', templateName: name, line: 0, detail: msg });
    }
    const opts = options ?? {};
    const parent = running[running.length - 1];
    const budget: Budget = parent?.budget ?? { steps: 0, max: opts.maxSteps ?? defaultMaxSteps };
    running.push({ set: this, name, options: opts, budget });
    try {
      const dot: Val = data === null ? NO_VALUE : data;
      const s = new State(this, name, tree, dot, opts, budget);
      s.walkList(dot, false, tree.root);
      return s.out;
    } catch (e) {
      if (isStackOverflow(e)) {
        const msg = `template: ${name}: exceeded the JavaScript stack (templates nested too deeply)`;
        throw new ExecError(msg, { code: 'limit', templateName: name, line: 0, detail: msg, cause: e });
      }
      throw e;
    } finally {
      running.pop();
    }
  }
}
