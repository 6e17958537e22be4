import { describe, expect, it } from 'vitest';
import {
  GoError,
  type GoFuncValue,
  GoInt,
  GoMap,
  GoObject,
  GoPanic,
  type GoValue,
  int,
  typedSlice,
} from '../go';
import { currentExecution, ExecError, type ExecOptions, type FuncMap, TemplateSet } from './index';

// Expected outputs and error texts: printed by the real helm v4.1.4 for the same template
// (sprig's `repeat`/`upper`/`div` and Helm's `include` are modelled below with their Go
// signatures), or stated by Go's text/template documentation where helm cannot express the case
// (typed Go values, missingkey modes, the builtin `slice`).

const repeat: GoFuncValue = {
  name: 'repeat',
  params: ['int', 'string'],
  fn: (n, s) => (s as string).repeat(Number((n as GoInt).value)),
};
const upper: GoFuncValue = { name: 'upper', params: ['string'], fn: (s) => (s as string).toUpperCase() };
const div: GoFuncValue = {
  name: 'div',
  params: ['interface {}', 'interface {}'],
  fn: (a, b) => {
    const x = Number((a as GoInt).value);
    const y = Number((b as GoInt).value);
    if (y === 0) throw new GoPanic('runtime error: integer divide by zero');
    return int(Math.trunc(x / y), 'int64');
  },
};
const fails: GoFuncValue = {
  name: 'fails',
  params: [],
  fn: () => {
    throw new GoError('it failed');
  },
};
const include: GoFuncValue = {
  name: 'include',
  params: ['string', 'interface {}'],
  fn: (name, data) => {
    const e = currentExecution();
    return e.set.execute(name as string, data, e.options);
  },
};
const funcs: FuncMap = { repeat, upper, div, fails, include };

class Point extends GoObject {
  readonly goType = 'main.Point';
  constructor(
    readonly x: number,
    readonly y: number,
  ) {
    super();
  }
  override field(name: string): GoValue | undefined {
    if (name === 'X') return int(this.x);
    if (name === 'Y') return int(this.y);
    return undefined;
  }
  override method(name: string): GoFuncValue | undefined {
    if (name === 'Add')
      return { name: 'Add', params: ['int'], fn: (d) => int(this.x + Number((d as GoInt).value)) };
    return undefined;
  }
  format(): string {
    return `{${this.x} ${this.y}}`;
  }
}

class Version extends GoObject {
  readonly goType = '*semver.Version';
  override string(): string {
    return '1.2.3';
  }
  format(): string {
    return '&{…}';
  }
}

function render(text: string, data: GoValue, options: ExecOptions = { missingKey: 'zero' }): string {
  const set = new TemplateSet(funcs);
  set.parse('t', text);
  return set.execute('t', data, options);
}

function renderErr(text: string, data: GoValue, options: ExecOptions = { missingKey: 'zero' }): string {
  try {
    return `no error: ${render(text, data, options)}`;
  } catch (e) {
    return (e as Error).message;
  }
}

const values = new GoMap([
  ['n', 3],
  ['s', 'str'],
  ['list', ['a', 'b']],
  ['i64', int(5, 'int64')],
  ['u8', int(200, 'uint8')],
  ['strs', typedSlice(['x', 'y'], '[]string')],
  ['labels', new GoMap([['app', 'web']], 'map[string]string')],
  ['files', new GoMap([['a.txt', new Uint8Array([104, 105])]], 'engine.files')],
  ['pt', new Point(1, 2)],
  ['ver', new Version()],
  ['bytes', new Uint8Array([1, 2])],
]);
const data = new GoMap([['Values', values]]);

const outputTable: { name: string; input: string; want: string }[] = [
  { name: 'function call', input: '{{ repeat 2 "ab" }}', want: 'abab' },
  { name: 'pipeline passes the last argument', input: '{{ "ab" | repeat 2 }}', want: 'abab' },
  {
    name: 'int64 prints as integer',
    input: '{{ .Values.i64 }} {{ printf "%T" .Values.i64 }}',
    want: '5 int64',
  },
  {
    name: 'int vs uint comparison',
    input: '{{ eq 200 .Values.u8 }} {{ lt -1 .Values.u8 }}',
    want: 'true true',
  },
  { name: 'typed slice', input: '{{ .Values.strs }} {{ printf "%T" .Values.strs }}', want: '[x y] []string' },
  { name: 'range typed slice', input: '{{ range .Values.strs }}{{ . }}{{ end }}', want: 'xy' },
  { name: 'typed map missing key is zero of elem', input: '[{{ .Values.labels.none }}]', want: '[]' },
  { name: 'engine.files value', input: '{{ index .Values.files "a.txt" }}', want: '[104 105]' },
  { name: 'struct field', input: '{{ .Values.pt.X }},{{ .Values.pt.Y }}', want: '1,2' },
  { name: 'method with argument', input: '{{ .Values.pt.Add 5 }}', want: '6' },
  { name: 'struct printing', input: '{{ .Values.pt }}', want: '{1 2}' },
  {
    name: 'Stringer printing',
    input: '{{ .Values.ver }} {{ printf "%s|%v|%q" .Values.ver .Values.ver .Values.ver }}',
    want: '1.2.3 1.2.3|1.2.3|"1.2.3"',
  },
  { name: 'bytes', input: '{{ .Values.bytes }} {{ len .Values.bytes }}', want: '[1 2] 2' },
  {
    name: 'include via currentExecution',
    input: '{{ define "x" }}<{{ . }}>{{ end }}{{ include "x" 5 }}',
    want: '<5>',
  },
  {
    name: 'recursive include',
    input:
      '{{ define "r" }}{{ if . }}<{{ index . 0 }}{{ include "r" (slice . 1) }}>{{ end }}{{ end }}{{ include "r" .Values.list }}',
    want: '<a<b>>',
  },
  { name: 'Go builtin slice on a list', input: '{{ slice .Values.list 1 }}', want: '[b]' },
  { name: 'Go builtin slice on a string', input: '{{ slice "abcd" 1 3 }}', want: 'bc' },
  { name: 'call a function value', input: '{{ call .Values.fn 2 }}', want: '4' },
];

