/**
 * The executor of Go's text/template. All execution state (dot, variables, depth, output, the
 * node being evaluated) lives in a per-run {@link State}; parse trees are never modified, so one
 * parse serves any number of renders.
 */
import {
  formatValue,
  GoError,
  type GoFuncValue,
  GoInt,
  GoMap,
  GoObject,
  GoPanic,
  type GoType,
  type GoValue,
  goTypeName,
  quoteString,
  sliceMethods,
  sliceType,
  sortedKeys,
} from '../go';
import { ExecError, lineCol, TemplateError } from './errors';
import { type Builtin, builtins } from './funcs';
import type {
  ArgNode,
  BranchNode,
  ChainNode,
  CommandNode,
  FieldNode,
  IdentifierNode,
  ListNode,
  Node,
  NumberNode,
  PipeNode,
  TemplateNode,
  VariableNode,
} from './node';
import type { Tree } from './parse';
import {
  assignable,
  canBeNil,
  GoComplex,
  isIntType,
  isTrue,
  isUintType,
  NO_VALUE,
  type Val,
  wrapInt,
  zeroValue,
} from './value';

/** FuncMap maps function names to Go functions callable from templates. */
export type FuncMap = Record<string, GoFuncValue>;

/**
 * lookupFunc finds a function in a FuncMap or the maps it inherits from (a cloned set's map),
 * never in Object.prototype.
 */
export function lookupFunc(funcs: FuncMap, name: string): GoFuncValue | undefined {
  for (let o: object | null = funcs; o !== null && o !== Object.prototype; o = Object.getPrototypeOf(o)) {
    if (Object.hasOwn(o, name)) return (o as FuncMap)[name];
  }
  return undefined;
}

/** MissingKey is Go's missingkey option: what a missing map key yields. */
export type MissingKey = 'zero' | 'error' | 'default';

/** ExecOptions tunes one execution: Go's missingkey option and a step budget. */
export interface ExecOptions {
  /** missingKey is Go's `missingkey` option; the default is Go's default (`default`); Helm uses `zero`. */
  missingKey?: MissingKey;
  /** maxSteps bounds the actions, iterations and template calls of a run (default 10 million). */
  maxSteps?: number;
}

/** TemplateLookup is what the executor needs from a template set. */
export interface TemplateLookup {
  readonly funcs: FuncMap;
  lookup(name: string): Tree | undefined;
}

/** maxExecDepth is Go's limit on nested template calls. */
const maxExecDepth = 100000;

/** defaultMaxSteps is the default step budget of one execution (nested executions share it). */
export const defaultMaxSteps = 10_000_000;

const CONTINUE_NONE = 0;
const BREAK = 1;
const CONTINUE = 2;

interface Variable {
  name: string;
  value: Val;
  /** iface marks a value whose static type is interface {} (it matters for error messages). */
  iface: boolean;
}

/** Budget counts steps across an execution and the executions nested in it. */
export interface Budget {
  steps: number;
  readonly max: number;
}

const smallInts: GoInt[] = Array.from({ length: 256 }, (_, i) => new GoInt(BigInt(i)));

/** indexValue turns a slice position into a Go int (small ones are shared; GoInts are immutable). */
function indexValue(index: Val | number): Val {
  if (typeof index !== 'number') return index;
  return index < 256 ? smallInts[index]! : new GoInt(BigInt(index));
}

/** State is the state of one execution (Go's state struct). */
export class State {
  out = '';
  node: Node | null = null;
  vars: Variable[];
  depth = 0;
  /** fieldIface tells whether the last field lookup produced an interface {}-typed value. */
  private fieldIface = false;
  private readonly missingKey: MissingKey;

  constructor(
    readonly set: TemplateLookup,
    public tmplName: string,
    public tree: Tree,
    dot: Val,
    options: ExecOptions,
    readonly budget: Budget,
  ) {
    this.vars = [{ name: '$', value: dot, iface: false }];
    this.missingKey = options.missingKey ?? 'default';
  }

