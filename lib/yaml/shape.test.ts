import { parseEvents } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { reshape, shiftedEvents, type YamlShape, yamlShape } from './shape';

const shapeOf = (text: string): YamlShape | undefined =>
  yamlShape(text, parseEvents(text, { maxDepth: 10000 }));

const doc = [
  'apiVersion: v1',
  'kind: ConfigMap',
  'metadata:',
  '  name: app',
  'spec:',
  '  replicas: 2',
  '  image: "repo/app:v1.2.0"',
  '  ports: [80, 443]',
  '  list:',
  '    - a',
  '    - key: b',
  '',
].join('\n');

describe('yamlShape and reshape', () => {
  it('accepts values replaced by tokens of the same style and names their root keys', () => {
    const shape = shapeOf(doc)!;
    expect(shape).toBeDefined();
    const next = doc
      .replace('replicas: 2', 'replicas: 31')
      .replace('v1.2.0', 'v1.3.0 rc')
      .replace('- a', '- no');
    const r = reshape(shape, next)!;
    expect(r.changedRootKeys).toEqual(['spec', 'spec', 'spec']);
    // The new shape serves the next edit.
    const again = reshape(r.shape, next.replace('443', '8443').replace('name: app', 'name: web'))!;
    expect(again.changedRootKeys).toEqual(['metadata', 'spec']);
    expect(reshape(shape, doc)!.changedRootKeys).toEqual([]);
  });

  it('refuses edits that could change the structure or fail to read', () => {
    const shape = shapeOf(doc)!;
    for (const next of [
      doc.replace('replicas: 2', 'replicas: 2: 3'), // a mapping value in a scalar's place
      doc.replace('replicas: 2', 'replicas: 2 # c'), // text after the value
      doc.replace('replicas: 2', 'replicas: 1e999'), // a number that overflows float64
      doc.replace('replicas: 2', 'replicas: .inf'),
      doc.replace('replicas: 2', 'replicas: 0x1F'),
      doc.replace('replicas: 2', 'replicas: -3'),
      doc.replace('replicas: 2', 'replicas: 0123456789012345'),
      doc.replace('replicas: 2', 'replicas: "2"'), // another style
      doc.replace('replicas: 2', 'replicas:'), // an empty value
      doc.replace('v1.2.0', 'v1\\t'), // an escape
      doc.replace('v1.2.0', 'v1"'),
      doc.replace('replicas:', 'replicaz:'), // a key
      doc.replace('  - a', '  - a\n    - b'), // more nodes
      `${doc}extra: 1\n`,
      doc.slice(0, -1),
    ]) {
      expect(reshape(shape, next), next).toBeUndefined();
    }
  });

  it('gives no shape to documents it cannot follow', () => {
    for (const text of [
      'a: &x 1\nb: *x\n',
      'a: !!str 1\n',
      '- a\n- b\n',
      'a: 1\n---\nb: 2\n',
      '<<: {a: 1}\nb: 2\n',
      '? [a]\n: 1\n',
      'a:\n  {b: 1}: c\n',
    ]) {
      expect(shapeOf(text), text).toBeUndefined();
    }
  });
});

describe('shiftedEvents', () => {
  const parse = (text: string) => parseEvents(text, { maxDepth: 10000 });
  it('makes the events js-yaml makes of the new text', () => {
    const text = `${doc}tail:\n  note: |\n    block\n  flow: {a: 1, b: "x y"}\n  after: 7\n`;
    const events = parse(text);
    const shape = yamlShape(text, events)!;
    for (const next of [
      text
        .replace('replicas: 2', 'replicas: 2000')
        .replace('{a: 1', '{a: 123456')
        .replace('"x y"', '"xyz w"'),
      text
        .replace('image: "repo/app:v1.2.0"', 'image: ""')
        .replace('- a', '- abc')
        .replace('after: 7', 'after: off'),
      text,
    ]) {
      const r = reshape(shape, next)!;
      expect(r, next).toBeDefined();
      expect(shiftedEvents(events, shape, r.shape)).toEqual(parse(next));
    }
  });
});
