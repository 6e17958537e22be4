import { describe, expect, it } from 'vitest';
import { parse, type Tree } from './parse';

const funcs = new Set(['printf', 'print', 'len', 'index', 'eq', 'not', 'and', 'or']);
const hasFunction = (name: string): boolean => funcs.has(name);

function trees(text: string): Map<string, Tree> {
  return parse('t', text, { hasFunction });
}

// Parse trees printed with Go's Node.String() (text/template/parse/node.go): the form Go's error
// messages quote (`executing "t" at <…>`), so printing must match Go's exactly.
const printTable: { name: string; input: string; want: string }[] = [
  { name: 'empty', input: '', want: '' },
  { name: 'spaces', input: ' \t\n', want: ' \t\n' },
  { name: 'text', input: 'some text', want: 'some text' },
  { name: 'field', input: '{{.X}}', want: '{{.X}}' },
  { name: 'dot and nil', input: '{{.}}{{ print nil }}', want: '{{.}}{{print nil}}' },
  { name: 'spaces around action', input: '{{  .X  }}', want: '{{.X}}' },
  { name: 'field chain', input: '{{.X.Y.Z}}', want: '{{.X.Y.Z}}' },
  { name: '$ chain', input: '{{$.I}}', want: '{{$.I}}' },
  { name: 'declaration', input: '{{$x := .X}}{{$x}}', want: '{{$x := .X}}{{$x}}' },
  { name: 'assignment', input: '{{$x := 1}}{{$x = 2}}', want: '{{$x := 1}}{{$x = 2}}' },
  { name: 'pipeline', input: '{{.X|.Y}}', want: '{{.X | .Y}}' },
  {
    name: 'function with args',
    input: '{{printf `%d` 23 "x" \'a\' 1.5e3 0x1F true}}',
    want: '{{printf `%d` 23 "x" \'a\' 1.5e3 0x1F true}}',
  },
  {
    name: 'parenthesized',
    input: '{{(print 1).X}} {{print (len .) 2}}',
    want: '{{(print 1).X}} {{print (len .) 2}}',
  },
  { name: 'if', input: '{{if .X}}hello{{end}}', want: '{{if .X}}hello{{end}}' },
  { name: 'if else', input: '{{if .X}}true{{else}}false{{end}}', want: '{{if .X}}true{{else}}false{{end}}' },
  {
    name: 'else if',
    input: '{{if .X}}1{{else if .Y}}2{{else}}3{{end}}',
    want: '{{if .X}}1{{else}}{{if .Y}}2{{else}}3{{end}}{{end}}',
  },
  {
    name: 'else with',
    input: '{{with .X}}1{{else with .Y}}2{{end}}',
    want: '{{with .X}}1{{else}}{{with .Y}}2{{end}}{{end}}',
  },
  { name: 'range', input: '{{range .X}}a{{end}}', want: '{{range .X}}a{{end}}' },
  {
    name: 'range with vars',
    input: '{{range $i, $e := .X}}{{$e}}{{end}}',
    want: '{{range $i, $e := .X}}{{$e}}{{end}}',
  },
  {
    name: 'range break continue',
    input: '{{range .X}}{{break}}{{continue}}{{end}}',
    want: '{{range .X}}{{break}}{{continue}}{{end}}',
  },
  {
    name: 'template',
    input: '{{template "x"}}{{template `y` .}}',
    want: '{{template "x"}}{{template "y" .}}',
  },
  { name: 'trim markers', input: 'a  {{- .X -}}  b', want: 'a{{.X}}b' },
  { name: 'comment', input: 'a{{/* c */}}b', want: 'ab' },
];

describe('parse and print', () => {
  for (const { name, input, want } of printTable) {
    it(name, () => expect(trees(input).get('t')!.root.toString()).toBe(want));
  }
  it('define and block add trees', () => {
    const t = trees('{{define "a"}}A{{end}}{{block "b" .}}B{{end}}rest');
    expect([...t.keys()].sort()).toEqual(['a', 'b', 't']);
    expect(t.get('a')!.root.toString()).toBe('A');
    expect(t.get('t')!.root.toString()).toBe('{{template "b" .}}rest');
  });
  it('an empty redefinition is ignored', () => {
    const t = trees('{{define "a"}}A{{end}}{{define "a"}} {{/* x */}} {{end}}');
    expect(t.get('a')!.root.toString()).toBe('A');
  });
  it('positions: a field chain sits at its second segment', () => {
    const root = trees('a: {{ .Values.foo.bar }}').get('t')!.root;
    const action = root.nodes[1] as unknown as { pipe: { cmds: { args: { pos: number }[] }[] } };
    expect(action.pipe.cmds[0]!.args[0]!.pos).toBe(13);
  });
});

