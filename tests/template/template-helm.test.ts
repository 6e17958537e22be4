/**
 * Differential test of lib/template against the real helm binary: every snippet is rendered by
 * `helm template` (expected output or Go's error text) and by our engine, and both must match.
 * Expected values come only from helm (see helm-oracle.ts).
 */
import { describe, expect, it } from 'vitest';
import { GoMap, type GoValue } from '@/lib/go';
import { TemplateSet } from '@/lib/template';
import { type OracleResult, renderAll, renderOne } from './helm-oracle';

const values = {
  s: 'str',
  empty: '',
  n: 3,
  big: 1000000,
  f: 1.5,
  neg: -2,
  zero: 0,
  t: true,
  no: false,
  nil: null,
  list: ['a', 'b', 'c'],
  nums: [1, 2.5, 1e6],
  nils: [null],
  mixed: ['x', 1, null, true, { k: 'v' }, [1, 2]],
  emptyList: [],
  m: { b: 2, a: 1, c: { d: 'deep' } },
  keys: { b: 1, a: 2, B: 3, '10': 4, '9': 5 },
  emptyMap: {},
  users: [
    { name: 'ann', age: 30 },
    { name: 'bob', age: 25 },
  ],
  quote: 'say "hi"\n\ttab',
  unicode: 'héllo ☃ 😀',
};

