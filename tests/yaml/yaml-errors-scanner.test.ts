// Syntax errors whose message or line comes from go-yaml's scanner rather than its parser: where a
// required simple key goes stale (comments, quoted scalars and flow collections in between),
// anchor and alias names ended by a wrong character, tabs in indentation, block scalar headers,
// entries indented between two enclosing ones. These are the edits a mutation fuzz of large real
// values files turned up (scripts/fuzz-values.mjs); the expected answers are helm's own, asked
// at run time through `fromYaml` (the reader and messages of values.yaml).
import { describe, expect, it } from 'vitest';
import { encodeJson, fromYaml } from '@/lib/yaml';
import { runBatch } from './helm-batch';

const comments = '  # one\n  # two\n\n  ## three\n';

const cases: string[] = [
  // A key with no `:` on its line: a plain scalar ending the line reads on to the next non-blank
  // line (comments count); after a comment, a quoted scalar or an alias the next token decides.
  'x: 1\nfoo\n\n# d\nc: 2\n',
  'x: 1\nfoo # c\n\n# d\nc: 2\n',
  `a:\n  b: 1\n  yes  # note\n${comments}  c: 2\n`,
  `a:\n  b: 1\n  0x1F      # note\n${comments}  c: 2\n`,
  'x: 1\n"foo"\n\n# d\nc: 2\n',
  "x: 1\n'foo' # c\nc: 2\n",
  'x: &a 1\n*a # c\n\n# d\nc: 2\n',
  'x: 1\n*a   ## comment\n# c\n\nc: 2\n',
  'x: 1\n&a foo\nc: 2\n',
  'x: 1\n!!str foo\nc: 2\n',
  'a:\n  x: 1\n  trafficDistribution:.inf""\n# -- next\nb:\n  c: 1\n',
  'a:\n  storageClass!!str  ""\n  ## x\n  ##\n  modes:\n    - x\n',
  // A quoted scalar opened at a key and closed lines later: stale where it closes.
  "a:\n  b: 1\n  'provider:\n    x: ''\n    # it's here\n  c: 2\n",
  // A quoted scalar running on to a later quote, then more content: its own entry's message.
  "a:\n  b:\n    - 'labelSelector:\n        matchLabels:\n          x: y\n          name: '{{ include \"x\" . }}'\n          i: z\n",
  "a:\n  b: 'labelSelector:\n        matchLabels:\n          name: '{{ include \"x\" . }}'\n          i: z\n",
  // A quote right after a closing one opens the next quoted scalar.
  'a:\n  b: 1\n " # x\nc: ""  # y\nd: 1\n',
  'a:\n  b: 1\n" # x\nc: ""  # y\nd: 1\n',
  // Flow collections at a key position.
  'a: 1\n[x,\n  y]\nc: 2\n',
  'a: 1\n[x,\ny\n',
  'a:\n  groups: [# c\n##\n\n## d\nprov:\n  ## e\n  enabled: false\n  x: 1\n',
  'a:\n  b: {}\n  # c\n  c: {#}\n  # d\n  e: {}\n  # f\n  g: []\n',
  'a:\n  c: [#]\n  e: 1\n  g: 2\n',
  'a:\n  b: 1\n  [# c\n  d: 2\n',
  'a: 1\n{{- with $t := .x }}\n  {{- range }}\n',
  'x: 1\n[] # c\n\n# d\nc: 2\n',
  'x: 1\n{}\nc: 2\n',
  'a:\n  b: 1\n[]\n# x\nc: 2\n',
  'x:\n  y:\n[]\n',
  'a: \n[]\nc: 2\n',
  '- 1\n[]\n- 2\n',
  // Flow indicators dedented below the entry above them.
  'a:\n  b:\n    c:\n   ]   # x\n',
  'a:\n  b:\n ,  enabled: false\n',
  'a:\n]\n',
  'a:\n  -\n ]\n',
  'a:\n  -\n  ]\n',
  'a:\n  b:\n  }\n',
  // `:x` starts a plain scalar; between two enclosing columns it is no key of either.
  'a:\n  b: 1\n  # x\n :# Example:\n  # y\n',
  'a:\n  b: 1\n :x: 2\n',
  // Lines indented between two enclosing entries: the parser meets them before an alias in them
  // is looked up; a sequence at its key's column just ends there; `@` cannot start a token.
  'a:\n  b:\n    c: 1\n    d: 443\n *a     type: ClusterIP\n',
  'p:\n  m:\n    # c\n  -  enabled: false\n    auth:\n      id: 1\n',
  'a:\n  b: 1\n  ## c\n @param x\n  ## d\n',
  // Anchor and alias names end at a blank, a break or one of `?:,]}%@` and a backquote.
  'a: &x 1\nb:\n  <<: *x# -- comment\n',
  'a: &x 1\nb: *x#c\n',
  'a: &x# 1\n',
  'a: &x 1\nb: *x[\n',
  'a:\n  - &x# 1\n',
  '  <<: *a# -- comment\n',
  'a:\n  b:\n    c: 1\n <<: *a## x\n  d: 1\n',
  'a:\n  b:\n    c: 1\n *a## x\n  d: 1\n',
  '## @param x\n#<<: *a# @param y\na:\n  extraRules: []|\n## z\nb: 1\n',
  // A `[*]` inside a plain scalar (a JSONPath) is no alias: the real error comes later.
  'a:\n  - jsonPath: .spec.ref[*].name\n    name: x\n  c: d\n e: f\n',
  'a:\n  b: x{*}y\n  c: [a, *]\n',
  // Tabs in indentation.
  'a:\n  b: ""\n\t  # c\n  d: 1\n',
  'a:\n  b: x\n\t  # c\n  d: 1\n',
  'a:\n  b: x\n  # c\n\t  d: 1\n',
  'a:\n  b: x # c\n\t  d: 1\n',
  "a:\n  b: 'x'\n \t d: 1\n",
  'a:\n  b: [x]\n\td: 1\n',
  'a:\n  - x\n\t- y\n',
  'a:\n  pullSecrets: []\n \t #   - x\n  b: 1\n',
  'a:\n  httpGet: {}\n  #   path: /ping\n\t  #     host: localhost\n  b: 1\n',
  // Block scalar headers followed by content.
  'a:\n  # x\n  |   -o jsonpath\n  # y\n',
  'a: |   -o\n  x\n',
  'a: | -\n  x\n',
];

