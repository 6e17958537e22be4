/**
 * The parse tree of a Go text/template. Every node carries `pos`, its byte offset in the
 * template text (Go's Pos), and prints itself with `toString()` exactly as Go's `Node.String()` does (error messages
 * quote these forms: `executing "x" at <.Values.foo>`).
 */
import { type GoInt, quoteString } from '../go';

/** NodeKind names every kind of parse tree node. */
export type NodeKind =
  | 'text'
  | 'comment'
  | 'action'
  | 'pipe'
  | 'command'
  | 'identifier'
  | 'variable'
  | 'dot'
  | 'nil'
  | 'field'
  | 'chain'
  | 'bool'
  | 'number'
  | 'string'
  | 'end'
  | 'else'
  | 'if'
  | 'range'
  | 'with'
  | 'list'
  | 'template'
  | 'break'
  | 'continue';

/** TextNode holds plain text. */
export class TextNode {
  readonly kind = 'text';
  constructor(
    readonly pos: number,
    readonly text: string,
  ) {}
  toString(): string {
    return this.text;
  }
}

/** CommentNode holds a comment (only kept when comments are requested; Helm never does). */
export class CommentNode {
  readonly kind = 'comment';
  constructor(
    readonly pos: number,
    readonly text: string,
  ) {}
  toString(): string {
    return `{{${this.text}}}`;
  }
}

/** ListNode holds a sequence of nodes. */
export class ListNode {
  readonly kind = 'list';
  readonly nodes: Node[] = [];
  constructor(readonly pos: number) {}
  toString(): string {
    let s = '';
    for (const n of this.nodes) s += n.toString();
    return s;
  }
}

/** IdentifierNode holds a function name. */
export class IdentifierNode {
  readonly kind = 'identifier';
  constructor(
    readonly pos: number,
    readonly ident: string,
  ) {}
  toString(): string {
    return this.ident;
  }
}

/** VariableNode holds a variable name, possibly followed by field accesses (`$x.A.B`). */
export class VariableNode {
  readonly kind = 'variable';
  readonly ident: string[];
  constructor(
    readonly pos: number,
    ident: string,
  ) {
    this.ident = ident.split('.');
  }
  toString(): string {
    return this.ident.join('.');
  }
}

/** DotNode is the cursor, `.`. */
export class DotNode {
  readonly kind = 'dot';
  constructor(readonly pos: number) {}
  toString(): string {
    return '.';
  }
}

/** NilNode is the untyped nil constant. */
export class NilNode {
  readonly kind = 'nil';
  constructor(readonly pos: number) {}
  toString(): string {
    return 'nil';
  }
}

/** FieldNode holds a field chain starting at dot (`.A.B`); the idents exclude the dots. */
export class FieldNode {
  readonly kind = 'field';
  readonly ident: string[];
  constructor(
    readonly pos: number,
    ident: string,
  ) {
    this.ident = ident.slice(1).split('.');
  }
  toString(): string {
    let s = '';
    for (const id of this.ident) s += `.${id}`;
    return s;
  }
}

/** ChainNode holds a term followed by field accesses (`(pipe).A.B`). */
export class ChainNode {
  readonly kind = 'chain';
  readonly field: string[] = [];
  constructor(
    readonly pos: number,
    readonly node: ArgNode,
  ) {}
  /** add appends a field (given with its leading dot). */
  add(field: string): void {
    if (field.length === 0 || field[0] !== '.') throw new Error('no dot in field');
    const f = field.slice(1);
    if (f === '') throw new Error('empty field');
    this.field.push(f);
  }
  toString(): string {
    let s = this.node.kind === 'pipe' ? `(${this.node.toString()})` : this.node.toString();
    for (const f of this.field) s += `.${f}`;
    return s;
  }
}

/** BoolNode holds a boolean constant. */
export class BoolNode {
  readonly kind = 'bool';
  constructor(
    readonly pos: number,
    readonly value: boolean,
  ) {}
  toString(): string {
    return this.value ? 'true' : 'false';
  }
}

/**
 * NumberNode holds a number constant with every interpretation Go's parser computed
 * (int64, uint64, float64, complex); `text` is the literal as written.
 */
export class NumberNode {
  readonly kind = 'number';
  isInt = false;
  isUint = false;
  isFloat = false;
  isComplex = false;
  int64 = 0n;
  uint64 = 0n;
  float64 = 0;
  complexReal = 0;
  complexImag = 0;
  private ints: Map<string, GoInt> | undefined;
  constructor(
    readonly pos: number,
    readonly text: string,
  ) {}
  /** typedInt returns the constant as a Go integer of a type, made once (GoInts are immutable). */
  typedInt(type: string, make: () => GoInt): GoInt {
    let v = this.ints?.get(type);
    if (v === undefined) {
      v = make();
      (this.ints ??= new Map()).set(type, v);
    }
    return v;
  }
  toString(): string {
    return this.text;
  }
}

