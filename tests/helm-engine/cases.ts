// Differential cases for the Helm engine, by feature family. Each is rendered by the real helm and by our
// engine; nothing here states an expected output: helm's output is the expectation.
import { type Case, chartYaml } from './harness';

const cm = (name: string, extra = '') =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n${extra}`;

const hook = (kind: string, name: string, events: string, weight = '0') =>
  `apiVersion: v1\nkind: ${kind}\nmetadata:\n  name: ${name}\n  annotations:\n    "helm.sh/hook": ${events}\n    "helm.sh/hook-weight": "${weight}"\n`;

/** orderingCases: kind order, unknown kinds, hooks, --no-hooks, --skip-tests, splitting quirks. */
export const orderingCases: Case[] = [
  {
    name: 'kind order, unknown kinds and hooks',
    chart: {
      'Chart.yaml': chartYaml(),
      'templates/a.yaml': `${cm('a')}---\nkind: Zebra\napiVersion: x/v1\n---\n# only a comment\n---\nkind: Apple\n`,
      'templates/b.yaml': `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: s\n---\n${hook('ConfigMap', 'h1', 'pre-install', '5')}`,
      'templates/sub/c.yaml': 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: sec\n',
      'templates/ns.txt': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: n\n',
      'templates/tests/t.yaml': hook('Pod', 't', 'test', '-5'),
      'templates/z.yaml': hook('Job', 'j', 'post-install, PRE-UPGRADE'),
      'templates/unknown-hook.yaml': hook('Job', 'u', 'pre-instal'),
      'templates/webhooks.yaml':
        'kind: ValidatingWebhookConfiguration\n---\nkind: MutatingWebhookConfiguration\n---\nkind: APIService\n',
    },
    args: ['r', 'c'],
  },
  {
    name: 'no hooks',
    chart: {
      'Chart.yaml': chartYaml(),
      'templates/a.yaml': `${cm('a')}---\n${hook('Pod', 'p', 'pre-install')}`,
    },
    args: ['r', 'c', '--no-hooks'],
  },
  {
    name: 'skip tests',
    chart: {
      'Chart.yaml': chartYaml(),
      'templates/a.yaml': `${cm('a')}---\n${hook('Pod', 'p', 'test-success')}---\n${hook('Pod', 'q', 'test,pre-install')}---\n${hook('Job', 'j', 'post-install')}`,
    },
    args: ['r', 'c', '--skip-tests'],
  },
  {
    name: 'document splitting quirks',
    chart: {
      'Chart.yaml': chartYaml(),
      'templates/a.yaml':
        '\n\n---\n---\n\n---\nkind: A\n---x: 1\n--- # trailing comment\nkind: B\nv: |\n  ---\n  inside\n   \n',
      'templates/blank.yaml': '  \n\t\n',
      'templates/_partial.yaml': 'kind: Ignored\n',
      'templates/k.yaml': 'k:    "v"   # comment kept\n',
    },
    args: ['r', 'c'],
  },
  {
    name: 'empty chart prints a lone newline',
    chart: { 'Chart.yaml': chartYaml(), 'templates/a.yaml': '{{/* nothing */}}' },
    args: ['c'],
  },
  {
    name: 'manifest that is not a mapping',
    chart: { 'Chart.yaml': chartYaml(), 'templates/a.yaml': '- a\n- b\n' },
    args: ['r', 'c'],
  },
  {
    name: 'manifest with a YAML syntax error',
    chart: { 'Chart.yaml': chartYaml(), 'templates/a.yaml': 'a: b: c\n' },
    args: ['r', 'c'],
  },
  {
    name: 'manifest with a bad metadata type',
    chart: { 'Chart.yaml': chartYaml(), 'templates/a.yaml': 'metadata: [1]\n' },
    args: ['r', 'c'],
  },
];

/** showOnlyCases: -s patterns, subchart paths, CRDs, hooks, errors. */
export const showOnlyCases: Case[] = [
  {
    name: 'show-only patterns in argument order',
    chart: {
      'Chart.yaml': chartYaml(),
      'templates/a.yaml': cm('a'),
      'templates/b.yaml': `${cm('b')}---\n${hook('Pod', 'p', 'pre-install')}`,
      'templates/sub/c.yaml': cm('c'),
      'charts/s/Chart.yaml': chartYaml('s'),
      'charts/s/templates/s.yaml': cm('s'),
      'crds/crd.yaml': 'kind: CustomResourceDefinition\n',
    },
    args: [
      'r',
      'c',
      '-s',
      'templates/b.yaml',
      '--show-only=templates/*.yaml',
      '-scharts/s/templates/s.yaml',
      '--include-crds',
      '-s',
      'crds/crd.yaml',
    ],
  },
  {
    name: 'show-only pattern that matches nothing',
    chart: { 'Chart.yaml': chartYaml(), 'templates/a.yaml': cm('a') },
    args: ['r', 'c', '-s', 'templates/nope.yaml'],
  },
  {
    name: 'show-only of a whitespace-only template',
    chart: { 'Chart.yaml': chartYaml(), 'templates/a.yaml': cm('a'), 'templates/w.yaml': '  \n' },
    args: ['r', 'c', '-s', 'templates/w.yaml'],
  },
];

