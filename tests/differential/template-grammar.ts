// A small grammar of Go templates (actions, pipelines, literals, variables, if/range/with, builtins and
// common sprig functions) that generates random but mostly meaningful template bodies from a seed.

/** Rng is a seeded pseudo-random generator (mulberry32) with helpers. */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** next returns a float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** int returns an integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  /** pick returns a random element of a non-empty list. */
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
  /** chance returns true with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }
}

/** GRAMMAR_VALUES is the values.yaml of every generated chart. */
export const GRAMMAR_VALUES = `str: hello
num: 3
float: 1.5
big: 1000000
zero: 0
t: true
f: false
empty: ""
nil: null
list: [a, b, c]
nums: [3, 1, 2]
mixed: [1, "two", 3.5, null, true]
map:
  k1: v1
  k2: 2
  nested:
    x: y
quote: 'say "hi"'
multi: "a\\nb"
yes: yes
`;

/** Kind is the rough type of an expression: string, int, number, bool, list, map, or anything. */
type Kind = 's' | 'i' | 'n' | 'b' | 'l' | 'm' | 'a';

/** FIELDS are field chains by kind, written from the root (`$` is prefixed where dot is not the root). */
const FIELDS: Record<Kind, readonly string[]> = {
  s: [
    '.Values.str',
    '.Values.map.k1',
    '.Values.quote',
    '.Values.multi',
    '.Values.empty',
    '.Release.Name',
    '.Chart.Name',
    '.Template.Name',
  ],
  i: ['.Capabilities.KubeVersion.Minor'],
  n: ['.Values.num', '.Values.float', '.Values.big', '.Values.zero', '.Values.map.k2'],
  b: ['.Values.t', '.Values.f', '.Values.true', '.Release.IsInstall'],
  l: ['.Values.list', '.Values.nums', '.Values.mixed'],
  m: ['.Values.map', '.Values.map.nested', '.Values'],
  a: [
    '.Values.nil',
    '.Values.missing',
    '.Values.missing.deep',
    '.Values.map.nested.x',
    '.Chart.Version',
    '.Values.yes',
  ],
};

const LITERALS: Record<Kind, readonly string[]> = {
  s: [
    '"a"',
    '"Hello World"',
    '""',
    '"a,b,c"',
    '"x: y"',
    '"  pad  "',
    '"1.5"',
    '"42"',
    '"é😀"',
    '"\\n"',
    '`raw`',
  ],
  i: ['0', '1', '2', '3', '-1', '10', '100', '1000000', "'a'", '0x1F'],
  n: ['1.5', '0.1', '2.0', '1e6', '-0.5', '3'],
  b: ['true', 'false'],
  // Go map iteration order is random: keys are only ever used sorted.
  l: ['(list 1 2)', '(list "b" "a")', '(list)', '(keys $.Values.map | sortAlpha)'],
  m: ['(dict "k" "v")', '(dict)'],
  a: ['nil', '"s"', '1', '1.5', 'true'],
};

/** Sig is a function's parameter kinds (variadic repeats the last) and result kind. */
interface Sig {
  params: readonly Kind[];
  variadic?: boolean;
  result: Kind;
}

const TO_STRING: Sig = { params: ['a'], result: 's' };