/** StringNode holds a string constant: `quoted` as written, `text` after unquoting. */
export class StringNode {
  readonly kind = 'string';
  constructor(
    readonly pos: number,
    readonly quoted: string,
    readonly text: string,
  ) {}
  toString(): string {
    return this.quoted;
  }
}

/** EndNode is `{{end}}`; it does not appear in the final tree. */
export class EndNode {
  readonly kind = 'end';
  constructor(readonly pos: number) {}
  toString(): string {
    return '{{end}}';
  }
}

/** ElseNode is `{{else}}`; it does not appear in the final tree. */
export class ElseNode {
  readonly kind = 'else';
  constructor(
    readonly pos: number,
    readonly line: number,
  ) {}
  toString(): string {
    return '{{else}}';
  }
}

/** PipeNode holds a pipeline with optional variable declarations or assignments. */
export class PipeNode {
  readonly kind = 'pipe';
  isAssign = false;
  readonly decl: VariableNode[] = [];
  readonly cmds: CommandNode[] = [];
  constructor(
    readonly pos: number,
    readonly line: number,
  ) {}
  toString(): string {
    let s = '';
    if (this.decl.length > 0) {
      s += this.decl.map((v) => v.toString()).join(', ');
      s += this.isAssign ? ' = ' : ' := ';
    }
    s += this.cmds.map((c) => c.toString()).join(' | ');
    return s;
  }
}

/** ArgNode is a node that can be an operand of a command. */
export type ArgNode =
  | IdentifierNode
  | VariableNode
  | DotNode
  | NilNode
  | FieldNode
  | ChainNode
  | BoolNode
  | NumberNode
  | StringNode
  | PipeNode;

/** CommandNode holds a command: a function or value with its arguments. */
export class CommandNode {
  readonly kind = 'command';
  readonly args: ArgNode[] = [];
  constructor(readonly pos: number) {}
  toString(): string {
    return this.args.map((a) => (a.kind === 'pipe' ? `(${a.toString()})` : a.toString())).join(' ');
  }
}

/** ActionNode holds an action `{{pipeline}}`. */
export class ActionNode {
  readonly kind = 'action';
  constructor(
    readonly pos: number,
    readonly line: number,
    readonly pipe: PipeNode,
  ) {}
  toString(): string {
    return `{{${this.pipe.toString()}}}`;
  }
}

/** BranchNode is the shape of if, range and with: a pipeline, a body and an optional else. */
export class BranchNode<K extends 'if' | 'range' | 'with'> {
  constructor(
    readonly kind: K,
    readonly pos: number,
    readonly line: number,
    readonly pipe: PipeNode,
    readonly list: ListNode,
    readonly elseList: ListNode | null,
  ) {}
  toString(): string {
    let s = `{{${this.kind} ${this.pipe.toString()}}}${this.list.toString()}`;
    if (this.elseList) s += `{{else}}${this.elseList.toString()}`;
    return `${s}{{end}}`;
  }
}

/** IfNode is `{{if}}`. */
export type IfNode = BranchNode<'if'>;
/** RangeNode is `{{range}}`. */
export type RangeNode = BranchNode<'range'>;
/** WithNode is `{{with}}`. */
export type WithNode = BranchNode<'with'>;

/** BreakNode is `{{break}}`. */
export class BreakNode {
  readonly kind = 'break';
  constructor(
    readonly pos: number,
    readonly line: number,
  ) {}
  toString(): string {
    return '{{break}}';
  }
}

/** ContinueNode is `{{continue}}`. */
export class ContinueNode {
  readonly kind = 'continue';
  constructor(
    readonly pos: number,
    readonly line: number,
  ) {}
  toString(): string {
    return '{{continue}}';
  }
}

/** TemplateNode is `{{template "name" pipeline}}`. */
export class TemplateNode {
  readonly kind = 'template';
  constructor(
    readonly pos: number,
    readonly line: number,
    readonly name: string,
    readonly pipe: PipeNode | null,
  ) {}
  toString(): string {
    const name = quoteString(this.name);
    return this.pipe ? `{{template ${name} ${this.pipe.toString()}}}` : `{{template ${name}}}`;
  }
}

/** Node is any parse tree node. */
export type Node =
  | TextNode
  | CommentNode
  | ListNode
  | ActionNode
  | CommandNode
  | IfNode
  | RangeNode
  | WithNode
  | TemplateNode
  | BreakNode
  | ContinueNode
  | EndNode
  | ElseNode
  | ArgNode;

/** isEmptyTree reports whether a tree holds only whitespace text and comments (Go's IsEmptyTree). */
export function isEmptyTree(n: Node | null): boolean {
  if (n === null) return true;
  switch (n.kind) {
    case 'comment':
      return true;
    case 'list':
      return n.nodes.every(isEmptyTree);
    case 'text':
      // Go: bytes.TrimSpace, i.e. Unicode white space (not the BOM, which JS's trim removes).
      return !/[^\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/.test(n.text);
    default:
      return false;
  }
}