describe('execute', () => {
  const withFn = new GoMap(values);
  withFn.set('fn', { name: 'double', params: ['int'], fn: (n) => int(Number((n as GoInt).value) * 2) });
  const d = new GoMap([['Values', withFn]]);
  for (const { name, input, want } of outputTable) {
    it(name, () => expect(render(input, d)).toBe(want));
  }
});

const errorTable: { name: string; input: string; want: string }[] = [
  {
    name: 'float literal for int parameter',
    input: '{{ repeat 1.5 "x" }}',
    want: 'template: t:1:10: executing "t" at <1.5>: expected integer; found 1.5',
  },
  {
    name: 'number literal for string parameter',
    input: '{{ upper 5 }}',
    want: 'template: t:1:9: executing "t" at <5>: expected string; found 5',
  },
  {
    name: 'string literal for int parameter',
    input: '{{ repeat "2" "x" }}',
    want: 'template: t:1:10: executing "t" at <"2">: expected integer; found "2"',
  },
  {
    name: 'float64 value for int parameter',
    input: '{{ repeat .Values.n "x" }}',
    want: 'template: t:1:17: executing "t" at <.Values.n>: wrong type for value; expected int; got float64',
  },
  {
    name: 'too few arguments',
    input: '{{ repeat 2 }}',
    want: 'template: t:1:3: executing "t" at <repeat>: wrong number of args for repeat: want 2 got 1',
  },
  {
    name: 'nil for string',
    input: '{{ upper nil }}',
    want: 'template: t:1:9: executing "t" at <nil>: cannot assign nil to string',
  },
  {
    name: 'bool for string',
    input: '{{ upper true }}',
    want: 'template: t:1:9: executing "t" at <true>: expected string; found true',
  },
  {
    name: 'panic in a function',
    input: '{{ div 1 0 }}',
    want: 'template: t:1:3: executing "t" at <div 1 0>: error calling div: runtime error: integer divide by zero',
  },
  {
    name: 'error returned by a function',
    input: '{{ fails }}',
    want: 'template: t:1:3: executing "t" at <fails>: error calling fails: it failed',
  },
  {
    name: 'nested execution error',
    input: '{{ define "x" }}{{ .a.b }}{{ end }}{{ include "x" . }}',
    want: 'template: t:1:38: executing "t" at <include "x" .>: error calling include: template: t:1:21: executing "x" at <.a.b>: nil pointer evaluating interface {}.b',
  },
  {
    name: 'struct without the field',
    input: '{{ .Values.pt.Z }}',
    want: 'template: t:1:10: executing "t" at <.Values.pt.Z>: can\'t evaluate field Z in type interface {}',
  },
  {
    name: 'field with arguments',
    input: '{{ .Values.pt.X 1 }}',
    want: 'template: t:1:10: executing "t" at <.Values.pt.X>: X has arguments but cannot be invoked as function',
  },
  {
    name: 'engine.files is not assignable to a map parameter',
    input: '{{ keys .Values.files }}',
    want: 'template: t:1:15: executing "t" at <.Values.files>: wrong type for value; expected map[string]interface {}; got engine.files',
  },
];