/** crdCases: --include-crds for the root chart and subcharts. */
export const crdCases: Case[] = [
  {
    name: 'include crds of root and subcharts',
    chart: {
      'Chart.yaml': chartYaml(),
      'templates/a.yaml': cm('a'),
      'crds/b.yaml': 'kind: CustomResourceDefinition\nmetadata:\n  name: b\n\n',
      'crds/a.YML': 'kind: CustomResourceDefinition\nmetadata:\n  name: a\n',
      'crds/readme.txt': 'not a crd',
      'crds/nested/n.json': '{"kind": "CustomResourceDefinition"}',
      'charts/s/Chart.yaml': chartYaml('s'),
      'charts/s/crds/s.yaml': 'kind: CustomResourceDefinition\nmetadata:\n  name: s\n',
      'charts/s/templates/s.yaml': cm('s'),
    },
    args: ['r', 'c', '--include-crds'],
  },
  {
    name: 'crds are not printed without the flag',
    chart: {
      'Chart.yaml': chartYaml(),
      'templates/a.yaml': cm('a'),
      'crds/b.yaml': 'kind: CustomResourceDefinition\n',
    },
    args: ['r', 'c'],
  },
];

/** notesCases: NOTES.txt is rendered (errors count) but never printed. */
export const notesCases: Case[] = [
  {
    name: 'notes never printed',
    chart: {
      'Chart.yaml': chartYaml(),
      'templates/NOTES.txt': 'Thanks {{ .Release.Name }}',
      'templates/a.yaml': cm('a'),
      'charts/s/Chart.yaml': chartYaml('s'),
      'charts/s/templates/NOTES.txt': 'sub notes',
    },
    args: ['r', 'c'],
  },
  {
    name: 'an error in NOTES.txt fails the render',
    chart: {
      'Chart.yaml': chartYaml(),
      'templates/NOTES.txt': '{{ .Values.a.b }}',
      'templates/a.yaml': cm('a'),
    },
    args: ['r', 'c'],
  },
];

