/**
 * The parser of Go's text/template: builds parse trees from the lexer's tokens, with Go's
 * variable scoping, parse-time function checks and error texts (`template: NAME:LINE: msg`).
 */

import { parseFloat64, parseInt64, parseUint, quoteString, unquote, unquoteChar } from '../go';
import { isStackOverflow, ParseError } from './errors';
import { isKeyword, lex, type Token, type TokenKind } from './lex';
import {
  ActionNode,
  type ArgNode,
  BoolNode,
  BranchNode,
  BreakNode,
  ChainNode,
  CommandNode,
  ContinueNode,
  DotNode,
  ElseNode,
  EndNode,
  FieldNode,
  IdentifierNode,
  isEmptyTree,
  ListNode,
  NilNode,
  type Node,
  NumberNode,
  PipeNode,
  StringNode,
  TemplateNode,
  TextNode,
  VariableNode,
} from './node';

/** Tree is one parsed template: its name, the file it was parsed from, its text and root list. */
export interface Tree {
  readonly name: string;
  readonly parseName: string;
  readonly text: string;
  readonly root: ListNode;
}

const maxParenDepth = 10000;
const maxPipelineLength = 100000;

/** tokenString prints a token as Go's item.String does in parse errors. */
function tokenString(t: Token): string {
  if (t.kind === 'eof') return 'EOF';
  if (t.kind === 'error') return t.val;
  if (isKeyword(t.kind)) return `<${t.val}>`;
  // Go: %.10q, the first 10 runes quoted, then "...".
  const runes = Array.from(t.val);
  if (runes.length > 10) return `${goQuote(runes.slice(0, 10).join(''))}...`;
  return goQuote(t.val);
}

const goQuote = quoteString;

