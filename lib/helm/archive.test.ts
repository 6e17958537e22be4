import { describe, expect, it } from 'vitest';
import { readArchive, writeArchive } from './archive';
import type { ChartFile } from './chart';

// The layout expectations are those of `helm package` (verified in tests/helm-values/archive.test.ts).
const enc = new TextEncoder();
const dec = new TextDecoder();
const files = (tree: Record<string, string>): ChartFile[] =>
  Object.entries(tree).map(([path, text]) => ({ path, data: enc.encode(text) }));

describe('writeArchive', () => {
  const tgz = writeArchive(
    files({
      'templates/a.yaml': 'a',
      'README.md': 'r',
      'Chart.yaml': 'apiVersion: v2\nname: c\nversion: 0.1.0\n',
      'values.yaml': '# kept\nx: 1\n',
      '.helmignore': '*.bak\n',
      'x.bak': 'ignored',
      [`templates/${'d'.repeat(90)}/${'e'.repeat(40)}.yaml`]: 'long',
    }),
    { name: 'c', version: '1.2.3', mtime: new Date(0) },
  );
  const entries = readArchive(tgz);
  const cases = [
    {
      name: 'Helm order: Chart.yaml, values.yaml, templates, other files',
      input: entries.map((f) => f.path),
      want: [
        'Chart.yaml',
        'values.yaml',
        'templates/a.yaml',
        `templates/${'d'.repeat(90)}/${'e'.repeat(40)}.yaml`,
        '.helmignore',
        'README.md',
      ],
    },
    {
      name: 'Chart.yaml is re-serialized with the chosen version',
      input: dec.decode(entries[0]?.data),
      want: 'apiVersion: v2\nname: c\nversion: 1.2.3\n',
    },
    {
      name: 'values.yaml is kept byte for byte',
      input: dec.decode(entries[1]?.data),
      want: '# kept\nx: 1\n',
    },
  ];
  for (const c of cases) it(c.name, () => expect(c.input).toEqual(c.want));
  it("writes a gzip header with Helm's comment", () => {
    expect([...tgz.subarray(0, 4)]).toEqual([0x1f, 0x8b, 8, 0x14]);
  });
});
