import { describe, expect, it } from 'vitest';
import { parseManifests, splitHelmOutput } from './manifest';

describe('splitHelmOutput', () => {
  const cases: { name: string; input: string; want: { path: string; text: string }[] }[] = [
    {
      name: 'two files',
      input: '---\n# Source: c/templates/a.yaml\nkind: A\n---\n# Source: c/templates/b.yaml\nkind: B\n',
      want: [
        { path: 'c/templates/a.yaml', text: 'kind: A\n' },
        { path: 'c/templates/b.yaml', text: 'kind: B\n' },
      ],
    },
    {
      name: 'one file rendering two documents',
      input: '---\n# Source: c/templates/a.yaml\nkind: A\n---\n# Source: c/templates/a.yaml\nkind: B',
      want: [
        { path: 'c/templates/a.yaml', text: 'kind: A\n' },
        { path: 'c/templates/a.yaml', text: 'kind: B' },
      ],
    },
    { name: 'nothing', input: '', want: [] },
  ];
  for (const { name, input, want } of cases) {
    it(name, () => {
      expect(splitHelmOutput(input)).toEqual(want);
    });
  }
});

describe('parseManifests', () => {
  it('reads kind, name and apiVersion of every document', () => {
    const { objects, findings } = parseManifests([
      { path: 'f.yaml', text: 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n---\n---\nkind: Pod\n' },
    ]);
    expect(findings).toEqual([]);
    expect(objects.map((o) => [o.apiVersion, o.kind, o.name, o.index])).toEqual([
      ['v1', 'Secret', 's', 0],
      ['', 'Pod', '', 2],
    ]);
  });

  it('reports a scalar document', () => {
    const { findings } = parseManifests([{ path: 'f.yaml', text: 'just text\n' }]);
    expect(findings.map((f) => f.rule)).toEqual(['yaml/not-an-object']);
  });
});

describe('parseManifests reads YAML as Kubernetes does', () => {
  const cases: { name: string; input: string; want: unknown }[] = [
    { name: 'YAML 1.1 boolean', input: 'kind: ConfigMap\ndata:\n  flag: yes\n', want: { flag: true } },
    {
      name: 'quoted yes stays a string',
      input: 'kind: ConfigMap\ndata:\n  flag: "yes"\n',
      want: { flag: 'yes' },
    },
    { name: 'integers are numbers', input: 'kind: ConfigMap\ndata:\n  port: 8000\n', want: { port: 8000 } },
    { name: 'the key n is YAML 1.1 false', input: 'kind: ConfigMap\ndata:\n  n: 1\n', want: { false: 1 } },
  ];
  for (const { name, input, want } of cases) {
    it(name, () => {
      const { objects } = parseManifests([{ path: 'f.yaml', text: input }]);
      expect(objects[0]?.object.data).toEqual(want);
    });
  }
});