/** FUNCS maps function names to their parameter kinds (a trailing `*` repeats the last) and result kind. */
const FUNCS: Record<string, Sig> = {
  print: { params: ['a'], variadic: true, result: 's' },
  len: { params: ['l'], result: 'i' },
  index: { params: ['l', 'i'], result: 'a' },
  not: { params: ['a'], result: 'b' },
  and: { params: ['a', 'a'], variadic: true, result: 'a' },
  or: { params: ['a', 'a'], variadic: true, result: 'a' },
  eq: { params: ['s', 's'], result: 'b' },
  ne: { params: ['i', 'i'], result: 'b' },
  lt: { params: ['i', 'i'], result: 'b' },
  ge: { params: ['s', 's'], result: 'b' },
  default: { params: ['a', 'a'], result: 'a' },
  quote: { params: ['a'], variadic: true, result: 's' },
  squote: { params: ['a'], result: 's' },
  upper: { params: ['s'], result: 's' },
  lower: { params: ['s'], result: 's' },
  trim: { params: ['s'], result: 's' },
  title: { params: ['s'], result: 's' },
  trunc: { params: ['i', 's'], result: 's' },
  // A typed constant: an inline literal under the key toString clashes with Object.prototype.toString.
  toString: TO_STRING,
  toJson: { params: ['a'], result: 's' },
  toYaml: { params: ['a'], result: 's' },
  list: { params: ['a'], variadic: true, result: 'l' },
  hasKey: { params: ['m', 's'], result: 'b' },
  add: { params: ['n', 'n'], result: 'i' },
  sub: { params: ['n', 'n'], result: 'i' },
  mul: { params: ['n', 'n'], result: 'i' },
  div: { params: ['n', 'n'], result: 'i' },
  max: { params: ['n', 'n'], variadic: true, result: 'i' },
  min: { params: ['n', 'n'], result: 'i' },
  int: { params: ['a'], result: 'i' },
  float64: { params: ['a'], result: 'n' },
  join: { params: ['s', 'l'], result: 's' },
  splitList: { params: ['s', 's'], result: 'l' },
  repeat: { params: ['i', 's'], result: 's' },
  replace: { params: ['s', 's', 's'], result: 's' },
  contains: { params: ['s', 's'], result: 'b' },
  hasPrefix: { params: ['s', 's'], result: 'b' },
  b64enc: { params: ['s'], result: 's' },
  sha256sum: { params: ['s'], result: 's' },
  first: { params: ['l'], result: 'a' },
  last: { params: ['l'], result: 'a' },
  rest: { params: ['l'], result: 'l' },
  reverse: { params: ['l'], result: 'l' },
  uniq: { params: ['l'], result: 'l' },
  compact: { params: ['l'], result: 'l' },
  has: { params: ['a', 'l'], result: 'b' },
  empty: { params: ['a'], result: 'b' },
  coalesce: { params: ['a', 'a'], variadic: true, result: 'a' },
  ternary: { params: ['a', 'a', 'b'], result: 'a' },
  typeOf: { params: ['a'], result: 's' },
  kindOf: { params: ['a'], result: 's' },
  nindent: { params: ['i', 's'], result: 's' },
  indent: { params: ['i', 's'], result: 's' },
  kebabcase: { params: ['s'], result: 's' },
  camelcase: { params: ['s'], result: 's' },
  regexReplaceAll: { params: ['s', 's', 's'], result: 's' },
  until: { params: ['i'], result: 'l' },
  abbrev: { params: ['i', 's'], result: 's' },
  substr: { params: ['i', 'i', 's'], result: 's' },
  append: { params: ['l', 'a'], result: 'l' },
  concat: { params: ['l', 'l'], result: 'l' },
  sortAlpha: { params: ['l'], result: 'l' },
  toStrings: { params: ['l'], result: 'l' },
  dig: { params: ['s', 's', 'a', 'm'], result: 'a' },
  printf: { params: ['s', 'a'], variadic: true, result: 's' },
  get: { params: ['m', 's'], result: 'a' },
  pluck: { params: ['s', 'm'], result: 'l' },
  pick: { params: ['m', 's'], result: 'm' },
  omit: { params: ['m', 's'], result: 'm' },
  regexFind: { params: ['s', 's'], result: 's' },
  regexMatch: { params: ['s', 's'], result: 'b' },
  fromYaml: { params: ['s'], result: 'm' },
  fromJson: { params: ['s'], result: 'm' },
  b64dec: { params: ['s'], result: 's' },
  sha1sum: { params: ['s'], result: 's' },
  trimSuffix: { params: ['s', 's'], result: 's' },
  trimPrefix: { params: ['s', 's'], result: 's' },
  splitn: { params: ['s', 'i', 's'], result: 'm' },
  atoi: { params: ['s'], result: 'i' },
  round: { params: ['n', 'i'], result: 'n' },
  addf: { params: ['n', 'n'], result: 'n' },
  mulf: { params: ['n', 'n'], result: 'n' },
  divf: { params: ['n', 'n'], result: 'n' },
  floor: { params: ['n'], result: 'n' },
  seq: { params: ['i'], result: 's' },
  semverCompare: { params: ['s', 's'], result: 'b' },
  snakecase: { params: ['s'], result: 's' },
  swapcase: { params: ['s'], result: 's' },
  wrap: { params: ['i', 's'], result: 's' },
  initials: { params: ['s'], result: 's' },
  nospace: { params: ['s'], result: 's' },
  cat: { params: ['a', 'a'], variadic: true, result: 's' },
  toPrettyJson: { params: ['a'], result: 's' },
  toYamlPretty: { params: ['a'], result: 's' },
  deepCopy: { params: ['m'], result: 'm' },
  merge: { params: ['m', 'm'], result: 'm' },
  tpl: { params: ['s', 'a'], result: 's' },
  required: { params: ['s', 'a'], result: 'a' },
  urlquery: { params: ['a'], result: 's' },
  html: { params: ['a'], result: 's' },
  js: { params: ['a'], result: 's' },
  slice: { params: ['l', 'i'], result: 'l' },
  chunk: { params: ['i', 'l'], result: 'l' },
  without: { params: ['l', 'a'], result: 'l' },
  initial: { params: ['l'], result: 'l' },
  kindIs: { params: ['s', 'a'], result: 'b' },
  deepEqual: { params: ['a', 'a'], result: 'b' },
};
const FUNC_NAMES = Object.keys(FUNCS);
const REGEXES = ['"[a-z]+"', '"^a"', '"(l+)"', '"\\\\s"', '"."'];
const FORMATS = ['"%v"', '"%s"', '"%d"', '"%q"', '"%T"', '"%v-%v"', '"%5.2f"'];