/** Snippets that render successfully (outputs compared in one helm run). */
const okSnippets: string[] = [
  // text and trim markers
  'plain text',
  'a {{- " b " -}} c',
  'x  {{-3}}  y',
  'x  {{- 3 -}}  y',
  '[{{ 3 -}}\n\n]',
  'a\n\n{{- /* comment */ -}}\n\nb',
  'a{{/* comment */}}b',
  '{{- "\t" -}}',
  'line1\n  {{- if true }}\n  yes\n  {{- end }}\nline3',
  // literals and printing
  "{{ 'a' }} {{ 0x1F }} {{ 1_000 }} {{ 0o17 }} {{ 0b101 }} {{ +5 }} {{ 1e3 }} {{ 0x1p4 }} {{ .5 }}",
  '{{ 1000000 }} {{ 1000000.0 }} {{ 1e6 }} {{ 1.5e6 }} {{ 3.0 }} {{ 2.50 }} {{ -0 }} {{ 0377 }}',
  '{{ "a\\tb\\u00e9\\x41" }} {{ `raw\\n` }}',
  '{{ true }} {{ false }}',
  '{{ .Values.s }} {{ .Values.n }} {{ .Values.big }} {{ .Values.f }} {{ .Values.neg }} {{ .Values.t }}',
  '{{ .Values.list }} {{ .Values.nums }} {{ .Values.mixed }} {{ .Values.emptyList }}',
  '{{ .Values.m }} {{ .Values.keys }} {{ .Values.emptyMap }}',
  '[{{ .Values.missing }}] [{{ .Values.nil }}] [{{ .Values.m.missing }}]',
  '{{ .Values.unicode }} {{ .Values.quote }}',
  // print functions
  '{{ print 1 2 "a" "b" 3 }}|{{ println 1 "a" }}|{{ print }}|{{ print nil 1 }}',
  '{{ printf "%d %5.2f %s %q %v %x %t %T %%" 42 3.14159 "s" "q" .Values.list 255 true .Values.m }}',
  '{{ printf "%d" 3.0 }} {{ printf "%s" 3 }} {{ printf "%s" nil }} {{ printf "%d %d" 1 }} {{ printf "%d" 1 2 }}',
  '{{ printf "%v" .Values.big }} {{ printf "%d" .Values.big }} {{ printf "%v" .Values.missing }}',
  '{{ printf "%T %T %T %T %T" .Values.s .Values.n .Values.list .Values.m .Values.missing }}',
  '{{ printf "%T" .Values }} {{ printf "%T" .Values.m }} {{ printf "%T" .Values.mixed }}',
  '{{ printf "%q" .Values.quote }} {{ printf "%q" .Values.unicode }} {{ printf "%+q" .Values.unicode }}',
  '{{ printf "%v" .Values.mixed }} {{ printf "%s" .Values.mixed }} {{ printf "%d" .Values.mixed }}',
  '{{ printf "%#v" .Values.m }} {{ printf "%#v" .Values.mixed }}',
  '{{ printf "%-8s|%8s|%08.3f|%+d|%x|%X|%o|%b|%c|%U" "ab" "cd" 3.14159 5 "hi" 254 8 5 9731 9731 }}',
  '{{ printf "%[2]d %[1]d" 1 2 }} {{ printf "%*d" 5 42 }} {{ printf "%.*f" 2 3.14159 }} {{ printf "%!" }}',
  '{{ 1.5 | printf "%v %v" 2 }} {{ .Values.s | printf "%v" 1 2 }}',
  '{{ html "<a href=\'x\'>&\\"</a>" }} {{ js "a\'b\\"c<d>=&é\\n" }} {{ urlquery "a b&c=d/é" }}',
  '{{ html 1 2 }} {{ js nil }} {{ urlquery .Values.list }}',
  // fmt corner cases
  '{{ printf "%.2x|%10.3e|%-10.2g|%#x %#o %#b %#X" "hello" 1234.5678 0.000123 255 8 5 255 }}',
  '{{ printf "%08.3f|% .2f|%+.1e|%6.2f%%" -3.14159 3.14159 0.0 99.5 }}',
  '{{ printf "%t|%s|%d|%5v|%-5v|" "x" .Values.m .Values.list .Values.nums "ab" }}',
  '{{ printf "%v|%g|%G|%.3s|%5.1s|" 1e-7 100000000.0 1e-10 "héllo" "abc" }}',
  '{{ printf "%c%c|%U|%q|%+q" 0x1F600 -1 -1 0x1F600 233 }}',
  '{{ printf "%x|%.3x|%X|%e|%.0e" -1.5 1.0 0.1 1e100 5e-324 }}',
  '{{ printf "%[2]*[1]d|%-08d|%0-8d|" 12 5 5 5 }}',
  '{{ printf "%#v|%#v|%#v|%#v|%#v|%#v" 1.0 1e6 .Values.emptyList .Values.quote nil true }}',
  '{{ printf "%#g|%#.3g|%#e|%#.0f|%#.0e|%#x" 1.0 1.0 1.0 1.0 1.0 1.0 }}',
  '{{ printf "%s|%v" .Values .Values.users }}',
  '{{ printf "%.1f|%.2f|%.0f|%.3f|%.1f" 0.05 1.005 1e21 2.0005 0.25 }}',
  '{{ printf "%d|%o|%x|%b|%c" .Values.unicode .Values.unicode .Values.unicode .Values.unicode .Values.unicode }}',
  '{{ printf "%v %v %v %v" 123456789.0 0.1 -1e-300 5e-324 }} {{ 1.7976931348623157e308 }} {{ 4.9e-324 }}',
  '{{ printf "%6.3v|%.0v|%.10v" 3.14159 2.5 (1.0) }}',
  '{{ printf "%s %d" }} {{ printf "%z" 1 }} {{ printf "%-" 1 }} {{ printf "%[0]d %[x]d %[1" 1 }}',
  '{{ printf "%.*d|%*.*f|%-*d|" -1 5 8 2 3.14159 -4 7 }}',
  '{{ printf "%v|%s|%q|%x" .Values.nil .Values.nil .Values.nil .Values.nil }}',
  '{{ 1+2i }} {{ 1.5-2i }} {{ 3i }} {{ 1e6+0i }} {{ printf "%v %T" 2i 2i }} {{ -1-1i }} {{ 0i }}',
  // variables
  '{{ $x := 1 }}{{ $x }}{{ $x = 2 }}{{ $x }}',
  '{{ $x := 1 }}{{ range .Values.list }}{{ $x = . }}{{ end }}{{ $x }}',
  '{{ $x := "outer" }}{{ if true }}{{ $x := "inner" }}{{ $x }}{{ end }}{{ $x }}',
  '{{ $.Values.s }}{{ with .Values.m }}{{ $.Values.s }}{{ .b }}{{ end }}',
  '{{ $v := .Values.m }}{{ $v.c.d }} {{ $v.missing }}',
  // if / else / with
  '{{ if .Values.t }}T{{ else }}F{{ end }}{{ if .Values.no }}T{{ else }}F{{ end }}',
  '{{ if "" }}1{{ else if 0 }}2{{ else if .Values.emptyList }}3{{ else if .Values.emptyMap }}4{{ else }}5{{ end }}',
  '{{ if "false" }}a{{ end }}{{ if "0" }}b{{ end }}{{ if .Values.nil }}c{{ end }}{{ if .Values.missing }}d{{ end }}',
  '{{ with .Values.m.c }}{{ .d }}{{ end }}{{ with .Values.missing }}x{{ else }}none{{ end }}',
  '{{ with .Values.missing }}x{{ else with .Values.s }}{{ . }}{{ end }}',
  '{{ with $x := .Values.s }}{{ $x }}{{ . }}{{ end }}',
  // range
  '{{ range .Values.list }}[{{ . }}]{{ end }}',
  '{{ range $i, $e := .Values.list }}{{ $i }}={{ $e }};{{ end }}',
  '{{ range $k, $v := .Values.keys }}{{ $k }}={{ $v }};{{ end }}',
  '{{ range .Values.keys }}{{ . }}{{ end }}',
  '{{ range .Values.emptyList }}x{{ else }}empty{{ end }}{{ range .Values.missing }}x{{ else }}missing{{ end }}',
  '{{ range 3 }}{{ . }}{{ end }}{{ range 0 }}x{{ else }}none{{ end }}{{ range $i := 2 }}{{ $i }}{{ end }}',
  '{{ range .Values.list }}{{ if eq . "b" }}{{ break }}{{ end }}{{ . }}{{ end }}',
  '{{ range .Values.list }}{{ if eq . "b" }}{{ continue }}{{ end }}{{ . }}{{ end }}',
  '{{ range $i, $u := .Values.users }}{{ $u.name }}:{{ .age }},{{ end }}',
  '{{ range .Values.nils }}[{{ . }}]{{ end }}',
  '{{ range $x := .Values.list }}{{ $y := $x }}{{ $y }}{{ end }}',
  '{{ $i := 9 }}{{ range $i, $e := .Values.list }}{{ end }}{{ $i }}',
  '{{ $i := 0 }}{{ $e := "" }}{{ range $i, $e = .Values.list }}{{ end }}{{ $i }}{{ $e }}',
  '{{ $e := "" }}{{ range $e = .Values.list }}{{ end }}{{ $e }}',
  '{{ range $i, $e := .Values.list }}{{ range $j, $f := $.Values.list }}{{ if eq $j 1 }}{{ break }}{{ end }}{{ $i }}{{ $f }}{{ end }}{{ end }}',
  '{{ range .Values.users }}{{ with .tags }}{{ range . }}{{ . }}{{ end }}{{ else }}none{{ end }};{{ end }}',
  '{{ with $x := .Values.missing }}a{{ else with $y := .Values.m.c }}{{ $y.d }}{{ end }}',
  '{{ if $v := .Values.s }}{{ $v }}{{ end }}{{ if $w := .Values.empty }}x{{ else }}{{ $w }}|{{ end }}',
  '{{ range $k, $v := .Values.m }}{{ $k }}{{ if eq $k "b" }}{{ continue }}{{ end }}-{{ end }}',
  '{{ range .Values.nums }}{{ printf "%T " . }}{{ end }}',
  // and / or / not
  '{{ and 1 0 "x" }} {{ or 0 "" "y" }} {{ and 1 2 }} {{ or 0 false }} {{ not 0 }} {{ not "a" }}',
  '{{ and .Values.t .Values.s }} {{ or .Values.missing .Values.s }} {{ and .Values.missing 1 }}',
  '{{ 0 | and 1 }} {{ 1 | or 0 }}',
  // comparisons
  '{{ eq 1 1 }} {{ eq 1 2 3 1 }} {{ ne 1 2 }} {{ lt 1 2 }} {{ le 2 2 }} {{ gt "b" "a" }} {{ ge 1.5 2.5 }}',
  '{{ eq .Values.n 3.0 }} {{ eq .Values.s "str" }} {{ eq nil nil }} {{ eq .Values.missing nil }} {{ eq .Values.t true }}',
  '{{ lt "B" "a" }} {{ eq "é" "é" }} {{ lt -1 0 }}',
  // index / len
  '{{ index .Values.list 1 }} {{ index .Values.m "b" }} {{ index .Values.m "c" "d" }} {{ index "abc" 1 }}',
  '[{{ index .Values.m "missing" }}] {{ index .Values.mixed 5 1 }} {{ index .Values.users 0 "name" }}',
  '{{ len .Values.list }} {{ len .Values.m }} {{ len "héllo" }} {{ len .Values.emptyList }} {{ len .Values.unicode }}',
  // chains and parentheses
  '{{ (index .Values.users 1).name }} {{ (.Values.m).c.d }} {{ (.Values.emptyMap).x }}',
  '{{ .Values.m.c.d | printf "%s!" }} {{ "x" | printf "%s-%s" "a" }}',
  '{{ (print "a" "b") }} {{ ((1)) }}',
  // template and block
  '{{ block "blk" .Values.s }}[{{ . }}]{{ end }}',
  // misc
  '{{/* a comment */}}',
  '{{ "multi\\nline" }}',
  '{{ print\n  1\n  2 }}',
];