/** functionCases: include, tpl, required, fail, lookup and their error texts. */
export const functionCases: Case[] = [
  {
    name: 'include, tpl and nested defines',
    chart: {
      'Chart.yaml': chartYaml(),
      'values.yaml': 'name: world\ntplText: "hello {{ .Values.name }}"\nmissing: "{{ .Values.nope }}|"\n',
      'templates/_h.tpl':
        '{{- define "greet" -}}hi {{ .Values.name }}{{- end -}}\n{{- define "x" }}{{ .Values.nope }}{{ end -}}',
      'templates/a.yaml':
        '# {{ include "greet" . }}\n# {{ tpl .Values.tplText . }}\n# {{ tpl .Values.missing . | len }}\n# {{ include "x" . | len }}\n# {{ include "x" . | upper }}\n# {{ tpl "{{ define \\"t\\" }}in tpl{{ end }}{{ include \\"t\\" . }}" . }}\n# {{ .Template.Name }} {{ .Template.BasePath }}\n# {{ tpl "{{ .Template.Name }}" . }}\n# {{ lookup "v1" "Pod" "ns" "x" }} {{ lookup "v1" "Pod" "" "" | toJson }}\n',
    },
    args: ['r', 'c'],
  },
  {
    name: 'required fails with its message',
    chart: {
      'Chart.yaml': chartYaml(),
      'templates/a.yaml': 'a: {{ required "set .Values.a please" .Values.a }}\n',
    },
    args: ['r', 'c'],
  },
  {
    name: 'required passes zero and false',
    chart: {
      'Chart.yaml': chartYaml(),
      'values.yaml': 'z: 0\nf: false\n',
      'templates/a.yaml': 'z: {{ required "z" .Values.z }}\nf: {{ required "f" .Values.f }}\n',
    },
    args: ['r', 'c'],
  },
  {
    name: 'required inside include reports the outer call',
    chart: {
      'Chart.yaml': chartYaml(),
      'templates/_h.tpl': '{{ define "r" }}\n  {{ required "inner needs it" .Values.q }}{{ end }}',
      'templates/a.yaml': 'x: 1\ny: {{ include "r" . }}\n',
    },
    args: ['r', 'c'],
  },
  {
    name: 'fail',
    chart: { 'Chart.yaml': chartYaml(), 'templates/a.yaml': '{{ fail "stop: here" }}' },
    args: ['r', 'c'],
  },
  {
    name: 'include of a missing template',
    chart: { 'Chart.yaml': chartYaml(), 'templates/a.yaml': 'a: {{ include "nope" . }}\n' },
    args: ['r', 'c'],
  },
  {
    name: 'nil pointer inside include',
    chart: {
      'Chart.yaml': chartYaml(),
      'templates/_h.tpl': '{{ define "x" }}{{ .Values.foo.bar }}{{ end }}',
      'templates/a.yaml': 'a: {{ include "x" . }}\n',
    },
    args: ['r', 'c'],
  },
  {
    name: 'tpl exec error stays raw',
    chart: { 'Chart.yaml': chartYaml(), 'templates/a.yaml': 'a: {{ tpl "{{ .Values.a.b }}" . }}\n' },
    args: ['r', 'c'],
  },
  {
    name: 'tpl parse error',
    chart: { 'Chart.yaml': chartYaml(), 'templates/a.yaml': 'a: {{ tpl "{{ .Values.a" . }}\n' },
    args: ['r', 'c'],
  },
  {
    name: 'tpl of a non-string',
    chart: { 'Chart.yaml': chartYaml(), 'templates/a.yaml': 'a: {{ tpl 5 . }}\n' },
    args: ['r', 'c'],
  },
  {
    name: 'env is not defined',
    chart: { 'Chart.yaml': chartYaml(), 'templates/a.yaml': 'a: {{ env "HOME" }}\n' },
    args: ['r', 'c'],
  },
  {
    name: 'toYaml, toJson, fromYaml and mustToYaml',
    chart: {
      'Chart.yaml': chartYaml(),
      'values.yaml': 'm:\n  b: [1, 2.5, "x"]\n  a: {c: null}\n',
      'templates/a.yaml':
        'y: |\n{{ toYaml .Values.m | indent 2 }}\nj: {{ toJson .Values.m | quote }}\nf: {{ fromYaml "a: 1" | toJson | quote }}\nfe: {{ fromYaml "- 1" | toJson | quote }}\nm: {{ mustToYaml .Values.m | quote }}\np: |\n{{ toYamlPretty .Values.m | indent 2 }}\n',
    },
    args: ['r', 'c'],
  },
  {
    name: 'include recursion limit',
    chart: {
      'Chart.yaml': chartYaml(),
      'templates/_h.tpl': '{{ define "rec" }}{{ include "rec" . }}{{ end }}',
      'templates/a.yaml': 'a: {{ include "rec" . }}\n',
    },
    args: ['r', 'c'],
  },
];