/** accepts reports whether a value of kind got may be passed where kind want is expected. */
function accepts(want: Kind, got: Kind): boolean {
  return want === 'a' || want === got || (want === 'n' && got === 'i');
}

/** TemplateGenerator builds one template body; variables in scope are tracked so most bodies parse. */
export class TemplateGenerator {
  private vars: { name: string; kind: Kind }[][] = [[]];
  private dotIsRoot = true;
  private counter = 0;
  constructor(private readonly rng: Rng) {}

  private visible(kind: Kind): string[] {
    return this.vars
      .flat()
      .filter((v) => accepts(kind, v.kind))
      .map((v) => v.name);
  }

  private field(kind: Kind): string {
    const f = this.rng.pick(FIELDS[kind]);
    return this.dotIsRoot && this.rng.chance(0.8) ? f : `$${f}`;
  }

  /** operand returns a term of the kind: a literal, a field, a variable or a parenthesised pipeline. */
  operand(kind: Kind, depth: number): string {
    const r = this.rng;
    // Now and then anything at all, so that type errors are exercised too.
    const k: Kind = r.chance(0.04) ? r.pick(['s', 'i', 'n', 'b', 'l', 'm', 'a'] as const) : kind;
    const vars = this.visible(k);
    const roll = r.int(10);
    if (roll < 3) return r.pick(LITERALS[k]);
    if (roll < 6)
      return this.field(k === 'i' && r.chance(0.7) ? 'n' : k).replace(/^\$?\.Capabilities/, '$.Capabilities');
    if (roll < 7 && vars.length) return r.pick(vars);
    if (roll < 8 && k === 'a' && !this.dotIsRoot) return '.';
    if (depth > 0) return `(${this.pipeline(k, depth - 1)})`;
    return r.pick(LITERALS[k]);
  }