/** Snippets whose result (output or error) is compared one helm run each, through `tpl`. */
const oneSnippets: string[] = [
  // define / template
  '{{ define "t1" }}[{{ . }}]{{ end }}{{ template "t1" 5 }}{{ template "t1" }}',
  '{{ define "t2" }}{{ $ }}{{ end }}{{ $x := 1 }}{{ template "t2" "dot" }}',
  '{{ define "e" }}{{ end }}{{ define "e" }}{{ end }}ok',
  '{{ define "d" }}a{{ end }}{{ define "d" }}b{{ end }}',
  // parse errors
  '{{ nofunc 1 }}',
  '{{ if true }}{{ $y := 1 }}{{ end }}{{ $y }}',
  '{{ end }}',
  '{{ else }}',
  '{{ range .Values.list }}{{ else if true }}{{ end }}',
  '{{ if true }}{{ define "x" }}{{ end }}{{ end }}',
  '{{ break }}',
  '{{ continue }}',
  '{{ range $a, $b, $c := .Values.list }}{{ end }}',
  '{{ if $a, $b := 1 }}{{ end }}',
  '{{ 1 | 2 }}',
  '{{ .Values.s | "x" }}',
  '{{ }}',
  '{{ if }}{{ end }}',
  '{{ range }}{{ end }}',
  '{{ "a".x }}',
  '{{ 1.2.3 }}',
  '{{ "\\q" }}',
  '{{ 08 }}',
  "{{ 'ab' }}",
  "{{ '' }}",
  '{{ 3- }}',
  '{{ 0x }}',
  '{{ 99999999999999999999 }}',
  '{{ /* c */ }}',
  '{{/* c */ x}}',
  '{{/* unclosed',
  '{{ unclosed',
  '{{ (1 }}',
  '{{ 1) }}',
  '{{ "unterminated }}',
  '{{ `unterminated }}',
  "{{ 'x }}",
  '{{ a:b }}',
  '{{ $x:=1 }}',
  '{{ @ }}',
  '{{ \u00a0 }}',
  '{{ \x01 }}',
  '{{ .a\u00a0 }}',
  '{{ .héllo }}{{ $ünï := 1 }}{{ $ünï }}',
  '{{ .Values.s# }}',
  '{{ if true }}no end',
  '{{ with 1 }}{{ else }}{{ else }}{{ end }}',
  '{{ template }}',
  '{{ template x }}',
  '{{ define }}{{ end }}',
  'line1\nline2 {{ if true }}\n{{ nofunc }}{{ end }}',
  '{{ print\n1\n"unterminated }}',
  '{{ $x = 1 }}',
  // exec errors
  '{{ range $i, $c := .Values.s }}{{ end }}',
  '{{ range .Values.nums }}{{ . }}{{ end }}{{ range $i, $x := 2 }}{{ end }}',
  '{{ .Values.a.b }}',
  'a: {{ .Values.foo.bar }}',
  '{{ $.Values.a.b }}',
  '{{ .Values.s.foo }}',
  '{{ $x := .Values.s }}{{ $x.foo }}',
  '{{ range .Values.list }}{{ .foo }}{{ end }}',
  '{{ range .Values.nils }}{{ .foo }}{{ end }}',
  '{{ range .Values.nils }}{{ len . }}{{ end }}',
  '{{ .Values.m.x 1 }}',
  '{{ 1 2 }}',
  '{{ nil }}',
  '{{ . 1 }}',
  '{{ (1).x }}',
  '{{ (nil).x }}',
  '{{ eq .Values.n 1 }}',
  '{{ eq "a" 1 }}',
  '{{ eq 1 }}',
  '{{ eq }}',
  '{{ ne 1 2 3 }}',
  '{{ lt true false }}',
  '{{ lt nil 1 }}',
  '{{ eq .Values.m .Values.m }}',
  '{{ eq .Values.list .Values.list }}',
  '{{ index .Values.list 5 }}',
  '{{ index .Values.list 3 }}',
  '{{ index .Values.list -1 }}',
  '{{ index .Values.list "a" }}',
  '{{ index .Values.list nil }}',
  '{{ index .Values.m 1 }}',
  '{{ index .Values.m nil }}',
  '{{ index .Values.missing "x" }}',
  '{{ index .Values "a" "b" }}',
  '{{ index 1 1 }}',
  '{{ index "abc" 3 }}',
  '{{ len 3 }}',
  '{{ len .Values.missing }}',
  '{{ len (.Values.missing) }}',
  '{{ len nil }}',
  '{{ range .Values.f }}{{ end }}',
  '{{ range "abc" }}{{ end }}',
  '{{ range $i, $v := 3 }}{{ end }}',
  '{{ template "nope" }}',
  '{{ template "nope" . }}',
  '{{ 9999999999999999999 }}',
  '{{ printf 1 }}',
  '{{ printf }}',
  '{{ html }}',
  '{{ not }}',
  '{{ not 1 2 }}',
  '{{ and }}',
  '{{ call 1 }}',
  '{{ call .Values.missing }}',
  '{{ call }}',
  '{{ printf "%s" .Values.list.x }}',
  '{{ print .Values.m.c.d.e }}',
  '{{ .Values.nil.x }}',
  '{{ with .Values.m }}{{ .c.d.e }}{{ end }}',
  '{{ "é😀" }}{{ .x.y.z }}',
  'ü\n{{ "☃" }} {{ .Values.s.q }}',
  '{{ if .Values.t }}\n  {{ .Values.s.x }}\n{{ end }}',
  '{{ range $i, $e := .Values.users }}{{ if eq $i 1 }}{{ $e.name.first }}{{ end }}{{ end }}',
];

