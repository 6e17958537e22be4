import { describe, expect, it } from 'vitest';
import { GoInt, GoMap, type GoValue } from '../go';
import { HelmError } from './errors';
import {
  byteCompare,
  decodeHead,
  filepathMatch,
  type Manifest,
  readManifestYaml,
  showOnly,
  sortByKind,
  sortManifests,
  splitManifests,
} from './output';

describe('splitManifests', () => {
  // Quirks from ENGINE.md §6 (verified with helm v4.1.4).
  const cases: { name: string; input: string; want: string[] }[] = [
    { name: 'two documents', input: 'a: 1\n---\nb: 2\n', want: ['a: 1', 'b: 2'] },
    { name: 'leading separator', input: '---\na: 1', want: ['a: 1'] },
    { name: '---x at line start splits', input: 'a: 1\n---x: 2', want: ['a: 1', 'x: 2'] },
    { name: 'indented --- does not split', input: 'a: |\n  ---\n  b', want: ['a: |\n  ---\n  b'] },
    { name: 'separator after an empty document stays', input: '---\n\n---\na: 1', want: ['---\na: 1'] },
    { name: 'trailing comment after ---', input: 'a: 1\n--- # c\nb: 2', want: ['a: 1', '# c\nb: 2'] },
    { name: 'blank text', input: ' \n\t\n', want: [] },
    { name: 'only separators', input: '---\n---\n', want: ['---'] },
  ];
  for (const { name, input, want } of cases) it(name, () => expect(splitManifests(input)).toEqual(want));
});

describe('byteCompare', () => {
  // Go's sort.Strings order: UTF-8 bytes (U+FFFF is EF BF BF, U+1F600 is F0 9F 98 80).
  const cases: { name: string; input: [string, string]; want: number }[] = [
    { name: 'equal', input: ['templates/a.yaml', 'templates/a.yaml'], want: 0 },
    { name: 'ASCII order', input: ['templates/a.yaml', 'templates/b.yaml'], want: -1 },
    { name: 'upper case before lower case', input: ['Z', 'a'], want: -1 },
    { name: 'prefix first', input: ['templates/svc', 'templates/svc0'], want: -1 },
    { name: 'longer after', input: ['abc', 'ab'], want: 1 },
    { name: 'accented letter after ASCII', input: ['\u00e9', 'z'], want: 1 },
    { name: 'U+FFFF before an emoji (UTF-16 order says the opposite)', input: ['\uffff', '😀'], want: -1 },
    { name: 'emoji after U+E000', input: ['a😀', 'a\ue000'], want: 1 },
    { name: 'emojis by code point', input: ['😀', '😁'], want: -1 },
  ];
  for (const { name, input, want } of cases) it(name, () => expect(byteCompare(...input)).toBe(want));
});

describe('filepathMatch', () => {
  const cases: { name: string; input: [string, string]; want: boolean }[] = [
    { name: 'exact', input: ['templates/a.yaml', 'templates/a.yaml'], want: true },
    { name: 'star within a segment', input: ['templates/*.yaml', 'templates/a.yaml'], want: true },
    { name: 'star does not cross /', input: ['templates/*', 'templates/sub/a.yaml'], want: false },
    { name: 'question mark', input: ['templates/?.yaml', 'templates/a.yaml'], want: true },
    { name: 'class', input: ['templates/[a-c].yaml', 'templates/b.yaml'], want: true },
    { name: 'negated class', input: ['templates/[^a-c].yaml', 'templates/b.yaml'], want: false },
    { name: 'escape', input: ['templates/\\*.yaml', 'templates/*.yaml'], want: true },
    { name: 'bad pattern matches nothing', input: ['templates/[', 'templates/['], want: false },
    { name: 'prefix is not a match', input: ['templates', 'templates/a.yaml'], want: false },
  ];
  for (const { name, input, want } of cases) it(name, () => expect(filepathMatch(...input)).toBe(want));
});

function m(entries: Record<string, GoValue>): GoMap {
  return new GoMap(Object.entries(entries));
}