  private args(name: string, params: readonly Kind[], depth: number): string[] {
    if (name === 'regexReplaceAll')
      return [this.rng.pick(REGEXES), this.operand('s', depth), this.operand('s', depth)];
    if (name === 'printf') return [this.rng.pick(FORMATS), this.operand('a', depth)];
    if (name === 'index' && this.rng.chance(0.5)) return [this.operand('m', depth), this.operand('s', depth)];
    if (name === 'until') return [this.rng.pick(['0', '2', '3'])];
    if (name === 'seq') return [this.rng.pick(['0', '3', '-2'])];
    if (name === 'chunk' || name === 'wrap')
      return [this.rng.pick(['1', '2', '5']), this.operand(params[1]!, depth)];
    if (name === 'regexFind' || name === 'regexMatch')
      return [this.rng.pick(REGEXES), this.operand('s', depth)];
    if (name === 'semverCompare') {
      return [
        this.rng.pick(['">=1.0.0"', '"^1.2"', '"~0.1"', '"<2.0.0-0"']),
        this.rng.pick(['"1.2.3"', '"v0.1.0"', '$.Chart.Version', '"x"']),
      ];
    }
    if (name === 'tpl') {
      const body = this.rng.pick([
        '"{{ .Values.str }}"',
        '"{{ .Values }}"',
        '"x{{ .Release.Name }}"',
        '"{{ .Values.missing }}"',
        '"{{ bad"',
      ]);
      return [body, this.rng.pick(['.', '$', '$.Values', '"s"'])];
    }
    if (name === 'required') return ['"value is required"', this.operand('a', depth)];
    if (name === 'fromYaml')
      return [
        this.rng.pick(['"a: 1"', '"- x"', '"a: [1, {b: c}]"', '": bad"', '""', this.operand('s', depth)]),
      ];
    if (name === 'fromJson')
      return [this.rng.pick(['"{\\"a\\": 1.5}"', '"[1]"', '"{bad"', this.operand('s', depth)])];
    // Counts stay small: `repeat 1000000 (repeat 1000000 …)` would only measure memory.
    if (name === 'repeat' || name === 'indent' || name === 'nindent') {
      return [this.rng.pick(['0', '1', '2', '3', '-1']), this.operand('s', depth)];
    }
    return params.map((p) => this.operand(p, depth));
  }

  /** pipeline returns an expression of roughly the kind, often as a chain of piped calls. */
  pipeline(kind: Kind, depth: number): string {
    const r = this.rng;
    const candidates = FUNC_NAMES.filter((f) => accepts(kind, FUNCS[f]!.result));
    if (!candidates.length || r.chance(0.35)) return this.operand(kind, depth);
    const name = r.pick(candidates);
    const fn = FUNCS[name]!;
    const params =
      fn.variadic && r.chance(0.5) ? [...fn.params, fn.params[fn.params.length - 1]!] : fn.params;
    const args = this.args(name, params, depth);
    if (args.length > 0 && r.chance(0.5) && depth > 0) {
      const last = params[params.length - 1]!;
      const head = this.pipeline(last, depth - 1).replace(/^\((.*)\)$/s, '$1');
      return `${head} | ${[name, ...args.slice(0, -1)].join(' ')}`;
    }
    return [name, ...args].join(' ');
  }

  private open(): string {
    return this.rng.chance(0.3) ? '{{- ' : '{{ ';
  }
  private close(): string {
    return this.rng.chance(0.3) ? ' -}}' : ' }}';
  }

  /** text returns a plain text chunk. */
  text(): string {
    return this.rng.pick(['a', ' ', '\n', 'x: ', '-', '[', ']', '  ', 'text\n', ', ', '\t', 'é']);
  }