class Parser {
  private i = 0;
  private frontier = 0;
  private vars: string[] = ['$'];
  private rangeDepth = 0;
  private parenDepth = 0;
  private actionLine = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly parseName: string,
    private readonly text: string,
    private readonly hasFunction: (name: string) => boolean,
    private readonly treeSet: Map<string, Tree>,
  ) {}

  // --- token cursor -----------------------------------------------------------------------

  private next(): Token {
    const idx = Math.min(this.i, this.tokens.length - 1);
    this.i = idx + 1;
    if (idx > this.frontier) this.frontier = idx;
    return this.tokens[idx]!;
  }

  private backup(): void {
    this.i--;
  }

  private peek(): Token {
    const idx = Math.min(this.i, this.tokens.length - 1);
    if (idx > this.frontier) this.frontier = idx;
    return this.tokens[idx]!;
  }

  private nextNonSpace(): Token {
    let t: Token;
    do t = this.next();
    while (t.kind === 'space');
    return t;
  }

  private peekNonSpace(): Token {
    const t = this.nextNonSpace();
    this.backup();
    return t;
  }

  // --- errors ----------------------------------------------------------------------------

  errorf(msg: string): never {
    const t = this.tokens[Math.min(this.frontier, this.tokens.length - 1)]!;
    throw new ParseError(`template: ${this.parseName}:${t.line}: ${msg}`, {
      code: 'parse',
      templateName: this.parseName,
      line: t.line,
      detail: msg,
    });
  }

  private expect(kind: TokenKind, context: string): Token {
    const t = this.nextNonSpace();
    if (t.kind !== kind) this.unexpected(t, context);
    return t;
  }

  private expectOneOf(k1: TokenKind, k2: TokenKind, context: string): Token {
    const t = this.nextNonSpace();
    if (t.kind !== k1 && t.kind !== k2) this.unexpected(t, context);
    return t;
  }

  private unexpected(t: Token, context: string): never {
    if (t.kind === 'error') {
      let extra = '';
      if (this.actionLine !== 0 && this.actionLine !== t.line) {
        extra = ` in action started at ${this.parseName}:${this.actionLine}`;
        // Go: avoid "action in action".
        if (t.val.endsWith(' action')) extra = extra.slice(' in action'.length);
      }
      this.errorf(`${t.val}${extra}`);
    }
    this.errorf(`unexpected ${tokenString(t)} in ${context}`);
  }

  // --- trees -----------------------------------------------------------------------------

  /** parseFile parses the top-level template and its definitions into the tree set. */
  parseFile(name: string): void {
    const root = new ListNode(this.peek().pos);
    while (this.peek().kind !== 'eof') {
      if (this.peek().kind === 'leftDelim') {
        const save = this.i;
        this.next();
        if (this.nextNonSpace().kind === 'define') {
          this.parseDefinition();
          continue;
        }
        this.i = save;
      }
      const n = this.textOrAction();
      if (n.kind === 'end' || n.kind === 'else') this.errorf(`unexpected ${n.toString()}`);
      root.nodes.push(n);
    }
    this.add({ name, parseName: this.parseName, text: this.text, root });
  }

  private add(tree: Tree): void {
    const old = this.treeSet.get(tree.name);
    if (old === undefined || isEmptyTree(old.root)) {
      this.treeSet.set(tree.name, tree);
      return;
    }
    if (!isEmptyTree(tree.root))
      this.errorf(`template: multiple definition of template ${goQuote(tree.name)}`);
  }

  /** parseDefinition parses a `{{define "name"}} … {{end}}` into its own tree. */
  private parseDefinition(): void {
    const context = 'define clause';
    const saveVars = this.vars;
    this.vars = ['$'];
    const nameTok = this.expectOneOf('string', 'rawString', context);
    const name = this.unquoteOrFail(nameTok.val);
    this.expect('rightDelim', context);
    const [root, end] = this.itemList();
    if (end.kind !== 'end') this.errorf(`unexpected ${end.toString()} in ${context}`);
    this.add({ name, parseName: this.parseName, text: this.text, root });
    this.vars = saveVars;
  }

  private unquoteOrFail(s: string): string {
    const u = unquote(s);
    if (u === undefined) this.errorf('invalid syntax');
    return u;
  }

  /** itemList: textOrAction* terminated by an end or else node. */
  private itemList(): [ListNode, Node] {
    const list = new ListNode(this.peekNonSpace().pos);
    while (this.peekNonSpace().kind !== 'eof') {
      const n = this.textOrAction();
      if (n.kind === 'end' || n.kind === 'else') return [list, n];
      list.nodes.push(n);
    }
    this.errorf('unexpected EOF');
  }

  /** textOrAction: text | comment | action. */
  private textOrAction(): Node {
    const t = this.nextNonSpace();
    switch (t.kind) {
      case 'text':
        return new TextNode(t.pos, t.val);
      case 'leftDelim': {
        this.actionLine = t.line;
        try {
          return this.action();
        } finally {
          this.actionLine = 0;
        }
      }
    }
    this.unexpected(t, 'input');
  }

  /**
   * action: control | command ("|" command)*.
   * The left delimiter is past; now get the action, which may be a control word.
   */
  private action(): Node {
    const t = this.nextNonSpace();
    switch (t.kind) {
      case 'block':
        return this.blockControl();
      case 'break':
        return this.breakControl(t, 'break');
      case 'continue':
        return this.breakControl(t, 'continue');
      case 'else':
        return this.elseControl();
      case 'end':
        return new EndNode(this.expect('rightDelim', 'end').pos);
      case 'if':
        return this.branchControl('if');
      case 'range':
        return this.branchControl('range');
      case 'template':
        return this.templateControl();
      case 'with':
        return this.branchControl('with');
    }
    this.backup();
    const tok = this.peek();
    return new ActionNode(tok.pos, tok.line, this.pipeline('command', 'rightDelim'));
  }

  private breakControl(t: Token, word: 'break' | 'continue'): Node {
    const next = this.nextNonSpace();
    if (next.kind !== 'rightDelim') this.unexpected(next, `{{${word}}}`);
    if (this.rangeDepth === 0) this.errorf(`{{${word}}} outside {{range}}`);
    return word === 'break' ? new BreakNode(t.pos, t.line) : new ContinueNode(t.pos, t.line);
  }

  /** pipeline: declarations? command ('|' command)*, ended by `end`. */
  private pipeline(context: string, end: TokenKind): PipeNode {
    const first = this.peekNonSpace();
    const pipe = new PipeNode(first.pos, first.line);
    for (;;) {
      const v = this.peekNonSpace();
      if (v.kind !== 'variable') break;
      const save = this.i;
      this.nextNonSpace();
      const next = this.peekNonSpace();
      if (next.kind === 'assign' || next.kind === 'declare') {
        pipe.isAssign = next.kind === 'assign';
        this.nextNonSpace();
        pipe.decl.push(new VariableNode(v.pos, v.val));
        this.vars.push(v.val);
        break;
      }
      if (next.kind === 'char' && next.val === ',') {
        this.nextNonSpace();
        pipe.decl.push(new VariableNode(v.pos, v.val));
        this.vars.push(v.val);
        if (context === 'range' && pipe.decl.length < 2) {
          const k = this.peekNonSpace().kind;
          if (k === 'variable' || k === 'rightDelim' || k === 'rightParen') continue;
          this.errorf('range can only initialize variables');
        }
        this.errorf(`too many declarations in ${context}`);
      }
      this.i = save;
      break;
    }
    for (;;) {
      const t = this.nextNonSpace();
      if (t.kind === end) {
        this.checkPipeline(pipe, context);
        return pipe;
      }
      switch (t.kind) {
        case 'bool':
        case 'charConstant':
        case 'complex':
        case 'dot':
        case 'field':
        case 'identifier':
        case 'number':
        case 'nil':
        case 'rawString':
        case 'string':
        case 'variable':
        case 'leftParen':
          this.backup();
          pipe.cmds.push(this.command());
          if (pipe.cmds.length > maxPipelineLength) this.errorf('pipeline too long');
          break;
        default:
          this.unexpected(t, context);
      }
    }
  }

  private checkPipeline(pipe: PipeNode, context: string): void {
    if (pipe.cmds.length === 0) this.errorf(`missing value for ${context}`);
    for (let i = 1; i < pipe.cmds.length; i++) {
      switch (pipe.cmds[i]!.args[0]!.kind) {
        case 'bool':
        case 'dot':
        case 'nil':
        case 'number':
        case 'string':
          this.errorf(`non executable command in pipeline stage ${i + 1}`);
      }
    }
  }

  /** branchControl parses if, range and with, including `else if` and `else with` chains. */
  private branchControl<K extends 'if' | 'range' | 'with'>(context: K): BranchNode<K> {
    const mark = this.vars.length;
    try {
      const pipe = this.pipeline(context, 'rightDelim');
      if (context === 'range') this.rangeDepth++;
      let [list, next] = this.itemList();
      if (context === 'range') this.rangeDepth--;
      let elseList: ListNode | null = null;
      if (next.kind === 'else') {
        // Go: {{else if p}} is {{else}}{{if p}}…{{end}}{{end}}; likewise {{else with}}.
        if (context === 'if' && this.peek().kind === 'if') {
          this.next();
          elseList = new ListNode(next.pos);
          elseList.nodes.push(this.branchControl('if'));
        } else if (context === 'with' && this.peek().kind === 'with') {
          this.next();
          elseList = new ListNode(next.pos);
          elseList.nodes.push(this.branchControl('with'));
        } else {
          [elseList, next] = this.itemList();
          if (next.kind !== 'end') this.errorf(`expected end; found ${next.toString()}`);
        }
      }
      return new BranchNode(context, pipe.pos, pipe.line, pipe, list, elseList);
    } finally {
      this.vars.length = mark;
    }
  }

  /** elseControl: {{else}}, or the start of {{else if}} / {{else with}}. */
  private elseControl(): Node {
    const peek = this.peekNonSpace();
    if (peek.kind === 'if' || peek.kind === 'with') return new ElseNode(peek.pos, peek.line);
    const t = this.expect('rightDelim', 'else');
    return new ElseNode(t.pos, t.line);
  }

  /** blockControl: {{block "name" pipeline}} list {{end}}, a define plus a template call. */
  private blockControl(): Node {
    const context = 'block clause';
    const t = this.nextNonSpace();
    const name = this.parseTemplateName(t, context);
    const pipe = this.pipeline(context, 'rightDelim');
    const saveVars = this.vars;
    const saveRange = this.rangeDepth;
    this.vars = ['$'];
    this.rangeDepth = 0;
    const [root, end] = this.itemList();
    if (end.kind !== 'end') this.errorf(`unexpected ${end.toString()} in ${context}`);
    this.add({ name, parseName: this.parseName, text: this.text, root });
    this.vars = saveVars;
    this.rangeDepth = saveRange;
    return new TemplateNode(t.pos, t.line, name, pipe);
  }

  /** templateControl: {{template "name" pipeline?}}. */
  private templateControl(): Node {
    const context = 'template clause';
    const t = this.nextNonSpace();
    const name = this.parseTemplateName(t, context);
    let pipe: PipeNode | null = null;
    if (this.nextNonSpace().kind !== 'rightDelim') {
      this.backup();
      pipe = this.pipeline(context, 'rightDelim');
    }
    return new TemplateNode(t.pos, t.line, name, pipe);
  }

  private parseTemplateName(t: Token, context: string): string {
    if (t.kind === 'string' || t.kind === 'rawString') return this.unquoteOrFail(t.val);
    this.unexpected(t, context);
  }

  /** command: operand (space operand)*, ended by a pipe, right delimiter or right paren. */
  private command(): CommandNode {
    const cmd = new CommandNode(this.peekNonSpace().pos);
    for (;;) {
      this.peekNonSpace();
      const operand = this.operand();
      if (operand !== null) cmd.args.push(operand);
      const t = this.next();
      if (t.kind === 'space') continue;
      if (t.kind === 'rightDelim' || t.kind === 'rightParen') this.backup();
      else if (t.kind !== 'pipe') this.unexpected(t, 'operand');
      break;
    }
    if (cmd.args.length === 0) this.errorf('empty command');
    return cmd;
  }

  /** operand: term .Field*. */
  private operand(): ArgNode | null {
    const node = this.term();
    if (node === null) return null;
    if (this.peek().kind !== 'field') return node;
    const chain = new ChainNode(this.peek().pos, node);
    while (this.peek().kind === 'field') chain.add(this.next().val);
    // Go: field and variable chains are folded back into one node at the chain's position.
    switch (node.kind) {
      case 'field':
        return new FieldNode(chain.pos, chain.toString());
      case 'variable':
        return new VariableNode(chain.pos, chain.toString());
      case 'bool':
      case 'string':
      case 'number':
      case 'nil':
      case 'dot':
        this.errorf(`unexpected . after term ${goQuote(node.toString())}`);
    }
    return chain;
  }

  /** term: literal | function | nil | . | .Field | $var | '(' pipeline ')'. */
  private term(): ArgNode | null {
    const t = this.nextNonSpace();
    switch (t.kind) {
      case 'identifier':
        if (!this.hasFunction(t.val)) this.errorf(`function ${goQuote(t.val)} not defined`);
        return new IdentifierNode(t.pos, t.val);
      case 'dot':
        return new DotNode(t.pos);
      case 'nil':
        return new NilNode(t.pos);
      case 'variable':
        return this.lookupVar(t);
      case 'field':
        return new FieldNode(t.pos, t.val);
      case 'bool':
        return new BoolNode(t.pos, t.val === 'true');
      case 'charConstant':
      case 'complex':
      case 'number':
        return this.newNumber(t);
      case 'leftParen': {
        if (++this.parenDepth > maxParenDepth) this.errorf('max expression depth exceeded');
        const pipe = this.pipeline('parenthesized pipeline', 'rightParen');
        this.parenDepth--;
        return pipe;
      }
      case 'string':
      case 'rawString':
        return new StringNode(t.pos, t.val, this.unquoteOrFail(t.val));
    }
    this.backup();
    return null;
  }

  private lookupVar(t: Token): VariableNode {
    const v = new VariableNode(t.pos, t.val);
    const name = v.ident[0]!;
    if (!this.vars.includes(name)) this.errorf(`undefined variable ${goQuote(name)}`);
    return v;
  }

  private newNumber(t: Token): NumberNode {
    const n = new NumberNode(t.pos, t.val);
    if (t.kind === 'charConstant') {
      const r = unquoteChar(t.val.slice(1), 39);
      if (r === undefined) this.errorf('invalid syntax');
      if (r.tail !== "'") this.errorf(`malformed character constant: ${t.val}`);
      n.isInt = n.isUint = n.isFloat = true;
      n.int64 = n.uint64 = BigInt(r.value);
      n.float64 = r.value;
      return n;
    }
    const err = parseNumber(n, t.kind === 'complex');
    if (err !== undefined) this.errorf(err);
    return n;
  }
}