// Error texts printed by the real helm v4.1.4 (through `tpl`, whose template is named gotpl; here t).
const errorTable: { name: string; input: string; want: string }[] = [
  { name: '{{ nofunc 1 }}', input: '{{ nofunc 1 }}', want: 'template: t:1: function "nofunc" not defined' },
  {
    name: '{{ if true }}{{ $y := 1 }}{{ end }}{{ $y }}',
    input: '{{ if true }}{{ $y := 1 }}{{ end }}{{ $y }}',
    want: 'template: t:1: undefined variable "$y"',
  },
  { name: '{{ end }}', input: '{{ end }}', want: 'template: t:1: unexpected {{end}}' },
  { name: '{{ else }}', input: '{{ else }}', want: 'template: t:1: unexpected {{else}}' },
  {
    name: '{{ range .x }}{{ else if true }}{{ end }}',
    input: '{{ range .x }}{{ else if true }}{{ end }}',
    want: 'template: t:1: unexpected <if> in input',
  },
  {
    name: '{{ if true }}{{ define "x" }}{{ end }}{{ end }}',
    input: '{{ if true }}{{ define "x" }}{{ end }}{{ end }}',
    want: 'template: t:1: unexpected <define> in command',
  },
  { name: '{{ break }}', input: '{{ break }}', want: 'template: t:1: {{break}} outside {{range}}' },
  {
    name: '{{ range $a, $b, $c := . }}{{ end }}',
    input: '{{ range $a, $b, $c := . }}{{ end }}',
    want: 'template: t:1: too many declarations in range',
  },
  {
    name: '{{ if $a, $b := 1 }}{{ end }}',
    input: '{{ if $a, $b := 1 }}{{ end }}',
    want: 'template: t:1: too many declarations in if',
  },
  {
    name: '{{ 1 | 2 }}',
    input: '{{ 1 | 2 }}',
    want: 'template: t:1: non executable command in pipeline stage 2',
  },
  { name: '{{ }}', input: '{{ }}', want: 'template: t:1: missing value for command' },
  { name: '{{ if }}{{ end }}', input: '{{ if }}{{ end }}', want: 'template: t:1: missing value for if' },
  { name: '{{ "a".x }}', input: '{{ "a".x }}', want: 'template: t:1: unexpected . after term "\\"a\\""' },
  { name: '{{ 1.2.3 }}', input: '{{ 1.2.3 }}', want: 'template: t:1: unexpected ".3" in operand' },
  { name: '{{ "\\q" }}', input: '{{ "\\q" }}', want: 'template: t:1: invalid syntax' },
  { name: '{{ 08 }}', input: '{{ 08 }}', want: 'template: t:1: integer overflow: "08"' },
  { name: "{{ 'ab' }}", input: "{{ 'ab' }}", want: "template: t:1: malformed character constant: 'ab'" },
  { name: '{{ 3- }}', input: '{{ 3- }}', want: 'template: t:1: bad number syntax: "3-"' },
  { name: '{{ /* c */ }}', input: '{{ /* c */ }}', want: 'template: t:1: unexpected "/" in command' },
  {
    name: '{{/* c */ x}}',
    input: '{{/* c */ x}}',
    want: 'template: t:1: comment ends before closing delimiter',
  },
  { name: '{{ if true }}no end', input: '{{ if true }}no end', want: 'template: t:1: unexpected EOF' },
  {
    name: '{{ with 1 }}{{ else }}{{ else }}{{ end }}',
    input: '{{ with 1 }}{{ else }}{{ else }}{{ end }}',
    want: 'template: t:1: expected end; found {{else}}',
  },
  {
    name: '{{ template x }}',
    input: '{{ template x }}',
    want: 'template: t:1: unexpected "x" in template clause',
  },
  {
    name: '{{ define "a" }}1{{ end }}{{ define "a" }}2{{ end }}',
    input: '{{ define "a" }}1{{ end }}{{ define "a" }}2{{ end }}',
    want: 'template: t:1: template: multiple definition of template "a"',
  },
  {
    name: 'line1\nline2 {{ if true }}\n{{ nofunc }}{{ end }}',
    input: 'line1\nline2 {{ if true }}\n{{ nofunc }}{{ end }}',
    want: 'template: t:3: function "nofunc" not defined',
  },
  {
    name: '{{ print\n1\n"unterminated }}',
    input: '{{ print\n1\n"unterminated }}',
    want: 'template: t:3: unterminated quoted string in action started at t:1',
  },
  { name: '{{ (1 }}', input: '{{ (1 }}', want: 'template: t:1: unclosed left paren' },
  {
    name: '{{ range $i, 3 }}{{ end }}',
    input: '{{ range $i, 3 }}{{ end }}',
    want: 'template: t:1: range can only initialize variables',
  },
  { name: '{{ continue }}', input: '{{ continue }}', want: 'template: t:1: {{continue}} outside {{range}}' },
  {
    name: '{{ define "x" }}{{ break }}{{ end }}',
    input: '{{ define "x" }}{{ break }}{{ end }}',
    want: 'template: t:1: {{break}} outside {{range}}',
  },
  {
    name: '{{ block "b" }}{{ end }}',
    input: '{{ block "b" }}{{ end }}',
    want: 'template: t:1: missing value for block clause',
  },
];

describe('parse errors', () => {
  for (const { name, input, want } of errorTable) {
    it(name, () => {
      let message = 'no error';
      try {
        parse('t', input, { hasFunction });
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message).toBe(want);
    });
  }
});