function toGo(v: unknown): GoValue {
  if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (Array.isArray(v)) return v.map(toGo);
  return new GoMap(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, toGo(x)]));
}

function data(): GoValue {
  const vals = toGo(values) as GoMap;
  vals.goType = 'common.Values';
  return new GoMap([['Values', vals]]);
}

function ours(snippet: string): OracleResult {
  const set = new TemplateSet({});
  try {
    set.parse('gotpl', snippet);
    return { ok: true, out: set.execute('gotpl', data(), { missingKey: 'zero' }) };
  } catch (e) {
    return { ok: false, err: (e as Error).message };
  }
}

describe('text/template output equals helm template', () => {
  const want = renderAll(okSnippets, values);
  okSnippets.forEach((snippet, i) => {
    it(JSON.stringify(snippet), () => {
      expect(ours(snippet)).toEqual({ ok: true, out: want[i] });
    });
  });
});

describe('text/template results and errors equal helm template (tpl)', () => {
  for (const snippet of oneSnippets) {
    it(JSON.stringify(snippet), () => {
      const want = renderOne(snippet, values);
      const got = ours(snippet);
      // Helm's tpl removes `<no value>` from its output.
      if (got.ok) got.out = got.out.replaceAll('<no value>', '');
      expect(got).toEqual(want);
    });
  }
});