/** subchartCases: globals, aliases, .Subcharts, define overriding across charts, library charts. */
export const subchartCases: Case[] = [
  {
    name: 'subcharts, globals and Subcharts',
    chart: {
      'Chart.yaml': chartYaml(
        'c',
        'dependencies:\n- name: s\n  version: 0.1.0\n  repository: file://charts/s\n',
      ),
      'values.yaml': 'global:\n  g: parent\ns:\n  v: from-parent\n',
      'templates/a.yaml':
        '# {{ .Values.s.v }} {{ .Values.s.own }} {{ .Values.global.g }}\n# {{ .Subcharts.s.Values.v }} {{ .Subcharts.s.Chart.Name }}\n# {{ include "sub.def" . }}\n',
      'charts/s/Chart.yaml': chartYaml('s'),
      'charts/s/values.yaml': 'own: sub\nv: default\nglobal:\n  sg: only-sub\n',
      'charts/s/templates/s.yaml':
        '# {{ .Values.v }} {{ .Values.own }} {{ .Values.global.g }} {{ .Values.global.sg }} {{ .Chart.Name }} {{ .Chart.IsRoot }}\n# {{ .Template.Name }} {{ .Template.BasePath }}\n',
      'charts/s/templates/_h.tpl': '{{ define "sub.def" }}defined in sub{{ end }}',
    },
    args: ['r', 'c', '--set', 'global.g=cli'],
  },
  {
    name: 'define overriding by parse order',
    chart: {
      'Chart.yaml': chartYaml(),
      'templates/_a.tpl': '{{ define "dup" }}from _a{{ end }}{{ define "deep" }}from root{{ end }}',
      'templates/_b.tpl': '{{ define "dup" }}from _b{{ end }}',
      'templates/sub/_c.tpl': '{{ define "dup" }}from sub/_c{{ end }}',
      'templates/a/b/c/_x.tpl': '{{ define "deep" }}from deep root{{ end }}',
      'templates/main.yaml': '# {{ include "dup" . }} {{ include "deep" . }}\n',
      'charts/child/Chart.yaml': chartYaml('child'),
      'charts/child/templates/_h.tpl':
        '{{ define "dup" }}from child{{ end }}{{ define "deep" }}from child{{ end }}',
      'charts/child/templates/cm.yaml': '# {{ include "dup" . }} {{ include "deep" . }}\n',
    },
    args: ['r', 'c'],
  },
  {
    name: 'disabled subchart by condition',
    chart: {
      'Chart.yaml': chartYaml(
        'c',
        'dependencies:\n- name: s\n  version: 0.1.0\n  repository: file://charts/s\n  condition: s.enabled\n- name: s\n  alias: t\n  version: 0.1.0\n  repository: file://charts/s\n',
      ),
      'values.yaml': 's:\n  enabled: false\n',
      'templates/a.yaml': '# {{ keys .Subcharts | sortAlpha }}\n',
      'charts/s/Chart.yaml': chartYaml('s'),
      'charts/s/templates/s.yaml': '# {{ .Chart.Name }} {{ .Template.Name }}\n',
    },
    args: ['r', 'c'],
  },
  {
    name: 'library chart partials only',
    chart: {
      'Chart.yaml': chartYaml(
        'c',
        'dependencies:\n- name: lib\n  version: 0.1.0\n  repository: file://charts/lib\n',
      ),
      'templates/a.yaml': '# {{ include "lib.hello" . }}\n',
      'charts/lib/Chart.yaml': chartYaml('lib', 'type: library\n'),
      'charts/lib/templates/_h.tpl': '{{ define "lib.hello" }}hello from lib{{ end }}',
      'charts/lib/templates/cm.yaml': 'kind: NotRendered\n',
    },
    args: ['r', 'c'],
  },
  {
    name: 'library root chart is not installable',
    chart: { 'Chart.yaml': chartYaml('c', 'type: library\n'), 'templates/_h.tpl': '' },
    args: ['r', 'c'],
  },
  {
    name: 'subchart error is reported first',
    chart: {
      'Chart.yaml': chartYaml(),
      'templates/a.yaml': '{{ .Values.x.y }}',
      'charts/s/Chart.yaml': chartYaml('s'),
      'charts/s/templates/s.yaml': '{{ .Values.x.y }}',
    },
    args: ['r', 'c'],
  },
];

/** filesCases: .Files methods and iteration. */
export const filesCases: Case[] = [
  {
    name: 'Files methods',
    chart: {
      'Chart.yaml': chartYaml(),
      '.helmignore': 'ignored.txt\n',
      'ignored.txt': 'no',
      'README.md': 'readme',
      'files/a.txt': 'line1\nline2\n',
      'files/b.conf': 'x=1',
      'files/empty.txt': '',
      'files/sub/c.txt': 'c',
      'templates/a.yaml':
        '# {{ .Files.Get "files/a.txt" | quote }} {{ .Files.Get "nope" | quote }}\n# {{ .Files.GetBytes "files/b.conf" }}\n# {{ .Files.Lines "files/a.txt" }} {{ .Files.Lines "nope" }}\n# {{ range $k, $v := .Files }}{{ $k }},{{ end }}\n# {{ range $k, $v := .Files.Glob "files/*" }}{{ $k }},{{ end }}\n# {{ range $k, $v := .Files.Glob "files/**" }}{{ $k }},{{ end }}\n# {{ range $k, $v := .Files.Glob "files/[" }}{{ $k }},{{ end }}\n# {{ index .Files "files/b.conf" | toString }}\n' +
        'conf:\n{{ (.Files.Glob "files/*.{txt,conf}").AsConfig | indent 2 }}\nsecrets:\n{{ (.Files.Glob "files/*.conf").AsSecrets | indent 2 }}\n',
    },
    args: ['r', 'c'],
  },
  {
    name: 'Files.Lines of an empty file',
    chart: {
      'Chart.yaml': chartYaml(),
      'files/empty.txt': '',
      'templates/a.yaml': '# {{ .Files.Lines "files/empty.txt" }}\n',
    },
    args: ['r', 'c'],
  },
];