// Valid for go-yaml although js-yaml refuses them.
const valid = [
  'a: []# comment\nb: {x: 1}#c\n',
  'a:\n  b: [1, [2]]## c\n  c: 1\n',
  // A comment right after a block scalar header.
  'a:\n  b:\n    ># This value\n    # more\n    x\n  c: 1\n',
  'a: |#c\n  x\n',
  'a:\n- >-#c\n  x\n',
  // A block scalar at its key's column is the key's value.
  'a:\n  image:\n  | # -- The registry\n    registry: null\n  b: 1\n',
  'a:\n>-\n  x\n  y\nb: 1\n',
  'x:\n- a:\n  |\n   x\n',
  // A comment right after a flow indicator.
  'a: [# c\n  1,# d\n  2]\nb: {# c\n  b: 1,#d\n  c: 2}\n',
];

describe('YAML scanner errors like helm', () => {
  it('read what helm reads', async () => {
    const helm = await runBatch(valid, [{ name: 'map', expr: 'fromYaml $in | toJson' }]);
    expect(valid.map((t) => encodeJson(fromYaml(t)))).toEqual(helm.map((h) => h.map));
    expect(helm.every((h) => !h.map?.startsWith('{"Error":'))).toBe(true);
  });

  it('report the message and line helm reports', async () => {
    const helm = await runBatch(cases, [{ name: 'map', expr: 'fromYaml $in | toJson' }]);
    const diffs = cases.flatMap((text, i) => {
      const want = helm[i]!.map ?? '<missing>';
      const got = encodeJson(fromYaml(text));
      return got === want ? [] : [`${JSON.stringify(text)}\nhelm: ${want}\nours: ${got}`];
    });
    expect(diffs).toEqual([]);
    // The cases are errors in helm, not valid YAML that happens to read the same.
    expect(helm.filter((h) => h.map?.startsWith('{"Error":')).length).toBe(cases.length);
  });
});