  private scoped(dotIsRoot: boolean, vars: { name: string; kind: Kind }[], fn: () => string): string {
    const saved = this.dotIsRoot;
    this.dotIsRoot = dotIsRoot;
    this.vars.push(vars);
    const out = fn();
    this.vars.pop();
    this.dotIsRoot = saved;
    return out;
  }

  /** statement returns one element of a template body. */
  statement(depth: number): string {
    const r = this.rng;
    const roll = r.int(20);
    const anyKind = () => r.pick(['s', 'i', 'n', 'b', 'l', 'm', 'a'] as const);
    if (roll < 5) return this.text();
    if (roll < 11) return `${this.open()}${this.pipeline(anyKind(), 2)}${this.close()}`;
    if (roll < 13) {
      const kind = anyKind();
      const p = this.pipeline(kind, 2);
      const name = `$v${this.counter++}`;
      this.vars[this.vars.length - 1]!.push({ name, kind });
      return `${this.open()}${name} := ${p}${this.close()}`;
    }
    if (roll < 14) {
      const all = this.vars.flat();
      if (all.length) {
        const v = r.pick(all);
        return `{{ ${v.name} = ${this.pipeline(v.kind, 1)} }}`;
      }
    }
    if (roll < 15) return `{{/* comment ${this.counter++} */}}`;
    if (depth <= 0) return this.text();
    if (roll < 17) {
      const cond = this.pipeline(r.pick(['b', 'a'] as const), 1);
      const body = this.block(depth - 1);
      const elseIf = r.chance(0.2) ? `{{ else if ${this.pipeline('b', 1)} }}${this.block(depth - 1)}` : '';
      const elseBranch = r.chance(0.5) ? `{{ else }}${this.block(depth - 1)}` : '';
      return `${this.open()}if ${cond}${this.close()}${body}${elseIf}${elseBranch}{{ end }}`;
    }
    if (roll < 19) {
      const target = r.chance(0.2) ? r.pick(['3', 'until 2', '$.Values.map']) : this.pipeline('l', 1);
      const n = this.counter++;
      const twoVars = r.chance(0.5) && !/^\d|^until/.test(target);
      const decl = twoVars ? `$i${n}, $e${n} := ` : '';
      const vars = twoVars
        ? [
            { name: `$i${n}`, kind: 'a' as Kind },
            { name: `$e${n}`, kind: 'a' as Kind },
          ]
        : [];
      const body = this.scoped(false, vars, () => this.block(depth - 1, true));
      const elseBranch = r.chance(0.3) ? `{{ else }}${this.block(depth - 1)}` : '';
      return `${this.open()}range ${decl}${target}${this.close()}${body}${elseBranch}{{ end }}`;
    }
    const subject = this.pipeline(anyKind(), 1);
    const body = this.scoped(false, [], () => this.block(depth - 1));
    const elseBranch = r.chance(0.3) ? `{{ else }}${this.block(depth - 1)}` : '';
    return `${this.open()}with ${subject}${this.close()}${body}${elseBranch}{{ end }}`;
  }

  /** block returns a sequence of statements in a new variable scope. */
  block(depth: number, inRange = false): string {
    return this.scoped(this.dotIsRoot, [], () => {
      let out = '';
      const n = 1 + this.rng.int(4);
      for (let i = 0; i < n; i++) {
        if (inRange && this.rng.chance(0.08)) out += this.rng.pick(['{{ break }}', '{{ continue }}']);
        else out += this.statement(depth);
      }
      return out;
    });
  }

  /** body returns a whole template body. */
  body(): string {
    this.vars = [[]];
    this.dotIsRoot = true;
    return this.block(2);
  }
}

/** templateFile wraps a generated body in a define and prints it as a JSON string, so the file stays YAML. */
export function templateFile(name: string, body: string): string {
  return `{{- define "${name}" -}}\n${body}\n{{- end -}}\nout: {{ include "${name}" . | toJson }}\n`;
}