/** capabilityCases: .Capabilities, --kube-version, --api-versions, .Release, .Chart. */
export const capabilityCases: Case[] = [
  {
    name: 'capabilities defaults',
    chart: {
      'Chart.yaml': chartYaml(),
      'templates/a.yaml':
        '# {{ .Capabilities.KubeVersion }} {{ .Capabilities.KubeVersion.Version }} {{ .Capabilities.KubeVersion.Major }} {{ .Capabilities.KubeVersion.Minor }} {{ .Capabilities.KubeVersion.GitVersion }}\n# {{ .Capabilities.HelmVersion.Version }} {{ .Capabilities.HelmVersion | toJson }}\n# {{ .Capabilities.APIVersions.Has "apps/v1" }} {{ .Capabilities.APIVersions.Has "apps/v1/Deployment" }} {{ len .Capabilities.APIVersions }}\n# {{ semverCompare ">=1.20-0" .Capabilities.KubeVersion.Version }}\n# {{ .Capabilities.KubeVersion | toJson }}\n',
    },
    args: ['r', 'c'],
  },
  {
    name: 'capabilities flags',
    chart: {
      'Chart.yaml': chartYaml(),
      'templates/a.yaml':
        '# {{ .Capabilities.KubeVersion }} {{ .Capabilities.KubeVersion.Version }}\n# {{ .Capabilities.APIVersions.Has "foo/v1/Bar" }} {{ .Capabilities.APIVersions.Has "x/v1" }} {{ .Capabilities.APIVersions.Has "y/v2" }}\n',
    },
    args: ['r', 'c', '--kube-version', 'v1.30.2-gke.100', '-a', 'foo/v1/Bar', '--api-versions=x/v1,y/v2'],
  },
  {
    name: 'invalid kube version',
    chart: { 'Chart.yaml': chartYaml(), 'templates/a.yaml': 'a: 1\n' },
    args: ['r', 'c', '--kube-version', '1'],
  },
  {
    name: 'incompatible kubeVersion constraint',
    chart: { 'Chart.yaml': chartYaml('c', 'kubeVersion: "<1.20.0"\n'), 'templates/a.yaml': 'a: 1\n' },
    args: ['r', 'c'],
  },
  {
    name: 'release object and flags',
    chart: {
      'Chart.yaml': chartYaml('c', 'appVersion: "1.0"\n'),
      'templates/a.yaml':
        '# {{ .Release }}\n# {{ .Release.Revision | printf "%T" }}\nchart: {{ toYaml .Chart | nindent 2 }}\n# {{ .Chart.Foo }}|\n',
    },
    args: ['my-rel', 'c', '-n', 'team-a', '--is-upgrade'],
  },
  {
    name: 'invalid release name',
    chart: { 'Chart.yaml': chartYaml(), 'templates/a.yaml': 'a: 1\n' },
    args: ['Bad_Name', 'c'],
  },
  {
    name: 'name template',
    chart: { 'Chart.yaml': chartYaml(), 'templates/a.yaml': '# {{ .Release.Name }}\n' },
    args: ['c', '--name-template', '{{ "abc" | upper | lower }}-x'],
  },
  {
    name: 'Values methods shadow keys',
    chart: {
      'Chart.yaml': chartYaml(),
      'values.yaml': 'YAML: shadowed\nAsMap: x\na:\n  b: 1\n',
      'templates/a.yaml':
        '# {{ .Values.YAML | quote }}\n# {{ .Values.AsMap | len }}\n# {{ (.Values.Table "a").b }} {{ .Values.PathValue "a.b" }}\n# {{ printf "%T %T" .Values .Values.a }}\n',
    },
    args: ['r', 'c'],
  },
];