const int64Min = -(1n << 63n);
const int64Max = (1n << 63n) - 1n;

function simplifyComplex(n: NumberNode): void {
  n.isFloat = n.complexImag === 0;
  if (n.isFloat) {
    n.float64 = n.complexReal;
    n.isInt = Number.isInteger(n.float64) && Math.abs(n.float64) < 2 ** 63;
    if (n.isInt) n.int64 = BigInt(n.float64);
    n.isUint = Number.isInteger(n.float64) && n.float64 >= 0 && n.float64 < 2 ** 64;
    if (n.isUint) n.uint64 = BigInt(n.float64);
  }
}

/**
 * parseNumber fills a NumberNode with every interpretation of its literal, as Go's newNumber
 * does; it returns Go's error text for an invalid literal.
 */
function parseNumber(n: NumberNode, isComplexToken: boolean): string | undefined {
  const text = n.text;
  if (isComplexToken) {
    const m = /^([+-]?.*?[^eEpP+-])([+-].*)i$/.exec(text);
    const re = m ? parseFloat64(m[1]!) : undefined;
    const im = m ? parseFloat64(m[2]!) : undefined;
    if (re === undefined || im === undefined) return 'expected integer';
    n.isComplex = true;
    n.complexReal = re;
    n.complexImag = im;
    simplifyComplex(n);
    return undefined;
  }
  if (text.endsWith('i')) {
    const f = parseFloat64(text.slice(0, -1));
    if (f !== undefined) {
      n.isComplex = true;
      n.complexImag = f;
      simplifyComplex(n);
      return undefined;
    }
  }
  const u = parseUint(text);
  if (u !== undefined) {
    n.isUint = true;
    n.uint64 = u;
  }
  const i = parseInt64(text);
  if (i !== undefined) {
    n.isInt = true;
    n.int64 = i;
    if (i === 0n) {
      n.isUint = true;
      n.uint64 = u ?? 0n;
    }
  }
  if (n.isInt) {
    n.isFloat = true;
    n.float64 = Number(n.int64);
  } else if (n.isUint) {
    n.isFloat = true;
    n.float64 = Number(n.uint64);
  } else {
    const f = parseFloat64(text);
    if (f !== undefined) {
      // Go: a float that looks like an integer is one too large for int64.
      if (!/[.eEpP]/.test(text)) return `integer overflow: ${goQuote(text)}`;
      n.isFloat = true;
      n.float64 = f;
      if (Number.isInteger(f)) {
        const b = Math.abs(f) < 2 ** 64 ? BigInt(f) : undefined;
        if (b !== undefined && b >= int64Min && b <= int64Max) {
          n.isInt = true;
          n.int64 = b;
        }
        if (b !== undefined && b >= 0n) {
          n.isUint = true;
          n.uint64 = b;
        }
      }
    }
  }
  if (!n.isInt && !n.isUint && !n.isFloat) return `illegal number syntax: ${goQuote(text)}`;
  return undefined;
}

/** ParseOptions configures a parse: delimiters and the function-existence check. */
export interface ParseOptions {
  leftDelim?: string;
  rightDelim?: string;
  hasFunction: (name: string) => boolean;
}

/**
 * parse parses one template text named `name` and returns every tree it defines (the text's own
 * tree under `name`, plus one per `define`/`block`), in Go's rules: a second non-empty definition
 * of a name within the same text is an error; an empty one is ignored.
 */
export function parse(name: string, text: string, options: ParseOptions): Map<string, Tree> {
  const tokens = lex(text, options.leftDelim, options.rightDelim, {
    breakOK: !options.hasFunction('break'),
    continueOK: !options.hasFunction('continue'),
  });
  const trees = new Map<string, Tree>();
  const p = new Parser(tokens, name, text, options.hasFunction, trees);
  try {
    p.parseFile(name);
  } catch (e) {
    // Deeply nested parentheses can exhaust the JavaScript stack before Go's own limit (10000).
    if (isStackOverflow(e)) p.errorf('max expression depth exceeded');
    throw e;
  }
  return trees;
}