describe('decodeHead', () => {
  const cases: { name: string; input: GoValue; want: unknown }[] = [
    {
      name: 'reads kind, name and annotations',
      input: m({
        kind: 'Pod',
        apiVersion: 'v1',
        metadata: m({ name: 'x', annotations: m({ 'helm.sh/hook': 'test' }) }),
      }),
      want: { apiVersion: 'v1', kind: 'Pod', name: 'x', annotations: new Map([['helm.sh/hook', 'test']]) },
    },
    {
      name: 'numbers become strings for string fields',
      input: m({ kind: new GoInt(5n, 'int64'), metadata: m({ name: 1.5 }) }),
      want: { apiVersion: '', kind: '5', name: '1.5', annotations: null },
    },
    {
      name: 'keys match case-insensitively, later sorted key wins',
      input: m({ kind: 'Bar', Kind: 'Foo' }),
      want: { apiVersion: '', kind: 'Bar', name: '', annotations: null },
    },
    { name: 'null document', input: null, want: { apiVersion: '', kind: '', name: '', annotations: null } },
  ];
  for (const { name, input, want } of cases) it(name, () => expect(decodeHead(input)).toEqual(want));

  const errors: { name: string; input: GoValue; want: string }[] = [
    {
      name: 'a list document',
      input: ['a'],
      want: 'json: cannot unmarshal array into Go value of type util.SimpleHead',
    },
    {
      name: 'a list apiVersion',
      input: m({ apiVersion: [new GoInt(1n, 'int64')] }),
      want: 'json: cannot unmarshal array into Go struct field SimpleHead.apiVersion of type string',
    },
    {
      name: 'a string metadata',
      input: m({ metadata: 'x' }),
      want: 'json: cannot unmarshal string into Go struct field SimpleHead.metadata of type struct { Name string "json:\\"name\\""; Annotations map[string]string "json:\\"annotations\\"" }',
    },
    {
      name: 'string annotations',
      input: m({ metadata: m({ annotations: 'x' }) }),
      want: 'json: cannot unmarshal string into Go struct field .metadata.annotations of type map[string]string',
    },
  ];
  for (const { name, input, want } of errors) it(name, () => expect(() => decodeHead(input)).toThrow(want));
});

describe('sortByKind', () => {
  const doc = (kind: string, path = 'p'): Manifest => ({
    path,
    text: kind,
    head: { apiVersion: '', kind, name: '', annotations: null },
  });
  it('orders known kinds, then unknown kinds by name (empty first), stable', () => {
    const input = [
      doc('Zebra'),
      doc(''),
      doc('Deployment', '1'),
      doc('Apple'),
      doc('Namespace'),
      doc('Deployment', '2'),
    ];
    expect(sortByKind(input).map((d) => `${d.head.kind}${d.path}`)).toEqual([
      'Namespacep',
      'Deployment1',
      'Deployment2',
      'p',
      'Applep',
      'Zebrap',
    ]);
  });
});

describe('showOnly', () => {
  const stream =
    '---\n# Source: c/templates/a.yaml\na: 1\n---\n# Source: c/charts/s/templates/b.yaml\nb: 2\n';
  it('selects by pattern relative to the chart, in pattern order', () => {
    expect(showOnly(stream, ['charts/s/templates/b.yaml', 'templates/*.yaml'])).toBe(
      '---\n# Source: c/charts/s/templates/b.yaml\nb: 2\n---\n# Source: c/templates/a.yaml\na: 1\n',
    );
  });
  it('reports a pattern that matches nothing', () => {
    expect(() => showOnly(stream, ['templates/nope.yaml'])).toThrow(
      'could not find template templates/nope.yaml in chart',
    );
  });
});

describe('sortManifests on re-rendered files', () => {
  // The same file rendered again with changed values (the studio's keystroke): heads must follow the
  // new text whether or not the document is read again in full.
  const render = (text: string) => sortManifests(new Map([['c/templates/a.yaml', text]]), readManifestYaml);
  const base = (name: string, replicas: string, note: string) =>
    `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n  annotations:\n    note: "${note}"\ndata:\n  replicas: ${replicas}\n`;

  it('reads the head again when a value under metadata, kind or apiVersion changes', () => {
    expect(render(base('one', '1', 'x')).manifests[0]!.head.name).toBe('one');
    expect(render(base('one', '2', 'x')).manifests[0]!.head.name).toBe('one');
    expect(render(base('two', '2', 'x')).manifests[0]!.head.name).toBe('two');
    const h = render(base('two', '3', 'y')).manifests[0]!.head;
    expect(h.annotations?.get('note')).toBe('y');
    expect(render(base('two', '3', 'y').replace('ConfigMap', 'Secret')).manifests[0]!.head.kind).toBe(
      'Secret',
    );
    expect(
      render(base('two', '3', 'y').replace('kind:', 'KIND:').replace('Config', 'Cfg')).manifests[0]!.head
        .kind,
    ).toBe('CfgMap');
  });

  it('reports a value that breaks the document as a fresh read does', () => {
    render(base('one', '1', 'x'));
    expect(() => render(base('one', '1: 2', 'x'))).toThrow(HelmError);
    expect(() => render(base('one', '1: 2', 'x'))).toThrow(/YAML parse error on c\/templates\/a\.yaml/);
    render(base('one', '1', 'x'));
    expect(render(base('one', 'yes', 'x')).manifests[0]!.head.name).toBe('one');
  });
});