describe('execution errors', () => {
  const keys: GoFuncValue = {
    name: 'keys',
    params: ['map[string]interface {}'],
    variadic: true,
    fn: () => [],
  };
  for (const { name, input, want } of errorTable) {
    it(name, () => {
      const set = new TemplateSet({ ...funcs, keys });
      set.parse('t', input);
      let message = 'no error';
      try {
        set.execute('t', data, { missingKey: 'zero' });
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message).toBe(want);
    });
  }

  it('keeps the nested ExecError as the cause', () => {
    const set = new TemplateSet(funcs);
    set.parse('t', '{{ define "x" }}{{ .a.b }}{{ end }}{{ include "x" . }}');
    let err: unknown;
    try {
      set.execute('t', data, { missingKey: 'zero' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ExecError);
    const outer = err as ExecError;
    expect(outer.line).toBe(1);
    expect(outer.col).toBe(38);
    expect(outer.context).toBe('include "x" .');
    expect(outer.executing).toBe('t');
    expect(outer.cause).toBeInstanceOf(ExecError);
    const inner = outer.cause as ExecError;
    expect(inner.message).toBe(
      'template: t:1:21: executing "x" at <.a.b>: nil pointer evaluating interface {}.b',
    );
    expect(inner.detail).toBe('nil pointer evaluating interface {}.b');
    expect(inner.col).toBe(21);
  });

  it('reports an unknown template like ExecuteTemplate', () => {
    const set = new TemplateSet(funcs);
    expect(() => set.execute('nope', null)).toThrow(
      'template: no template "nope" associated with template "gotpl"',
    );
  });
});

describe('missingkey', () => {
  const m = new GoMap([['a', new GoMap()]]);
  it('default prints <no value> and continues through missing chains', () => {
    expect(render('{{ .x }}|{{ .x.y }}', m, {})).toBe('<no value>|<no value>');
  });
  it('zero yields the nil interface, and a chain through it fails', () => {
    expect(render('{{ .x }}', m, { missingKey: 'zero' })).toBe('<no value>');
    expect(renderErr('{{ .x.y }}', m, { missingKey: 'zero' })).toBe(
      'template: t:1:5: executing "t" at <.x.y>: nil pointer evaluating interface {}.y',
    );
  });
  it('error fails on the first missing key', () => {
    expect(renderErr('{{ .a.b }}', m, { missingKey: 'error' })).toBe(
      'template: t:1:5: executing "t" at <.a.b>: map has no entry for key "b"',
    );
  });
});

describe('limits', () => {
  it('maxSteps stops a runaway range', () => {
    const err = renderErr('{{ range 1000000 }}{{ . }}{{ end }}', null, { maxSteps: 1000 });
    expect(err).toContain('execution stopped after 1000 steps');
  });
  it('parentheses nested beyond 10000 levels are a parse error', () => {
    const text = `{{ ${'('.repeat(10001)}1${')'.repeat(10001)} }}`;
    expect(() => new TemplateSet({}).parse('t', text)).toThrow(
      'template: t:1: max expression depth exceeded',
    );
  });
  it('deep template recursion is an error, not a crash', () => {
    const err = renderErr('{{ define "r" }}{{ template "r" . }}{{ end }}{{ template "r" 1 }}', null);
    expect(err).toMatch(/exceeded maximum template depth \(100000\)|exceeded the JavaScript stack/);
  });
});

describe('TemplateSet', () => {
  it('a later definition replaces an earlier one, an empty one does not', () => {
    const set = new TemplateSet({});
    set.parse('a', '{{ define "d" }}from a{{ end }}');
    set.parse('b', '{{ define "d" }}from b{{ end }}');
    set.parse('c', '{{ define "d" }}  {{ end }}{{ template "d" }}');
    expect(set.execute('c', null)).toBe('from b');
    expect(set.names().sort()).toEqual(['a', 'b', 'c', 'd']);
  });
  it('clone shares trees but not later definitions or functions', () => {
    const set = new TemplateSet({});
    set.parse('a', '{{ define "d" }}orig{{ end }}');
    const c = set.clone();
    c.funcs.extra = upper;
    c.parse('gotpl', '{{ define "d" }}clone{{ end }}{{ template "d" }}{{ extra "x" }}');
    expect(c.execute('gotpl', null)).toBe('cloneX');
    expect(set.has('gotpl')).toBe(false);
    expect(Object.hasOwn(set.funcs, 'extra')).toBe(false);
  });
  it('templates parsed into the original after cloning are not seen by the clone', () => {
    const set = new TemplateSet({});
    set.parse('a', '{{ define "d" }}v1{{ end }}');
    const c = set.clone();
    const cc = c.clone();
    set.parse('b', '{{ define "d" }}v2{{ end }}{{ define "e" }}e{{ end }}');
    c.parse('x', '{{ template "d" }}');
    expect(c.execute('x', null)).toBe('v1');
    expect(c.has('e')).toBe(false);
    expect(set.has('x')).toBe(false);
    expect(cc.has('x')).toBe(false);
    expect(cc.names().sort()).toEqual(['a', 'd']);
    expect(set.names().sort()).toEqual(['a', 'b', 'd', 'e']);
  });
  it('one parse serves many renders with different data', () => {
    const set = new TemplateSet({});
    set.parse('t', '{{ range . }}{{ . }}{{ end }}');
    expect(set.execute('t', [1, 2])).toBe('12');
    expect(set.execute('t', ['x'])).toBe('x');
  });
  it('break and continue are function names when functions define them', () => {
    const set = new TemplateSet({ break: { name: 'break', params: [], fn: () => 'B' } });
    set.parse('t', '{{ break }}');
    expect(set.execute('t', null)).toBe('B');
  });
  it('GoInt types keep their width', () => {
    expect(render('{{ . }}', new GoInt(-1n, 'int8'))).toBe('-1');
  });
});
