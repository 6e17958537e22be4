import { describe, expect, it } from 'vitest';
import { diffLines, diffStats } from './diff';

const show = (a: string, b: string) =>
  diffLines(a, b)
    .map((l) => l.op + l.text)
    .join('|');

describe('diffLines', () => {
  const cases: { name: string; input: [string, string]; want: string }[] = [
    { name: 'equal', input: ['a\nb', 'a\nb'], want: ' a| b' },
    { name: 'both empty', input: ['', ''], want: '' },
    { name: 'from empty', input: ['', 'a\nb'], want: '+a|+b' },
    { name: 'to empty', input: ['a', ''], want: '-a' },
    {
      name: 'one changed line',
      input: ['a\nreplicas: 1\nc', 'a\nreplicas: 3\nc'],
      want: ' a|-replicas: 1|+replicas: 3| c',
    },
    { name: 'insertion in middle', input: ['a\nc', 'a\nb\nc'], want: ' a|+b| c' },
    { name: 'deletion at end', input: ['a\nb\nc', 'a\nb'], want: ' a| b|-c' },
    {
      name: 'moved block keeps the longest common part',
      input: ['x\na\nb\nc', 'a\nb\nc\nx'],
      want: '-x| a| b| c|+x',
    },
    {
      name: 'removals before additions in a block',
      input: ['k\n1\n2\nk', 'k\n3\n4\nk'],
      want: ' k|-1|-2|+3|+4| k',
    },
  ];
  for (const c of cases) it(c.name, () => expect(show(...c.input)).toBe(c.want));
});

describe('diffStats', () => {
  it('counts added and removed lines', () => {
    expect(diffStats(diffLines('a\nb\nc', 'a\nB\nc\nd'))).toEqual({ added: 2, removed: 1 });
  });
});