/** errorCases: parse and exec error formats, values and flag errors. */
export const errorCases: Case[] = [
  {
    name: 'parse error keeps the last segment',
    chart: { 'Chart.yaml': chartYaml(), 'templates/a.yaml': 'a: {{ 08 }}\n' },
    args: ['r', 'c'],
  },
  {
    name: 'parse error on a later line',
    chart: { 'Chart.yaml': chartYaml(), 'templates/a.yaml': 'a: 1\nb: {{ if }}\n' },
    args: ['r', 'c'],
  },
  {
    name: 'exec nil pointer',
    chart: { 'Chart.yaml': chartYaml(), 'templates/a.yaml': 'a: {{ .Values.foo.bar }}\n' },
    args: ['r', 'c'],
  },
  {
    name: 'exec incompatible comparison stays raw',
    chart: {
      'Chart.yaml': chartYaml(),
      'values.yaml': 'n: 1\n',
      'templates/a.yaml': 'a: {{ eq .Values.n 1 }}\n',
    },
    args: ['r', 'c'],
  },
  {
    name: 'no value removed everywhere',
    chart: {
      'Chart.yaml': chartYaml(),
      'templates/a.yaml': 't: [{{ "<no value>" }}] literal <no value> here {{ .Values.missing }}\n',
    },
    args: ['r', 'c'],
  },
  {
    name: 'unknown flag',
    chart: { 'Chart.yaml': chartYaml(), 'templates/a.yaml': 'a: 1\n' },
    args: ['r', 'c', '--nope'],
  },
  {
    name: 'flag without its value',
    chart: { 'Chart.yaml': chartYaml(), 'templates/a.yaml': 'a: 1\n' },
    args: ['r', 'c', '-f'],
  },
  {
    name: 'missing values file',
    chart: { 'Chart.yaml': chartYaml(), 'templates/a.yaml': 'a: 1\n' },
    args: ['r', 'c', '-f', 'nope.yaml'],
  },
  {
    name: 'bad --set',
    chart: { 'Chart.yaml': chartYaml(), 'templates/a.yaml': 'a: 1\n' },
    args: ['r', 'c', '--set', 'a'],
  },
  {
    name: 'too many arguments',
    chart: { 'Chart.yaml': chartYaml(), 'templates/a.yaml': 'a: 1\n' },
    args: ['r', 'c', 'extra'],
  },
  {
    name: 'missing chart path',
    chart: { 'Chart.yaml': chartYaml(), 'templates/a.yaml': 'a: 1\n' },
    args: ['r', './nochart'],
  },
  {
    name: 'a folder without Chart.yaml',
    chart: { 'templates/a.yaml': 'a: 1\n' },
    args: ['r', 'c'],
  },
  {
    name: 'a chart file that is not an archive',
    chart: { 'Chart.yaml': chartYaml() },
    files: { 'chart.tgz': 'not gzip', 'values.yaml': 'a: 1\n' },
    args: ['r', 'chart.tgz'],
  },
  {
    name: 'a YAML file given as the chart',
    chart: { 'Chart.yaml': chartYaml() },
    files: { 'values.yaml': 'a: 1\n' },
    args: ['r', 'values.yaml'],
  },
  {
    name: 'values from files and flags',
    chart: {
      'Chart.yaml': chartYaml(),
      'values.yaml': 'a: 1\nb: {c: 2}\n',
      'templates/a.yaml': '# {{ toJson .Values }}\n',
    },
    files: { 'v1.yaml': 'a: 5\nb: {d: 3}\n', 'v2.yaml': 'e: x\n', 'f.txt': 'file text' },
    args: [
      'r',
      'c',
      '-f',
      'v1.yaml',
      '--values=v2.yaml',
      '--set',
      'x=1,y=true',
      '--set-string',
      's=5',
      '--set-json',
      'j={"k":[1]}',
      '--set-file',
      'ff=f.txt',
      '--set-literal',
      'l=a,b',
    ],
  },
];