  // --- errors ----------------------------------------------------------------------------

  /** errorf raises an ExecError in Go's format, at the node being evaluated. */
  errorf(msg: string, cause?: unknown, code: 'exec' | 'limit' = 'exec'): never {
    const name = this.tmplName;
    if (this.node === null) {
      throw new ExecError(`template: ${name}: ${msg}`, {
        code,
        templateName: this.tree.parseName,
        line: 0,
        executing: name,
        detail: msg,
        cause,
      });
    }
    const { line, col } = lineCol(this.tree.text, this.node.pos);
    const context = this.node.toString();
    const location = `${this.tree.parseName}:${line}:${col}`;
    throw new ExecError(`template: ${location}: executing ${quoteString(name)} at <${context}>: ${msg}`, {
      code,
      templateName: this.tree.parseName,
      line,
      col,
      context,
      executing: name,
      detail: msg,
      cause,
    });
  }

  private step(): void {
    if (++this.budget.steps > this.budget.max) {
      this.errorf(`execution stopped after ${this.budget.max} steps (maxSteps)`, undefined, 'limit');
    }
  }

  // --- variables -------------------------------------------------------------------------

  private setVar(name: string, value: Val): void {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      const v = this.vars[i]!;
      if (v.name === name) {
        v.value = value;
        v.iface = false;
        return;
      }
    }
    this.errorf(`undefined variable: ${name}`);
  }

  private varLookup(name: string): Variable {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      const v = this.vars[i]!;
      if (v.name === name) return v;
    }
    this.errorf(`undefined variable: ${name}`);
  }

  // --- walking ---------------------------------------------------------------------------

  /** walk executes a node; it returns BREAK or CONTINUE when a range body must stop. */
  walk(dot: Val, dotIface: boolean, node: Node): number {
    this.node = node;
    switch (node.kind) {
      case 'action': {
        this.step();
        const val = this.evalPipeline(dot, dotIface, node.pipe);
        if (node.pipe.decl.length === 0) this.printValue(node, val);
        return CONTINUE_NONE;
      }
      case 'text':
        this.out += node.text;
        return CONTINUE_NONE;
      case 'list':
        for (const n of node.nodes) {
          const r = this.walk(dot, dotIface, n);
          if (r !== CONTINUE_NONE) return r;
        }
        return CONTINUE_NONE;
      case 'if':
      case 'with': {
        // walkIfOrWith, inlined to save a stack frame per level.
        const mark = this.vars.length;
        const val = this.evalPipeline(dot, dotIface, node.pipe);
        let r: number;
        if (isTrue(val)) {
          r =
            node.kind === 'with'
              ? this.walkList(val, false, node.list)
              : this.walkList(dot, dotIface, node.list);
        } else if (node.elseList) r = this.walkList(dot, dotIface, node.elseList);
        else r = CONTINUE_NONE;
        this.vars.length = mark;
        return r;
      }
      case 'range':
        this.walkRange(dot, dotIface, node);
        return CONTINUE_NONE;
      case 'template':
        this.walkTemplate(dot, dotIface, node);
        return CONTINUE_NONE;
      case 'break':
        return BREAK;
      case 'continue':
        return CONTINUE;
      case 'comment':
        return CONTINUE_NONE;
    }
    this.errorf(`unknown node: ${node.toString()}`);
  }

  /** walkList walks the nodes of a list (a list's own frame is skipped to save stack depth). */
  walkList(dot: Val, dotIface: boolean, list: ListNode): number {
    this.node = list;
    for (const n of list.nodes) {
      const r = this.walk(dot, dotIface, n);
      if (r !== CONTINUE_NONE) return r;
    }
    return CONTINUE_NONE;
  }

  private walkRange(dot: Val, dotIface: boolean, r: BranchNode<'range'>): void {
    this.node = r;
    const outer = this.vars.length;
    const val = this.evalPipeline(dot, dotIface, r.pipe);
    const mark = this.vars.length;
    let ran = false;
    if (Array.isArray(val)) {
      const iface = sliceType(val) === '[]interface {}';
      for (let i = 0; i < val.length; i++) {
        ran = true;
        if (this.rangeIteration(r, mark, i, val[i]!, iface) === BREAK) break;
      }
    } else if (val instanceof Uint8Array) {
      for (let i = 0; i < val.length; i++) {
        ran = true;
        if (this.rangeIteration(r, mark, i, new GoInt(BigInt(val[i]!), 'uint8'), false) === BREAK) break;
      }
    } else if (val instanceof GoMap) {
      const iface = val.elemType === 'interface {}';
      for (const k of sortedKeys(val)) {
        ran = true;
        if (this.rangeIteration(r, mark, k, val.get(k) ?? null, iface) === BREAK) break;
      }
    } else if (val instanceof GoInt) {
      if (r.pipe.decl.length > 1) {
        this.errorf(`can't use ${formatValue(val)} to iterate over more than one variable`);
      }
      for (let i = 0n; i < val.value; i++) {
        ran = true;
        if (this.rangeIteration(r, mark, NO_VALUE, new GoInt(i, val.type), false) === BREAK) break;
      }
    } else if (val !== NO_VALUE) {
      this.errorf(`range can't iterate over ${formatValue(val)}`);
    }
    if (!ran && r.elseList) this.walkList(dot, dotIface, r.elseList);
    this.vars.length = outer;
  }

  /** rangeIteration runs one iteration of a range body (a number index is a slice position). */
  private rangeIteration(
    r: BranchNode<'range'>,
    mark: number,
    index: Val | number,
    elem: Val,
    elemIface: boolean,
  ): number {
    this.step();
    const decl = r.pipe.decl;
    if (decl.length > 0) {
      if (r.pipe.isAssign) {
        this.setVar(decl[0]!.ident[0]!, decl.length > 1 ? indexValue(index) : elem);
        if (decl.length === 1) this.varLookup(decl[0]!.ident[0]!).iface = elemIface;
      } else {
        const top = this.vars[this.vars.length - 1]!;
        top.value = elem;
        top.iface = elemIface;
      }
    }
    if (decl.length > 1) {
      if (r.pipe.isAssign) {
        this.setVar(decl[1]!.ident[0]!, elem);
        this.varLookup(decl[1]!.ident[0]!).iface = elemIface;
      } else {
        const v = this.vars[this.vars.length - 2]!;
        v.value = indexValue(index);
        v.iface = false;
      }
    }
    const res = this.walkList(elem, elemIface, r.list);
    this.vars.length = mark;
    return res;
  }

  private walkTemplate(dot: Val, dotIface: boolean, t: TemplateNode): void {
    this.node = t;
    const tree = this.set.lookup(t.name);
    if (tree === undefined) this.errorf(`template ${quoteString(t.name)} not defined`);
    if (this.depth === maxExecDepth) this.errorf(`exceeded maximum template depth (${maxExecDepth})`);
    this.step();
    const newDot = this.evalPipeline(dot, dotIface, t.pipe);
    const saved = { name: this.tmplName, tree: this.tree, vars: this.vars, node: this.node };
    this.tmplName = t.name;
    this.tree = tree;
    this.vars = [{ name: '$', value: newDot, iface: false }];
    this.depth++;
    // An error ends the whole run, so the caller's state is restored only on success.
    this.walkList(newDot, false, tree.root);
    this.depth--;
    this.tmplName = saved.name;
    this.tree = saved.tree;
    this.vars = saved.vars;
    this.node = saved.node;
  }

  // --- evaluation ------------------------------------------------------------------------

  /** evalPipeline evaluates a pipeline, declaring or assigning its variables. */
  evalPipeline(dot: Val, dotIface: boolean, pipe: PipeNode | null): Val {
    if (pipe === null) return NO_VALUE;
    this.node = pipe;
    let value: Val | undefined;
    for (const cmd of pipe.cmds) {
      const first = cmd.args[0]!;
      if (first.kind === 'identifier') {
        // A function call, evaluated here rather than in evalCommand to save a stack frame.
        this.node = first;
        const name = first.ident;
        const user = lookupFunc(this.set.funcs, name);
        if (user !== undefined) value = this.evalCall(dot, dotIface, user, false, cmd, name, cmd.args, value);
        else {
          const builtin = Object.hasOwn(builtins, name) ? builtins[name] : undefined;
          if (builtin === undefined) this.errorf(`${quoteString(name)} is not a defined function`);
          value = this.evalCall(dot, dotIface, builtin, true, cmd, name, cmd.args, value);
        }
      } else value = this.evalCommand(dot, dotIface, cmd, value);
      // Go: an interface{} result is unwrapped; a nil interface becomes no value.
      if (value === null) value = NO_VALUE;
    }
    const v = value ?? NO_VALUE;
    for (const variable of pipe.decl) {
      if (pipe.isAssign) this.setVar(variable.ident[0]!, v);
      else this.vars.push({ name: variable.ident[0]!, value: v, iface: false });
    }
    return v;
  }

  private notAFunction(args: readonly ArgNode[] | null, final: Val | undefined): void {
    if ((args !== null && args.length > 1) || final !== undefined) {
      this.errorf(`can't give argument to non-function ${args?.[0]?.toString()}`);
    }
  }

  private evalCommand(dot: Val, dotIface: boolean, cmd: CommandNode, final: Val | undefined): Val {
    const first = cmd.args[0]!;
    switch (first.kind) {
      case 'field':
        return this.evalFieldNode(dot, dotIface, first, cmd.args, final);
      case 'chain':
        return this.evalChainNode(dot, dotIface, first, cmd.args, final);
      case 'identifier': {
        // evalFunction, inlined to save a stack frame per call.
        this.node = first;
        const name = first.ident;
        const user = lookupFunc(this.set.funcs, name);
        if (user !== undefined) return this.evalCall(dot, dotIface, user, false, cmd, name, cmd.args, final);
        const builtin = Object.hasOwn(builtins, name) ? builtins[name] : undefined;
        if (builtin === undefined) this.errorf(`${quoteString(name)} is not a defined function`);
        return this.evalCall(dot, dotIface, builtin, true, cmd, name, cmd.args, final);
      }
      case 'pipe':
        this.notAFunction(cmd.args, final);
        return this.evalPipeline(dot, dotIface, first);
      case 'variable':
        return this.evalVariableNode(dot, dotIface, first, cmd.args, final);
    }
    this.node = first;
    this.notAFunction(cmd.args, final);
    switch (first.kind) {
      case 'bool':
        return first.value;
      case 'dot':
        return dot;
      case 'nil':
        this.errorf('nil is not a command');
        break;
      case 'number':
        return this.idealConstant(first);
      case 'string':
        return first.text;
    }
    this.errorf(`can't evaluate command ${quoteString(String(first))}`);
  }

  /** idealConstant gives an untyped number constant its type: int if integral syntax, else float64. */
  private idealConstant(n: NumberNode): Val {
    this.node = n;
    if (n.isComplex) return new GoComplex(n.complexReal, n.complexImag);
    const text = n.text;
    const hexInt =
      text.length > 2 && text[0] === '0' && (text[1] === 'x' || text[1] === 'X') && !/[pP]/.test(text);
    if (n.isFloat && !hexInt && text[0] !== "'" && /[.eEpP]/.test(text)) return n.float64;
    if (n.isInt) return n.typedInt('int', () => new GoInt(n.int64));
    this.errorf(`${text} overflows int`);
  }

  private evalFieldNode(
    dot: Val,
    dotIface: boolean,
    field: FieldNode,
    args: readonly ArgNode[] | null,
    final: Val | undefined,
  ): Val {
    this.node = field;
    return this.evalFieldChain(dot, dotIface, dot, dotIface, field, field.ident, 0, args, final);
  }

  private evalChainNode(
    dot: Val,
    dotIface: boolean,
    chain: ChainNode,
    args: readonly ArgNode[] | null,
    final: Val | undefined,
  ): Val {
    this.node = chain;
    if (chain.node.kind === 'nil') this.errorf(`indirection through explicit nil in ${chain.toString()}`);
    const pipe = this.evalArg(dot, dotIface, null, chain.node);
    return this.evalFieldChain(dot, dotIface, pipe, false, chain, chain.field, 0, args, final);
  }

  private evalVariableNode(
    dot: Val,
    dotIface: boolean,
    variable: VariableNode,
    args: readonly ArgNode[] | null,
    final: Val | undefined,
  ): Val {
    this.node = variable;
    const v = this.varLookup(variable.ident[0]!);
    if (variable.ident.length === 1) {
      this.notAFunction(args, final);
      this.fieldIface = v.iface;
      return v.value;
    }
    return this.evalFieldChain(dot, dotIface, v.value, v.iface, variable, variable.ident, 1, args, final);
  }

  private evalFieldChain(
    dot: Val,
    dotIface: boolean,
    receiver: Val,
    recvIface: boolean,
    node: Node,
    ident: readonly string[],
    start: number,
    args: readonly ArgNode[] | null,
    final: Val | undefined,
  ): Val {
    const n = ident.length;
    for (let i = start; i < n - 1; i++) {
      receiver = this.evalField(dot, dotIface, ident[i]!, node, null, undefined, receiver, recvIface);
      recvIface = this.fieldIface;
    }
    return this.evalField(dot, dotIface, ident[n - 1]!, node, args, final, receiver, recvIface);
  }

  private evalFunction(
    dot: Val,
    dotIface: boolean,
    node: IdentifierNode,
    cmd: Node,
    args: readonly ArgNode[] | null,
    final: Val | undefined,
  ): Val {
    this.node = node;
    const name = node.ident;
    const user = lookupFunc(this.set.funcs, name);
    if (user !== undefined) return this.evalCall(dot, dotIface, user, false, cmd, name, args, final);
    const builtin = Object.hasOwn(builtins, name) ? builtins[name] : undefined;
    if (builtin === undefined) this.errorf(`${quoteString(name)} is not a defined function`);
    return this.evalCall(dot, dotIface, builtin, true, cmd, name, args, final);
  }

  /** evalField evaluates `.Name` on a receiver: a method, a struct field or a map key. */
  private evalField(
    dot: Val,
    dotIface: boolean,
    fieldName: string,
    node: Node,
    args: readonly ArgNode[] | null,
    final: Val | undefined,
    receiver: Val,
    recvIface: boolean,
  ): Val {
    this.fieldIface = false;
    if (receiver === NO_VALUE) {
      if (this.missingKey === 'error') this.errorf(`nil data; no entry for key ${quoteString(fieldName)}`);
      return NO_VALUE;
    }
    if (receiver === null) this.errorf(`nil pointer evaluating interface {}.${fieldName}`);
    const hasArgs = (args !== null && args.length > 1) || final !== undefined;
    if (receiver instanceof GoMap) {
      const method = receiver.method(fieldName);
      if (method !== undefined)
        return this.evalCall(dot, dotIface, method, false, node, fieldName, args, final);
      if (hasArgs) this.errorf(`${fieldName} is not a method but has arguments`);
      const v = receiver.get(fieldName);
      this.fieldIface = receiver.elemType === 'interface {}';
      if (v !== undefined) return v;
      switch (this.missingKey) {
        case 'zero':
          return zeroValue(receiver.elemType);
        case 'error':
          this.errorf(`map has no entry for key ${quoteString(fieldName)}`);
          break;
        default:
          return NO_VALUE;
      }
    }
    if (receiver instanceof GoObject) {
      const method = receiver.method(fieldName);
      if (method !== undefined)
        return this.evalCall(dot, dotIface, method, false, node, fieldName, args, final);
      const f = receiver.field(fieldName);
      if (f !== undefined) {
        if (hasArgs) this.errorf(`${fieldName} has arguments but cannot be invoked as function`);
        return f;
      }
    }
    if (Array.isArray(receiver)) {
      const methods = sliceMethods(receiver);
      const method =
        methods !== undefined && Object.hasOwn(methods, fieldName) ? methods[fieldName] : undefined;
      if (method !== undefined)
        return this.evalCall(dot, dotIface, method, false, node, fieldName, args, final);
    }
    this.errorf(
      `can't evaluate field ${fieldName} in type ${recvIface ? 'interface {}' : goTypeName(receiver)}`,
    );
  }

  /** evalCall calls a function or method with the command's arguments and the pipeline's final value. */
  private evalCall(
    dot: Val,
    dotIface: boolean,
    fn: GoFuncValue | Builtin,
    isBuiltin: boolean,
    node: Node,
    name: string,
    args: readonly ArgNode[] | null,
    final: Val | undefined,
  ): Val {
    const nargs = args === null ? 0 : args.length - 1;
    const numIn = nargs + (final !== undefined ? 1 : 0);
    const params = fn.params;
    const np = params.length;
    let numFixed = nargs;
    if (fn.variadic) {
      numFixed = np - 1;
      if (numIn < numFixed)
        this.errorf(`wrong number of args for ${name}: want at least ${np - 1} got ${nargs}`);
    } else if (numIn !== np) this.errorf(`wrong number of args for ${name}: want ${np} got ${numIn}`);

    if (isBuiltin && (name === 'and' || name === 'or')) {
      let v: Val = NO_VALUE;
      for (let i = 0; i < nargs; i++) {
        v = this.evalArg(dot, dotIface, 'reflect.Value', args![i + 1]!);
        if (isTrue(v) === (name === 'or')) return v;
      }
      if (final !== undefined) v = final;
      return v;
    }

    const argv: Val[] = new Array(numIn);
    let i = 0;
    for (; i < numFixed && i < nargs; i++) argv[i] = this.evalArg(dot, dotIface, params[i]!, args![i + 1]!);
    if (fn.variadic) {
      const t = params[np - 1]!;
      for (; i < nargs; i++) argv[i] = this.evalArg(dot, dotIface, t, args![i + 1]!);
    }
    if (final !== undefined) {
      let t = params[np - 1]!;
      if (fn.variadic && numIn - 1 < numFixed) t = params[numIn - 1]!;
      argv[i] = this.validateType(final, t);
    }
    if (isBuiltin && name === 'call') {
      const callee = nargs === 0 ? String(final) : args![1]!.toString();
      argv.unshift(callee);
    }
    let result: Val | undefined;
    try {
      result = isBuiltin ? (fn as Builtin).fn(...argv) : (fn as GoFuncValue).fn(...(argv as GoValue[]));
    } catch (e) {
      // A limit (step budget, stack) stops the whole run: it is not wrapped by each caller.
      if (e instanceof TemplateError && e.code === 'limit') throw e;
      if (e instanceof GoError || e instanceof GoPanic || e instanceof TemplateError) {
        this.node = node;
        this.errorf(`error calling ${name}: ${e.message}`, e);
      }
      throw e;
    }
    // A Go function always returns a value; undefined is a bug in the function's implementation.
    if (result === undefined) throw new Error(`lib/template: function ${name} returned undefined`);
    return result;
  }

  /** evalArg evaluates an argument node for a parameter of type typ (null: untyped). */
  private evalArg(dot: Val, dotIface: boolean, typ: GoType | null, n: ArgNode): Val {
    this.node = n;
    switch (n.kind) {
      case 'dot':
        return this.validateType(dot, typ);
      case 'nil':
        if (typ === null || typ === 'reflect.Value') return NO_VALUE;
        if (canBeNil(typ)) return zeroValue(typ);
        this.errorf(`cannot assign nil to ${typ}`);
        break;
      case 'field': {
        const v = this.evalFieldNode(dot, dotIface, n, [n], undefined);
        return this.validateType(v, typ);
      }
      case 'variable': {
        const v = this.evalVariableNode(dot, dotIface, n, null, undefined);
        return this.validateType(v, typ);
      }
      case 'pipe':
        return this.validateType(this.evalPipeline(dot, dotIface, n), typ);
      case 'identifier':
        return this.validateType(this.evalFunction(dot, dotIface, n, n, null, undefined), typ);
      case 'chain': {
        const v = this.evalChainNode(dot, dotIface, n, null, undefined);
        return this.validateType(v, typ);
      }
    }
    switch (typ) {
      case null:
      case 'interface {}':
      case 'reflect.Value':
        if (n.kind === 'bool') return n.value;
        if (n.kind === 'number') return this.idealConstant(n);
        if (n.kind === 'string') return n.text;
        break;
      case 'bool':
        if (n.kind === 'bool') return n.value;
        this.errorf(`expected bool; found ${n.toString()}`);
        break;
      case 'string':
        if (n.kind === 'string') return n.text;
        this.errorf(`expected string; found ${n.toString()}`);
        break;
      case 'float64':
        if (n.kind === 'number' && n.isFloat) return n.float64;
        this.errorf(`expected float; found ${n.toString()}`);
        break;
      default:
        if (isIntType(typ)) {
          if (n.kind === 'number' && n.isInt) return n.typedInt(typ, () => wrapInt(n.int64, typ));
          this.errorf(`expected integer; found ${n.toString()}`);
        }
        if (isUintType(typ)) {
          if (n.kind === 'number' && n.isUint) return n.typedInt(typ, () => wrapInt(n.uint64, typ));
          this.errorf(`expected unsigned integer; found ${n.toString()}`);
        }
    }
    this.errorf(`can't handle ${n.toString()} for arg of type ${typ}`);
  }

  /** validateType checks that a value can be passed as type typ (Go's validateType). */
  private validateType(value: Val, typ: GoType | null): Val {
    if (value === NO_VALUE) {
      if (typ === null || typ === 'reflect.Value') return NO_VALUE;
      if (canBeNil(typ)) return zeroValue(typ);
      this.errorf(`invalid value; expected ${typ}`);
    }
    if (typ === 'interface {}' && value instanceof GoObject) return value.passed();
    if (typ === null || typ === 'interface {}' || typ === 'reflect.Value') return value;
    if (value === null) this.errorf(`wrong type for value; expected ${typ}; got interface {}`);
    if (assignable(value, typ)) return value;
    this.errorf(`wrong type for value; expected ${typ}; got ${goTypeName(value)}`);
  }

  /** printValue writes an action's value as fmt.Print does (no value prints `<no value>`). */
  private printValue(node: Node, v: Val): void {
    this.node = node;
    if (v === NO_VALUE) {
      this.out += '<no value>';
      return;
    }
    if (v !== null && typeof v === 'object' && 'fn' in v && !(v instanceof GoObject)) {
      this.errorf(`can't print ${node.toString()} of type ${goTypeName(v)}`);
    }
    if (typeof v === 'string') this.out += v;
    // Go: the template printer looks through a pointer first, so `{{ .Capabilities }}` has no `&`.
    else if (v instanceof GoObject && v.goType.startsWith('*')) this.out += v.string() ?? v.format();
    else {
      try {
        this.out += formatValue(v);
      } catch (e) {
        if (e instanceof GoPanic) this.errorf(e.message, e);
        throw e;
      }
    }
  }
}