/** moreCases: quirks found in Helm's sources (show-only and hooks, subchart objects, value types). */
export const moreCases: Case[] = [
  {
    name: 'show-only of a hook whose text starts with ---',
    chart: {
      'Chart.yaml': chartYaml(),
      'templates/h.yaml': `---\n\n---\n${hook('Pod', 'p', 'pre-install')}`,
      'templates/a.yaml': cm('a'),
    },
    args: ['r', 'c', '-s', 'templates/h.yaml'],
  },
  {
    name: 'show-only of NOTES.txt',
    chart: { 'Chart.yaml': chartYaml(), 'templates/NOTES.txt': 'notes', 'templates/a.yaml': cm('a') },
    args: ['r', 'c', '-s', 'templates/NOTES.txt'],
  },
  {
    name: 'subchart Files, Chart and Template',
    chart: {
      'Chart.yaml': chartYaml(
        'c',
        'dependencies:\n- name: s\n  alias: renamed\n  version: 0.1.0\n  repository: file://charts/s\n',
      ),
      'files/p.txt': 'parent file',
      'templates/a.yaml':
        '# {{ .Files.Get "files/p.txt" }} {{ .Subcharts.renamed.Files.Get "files/s.txt" }}\n',
      'charts/s/Chart.yaml': chartYaml(
        's',
        'description: sub chart\nkeywords: [a, b]\nmaintainers:\n- name: m\n  email: m@example.com\n',
      ),
      'charts/s/files/s.txt': 'sub file',
      'charts/s/templates/s.yaml':
        '# {{ .Files.Get "files/s.txt" }}|{{ .Files.Get "files/p.txt" }}|{{ .Chart.Name }}|{{ .Chart.Description }}|{{ .Chart.Keywords }}|{{ .Chart.Maintainers }}\n# {{ .Template.Name }} {{ .Template.BasePath }}\n',
    },
    args: ['r', 'c'],
  },
  {
    name: 'Chart object with dependencies as toYaml',
    chart: {
      'Chart.yaml': chartYaml(
        'c',
        'appVersion: 1.10\nannotations:\n  x: y\ndependencies:\n- name: s\n  version: ">=0.1.0"\n  repository: file://charts/s\n  tags: [t1]\n  import-values: [data]\n',
      ),
      'templates/a.yaml': 'chart:\n{{ toYaml .Chart | indent 2 }}\n',
      'charts/s/Chart.yaml': chartYaml('s'),
      'charts/s/values.yaml': 'exports:\n  data:\n    d1: 1\n',
    },
    args: ['r', 'c'],
  },
  {
    name: 'set value types',
    chart: {
      'Chart.yaml': chartYaml(),
      'values.yaml': 'f: 1.5\nbig: 1000000\n',
      'templates/a.yaml':
        '# {{ printf "%T %T %T %T %T %T" .Values.i .Values.s .Values.b .Values.n .Values.f .Values.big }} {{ .Values.i }} {{ .Values.big }}\n# {{ .Values.l }} {{ .Values.e | quote }}\n',
    },
    args: ['r', 'c', '--set', 'i=1000000,s=1.5,b=true,n=null,l={a,b}', '--set', 'e=', '--set-string', 'f=1'],
  },
  {
    name: 'getHostByName and lookup in helm template',
    chart: {
      'Chart.yaml': chartYaml(),
      'templates/a.yaml':
        '# [{{ getHostByName "localhost" }}] {{ lookup "apps/v1" "Deployment" "" "" | len }}\n',
    },
    args: ['r', 'c'],
  },
  {
    name: 'template action error location',
    chart: {
      'Chart.yaml': chartYaml(),
      'templates/_h.tpl': '{{ define "t" }}\n  x: {{ .Values.a.b }}{{ end }}',
      'templates/a.yaml': 'a:\n{{ template "t" . }}\n',
    },
    args: ['r', 'c'],
  },
  {
    name: 'parse error in a subchart',
    chart: {
      'Chart.yaml': chartYaml(),
      'templates/a.yaml': cm('a'),
      'charts/s/Chart.yaml': chartYaml('s'),
      'charts/s/templates/s.yaml': '{{ end }}',
    },
    args: ['r', 'c'],
  },
  {
    name: 'unknown hook events are logged and dropped',
    chart: {
      'Chart.yaml': chartYaml(),
      'templates/a.yaml': `${cm('a')}---\n${hook('Job', 'j', '"pre-install, bogus event"')}`,
    },
    args: ['r', 'c'],
  },
  {
    name: 'deprecated chart warns',
    chart: { 'Chart.yaml': chartYaml('c', 'deprecated: true\n'), 'templates/a.yaml': cm('a') },
    args: ['r', 'c'],
  },
  {
    name: 'apiVersion v1 chart with requirements.yaml',
    chart: {
      'Chart.yaml': 'apiVersion: v1\nname: c\nversion: 0.1.0\n',
      'requirements.yaml':
        'dependencies:\n- name: s\n  version: 0.1.0\n  repository: file://charts/s\n  condition: s.on\n',
      'values.yaml': 's:\n  on: true\n',
      'templates/a.yaml': '# {{ .Chart.APIVersion }} {{ len .Chart.Dependencies }} {{ .Values.s.x }}\n',
      'charts/s/Chart.yaml': 'apiVersion: v1\nname: s\nversion: 0.1.0\n',
      'charts/s/values.yaml': 'x: from-sub\n',
      'charts/s/templates/s.yaml': '# {{ .Chart.Name }}\n',
    },
    args: ['r', 'c'],
  },
  {
    name: 'common.Values passed to sprig map functions',
    chart: {
      'Chart.yaml': chartYaml(),
      'values.yaml': 'a: {b: {x: 1}}\nc: 2\n',
      'templates/a.yaml':
        '# {{ keys .Values | sortAlpha }} {{ hasKey .Values "a" }} {{ dig "a" "b" "x" 0 .Values }} {{ typeOf .Values }} {{ kindOf .Values }}\n# {{ pick .Values "c" }} {{ omit .Values "a" }} {{ len .Values }} {{ empty .Values }} {{ typeOf (deepCopy .Values) }}\n# {{ $_ := set .Values "n" 1 }}{{ .Values.n }} {{ typeOf .Values.AsMap }} {{ typeOf .Chart }} {{ typeOf .Files }} {{ typeOf .Capabilities.APIVersions }}\n# {{ has "apps/v1" .Capabilities.APIVersions }} {{ typeOf .Release.Revision }} {{ typeOf .Template }}\n',
    },
    args: ['r', 'c'],
  },
  {
    name: 'keys of .Files is a type error',
    chart: { 'Chart.yaml': chartYaml(), 'templates/a.yaml': '# {{ keys .Files }}\n' },
    args: ['r', 'c'],
  },
  {
    name: 'mutual include recursion',
    chart: {
      'Chart.yaml': chartYaml(),
      'templates/_h.tpl':
        '{{ define "a" }}{{ include "b" . }}{{ end }}{{ define "b" }}x{{ include "a" . }}{{ end }}',
      'templates/a.yaml': 'a: {{ include "a" . }}\n',
    },
    args: ['r', 'c'],
  },
  {
    name: 'a deep but finite include recursion renders',
    chart: {
      'Chart.yaml': chartYaml(),
      'templates/_h.tpl':
        '{{ define "down" }}{{ if gt (int .) 0 }}{{ include "down" (sub (int .) 1) }}{{ end }}.{{ end }}',
      'templates/a.yaml': 'a: "{{ include "down" 90 | len }}"\n',
    },
    args: ['r', 'c'],
  },
  {
    name: 'include recursion through tpl',
    chart: {
      'Chart.yaml': chartYaml(),
      'templates/_h.tpl': '{{ define "r" }}{{ tpl "{{ include \\"r\\" . }}" . }}{{ end }}',
      'templates/a.yaml': 'a: {{ include "r" . }}\n',
    },
    args: ['r', 'c'],
  },
  {
    name: 'printing capability objects',
    chart: {
      'Chart.yaml': chartYaml(),
      'templates/a.yaml':
        '# {{ .Capabilities }}\n# {{ .Capabilities.HelmVersion }} {{ .Capabilities.APIVersions | len }}\n# {{ .Capabilities | toYaml | b64enc }}\n',
    },
    args: ['r', 'c', '--kube-version', 'v1.31.1+k3s1'],
  },
  {
    name: 'Helm serialization functions',
    chart: {
      'Chart.yaml': chartYaml(),
      'values.yaml': 'm:\n  a: 1\n  e: [1, 2]\n  b: {c: d, h: "<&>"}\n',
      'templates/a.yaml':
        'toml: {{ toToml .Values.m | quote }}\nfromToml: {{ fromToml "a = 1\\n[b]\\nc = \\"d\\"" | toJson | quote }}\nbadToml: {{ fromToml "a =" | quote }}\n' +
        'fromJson: {{ fromJson "{\\"a\\": [1, 2.5]}" | toJson | quote }}\nbadJson: {{ fromJson "{bad" | quote }}\nfromJsonArray: {{ fromJsonArray "[1, \\"x\\"]" | quote }}\n' +
        'fromYamlArray: {{ fromYamlArray "- a\\n- 1" | quote }}\nbadYamlArray: {{ fromYamlArray "a: 1" | quote }}\n' +
        'mustToJson: {{ mustToJson .Values.m | quote }}\npretty: {{ toPrettyJson .Values.m | quote }}\nraw: {{ toRawJson .Values.m | quote }}\nfromYamlErr: {{ fromYaml "a: b: c" | quote }}\n',
    },
    args: ['r', 'c'],
  },
  {
    name: 'debug logs with schemas and subcharts',
    chart: {
      'Chart.yaml': chartYaml(),
      'values.schema.json': '{"type": "object"}\n',
      'values.yaml': 's:\n  x: 1\n',
      'templates/a.yaml': cm('a'),
      'charts/s/Chart.yaml': chartYaml('s'),
      'charts/s/values.schema.json': '{"type": "object", "properties": {"x": {"type": "number"}}}',
      'charts/s/templates/s.yaml': cm('s'),
    },
    args: ['r', 'c', '--debug', '--devel'],
  },
  {
    name: 'debug on a render error',
    chart: { 'Chart.yaml': chartYaml(), 'templates/a.yaml': 'a: {{ .Values.x.y }}\n' },
    args: ['r', './c/', '--debug'],
  },
  {
    name: 'values.yaml with several documents',
    chart: {
      'Chart.yaml': chartYaml(),
      'values.yaml': 'a: 1\n---\nb: 2\na: 3\n',
      'templates/a.yaml': '# {{ toJson .Values }}\n',
    },
    args: ['r', 'c'],
  },
];

/** allCases are every family, in order. */
export const allCases: Case[] = [
  ...orderingCases,
  ...showOnlyCases,
  ...crdCases,
  ...notesCases,
  ...functionCases,
  ...subchartCases,
  ...filesCases,
  ...capabilityCases,
  ...errorCases,
  ...moreCases,
];
