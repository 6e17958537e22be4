// .helmignore against the real helm: the same folder is packaged by `helm package` and by
// writeArchive; the archives must list the same files, for many rule sets.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeArchive } from '@/lib/helm/archive';
import type { ChartFile } from '@/lib/helm/chart';
import { helm, scratchDir, writeTree } from './helm';

const enc = new TextEncoder();
const tree: Record<string, string> = {
  'Chart.yaml': 'apiVersion: v2\nname: ig\nversion: 0.1.0\n',
  'values.yaml': 'a: 1\n',
  'templates/a.yaml': 'a\n',
  'templates/b.tmp': 'b\n',
  'templates/.dot': 'd\n',
  'templates/sub/c.yaml': 'c\n',
  'templates/sub/.dot2': 'd\n',
  'files/x.txt': 'x\n',
  'files/x.bak': 'x\n',
  'files/nested/y.txt': 'y\n',
  'files/nested/deeper/z.txt': 'z\n',
  'docs/readme.md': 'r\n',
  'docs.md': 'r\n',
  'secret.txt': 's\n',
  'a/secret.txt': 's\n',
  'logs/app.log': 'l\n',
  'ci/values.yaml': 'v\n',
  '.gitignore': 'g\n',
  'README.md': 'r\n',
  'charts/s/Chart.yaml': 'apiVersion: v2\nname: s\nversion: 1.0.0\n',
  'charts/s/templates/.hidden': 'h\n',
  'charts/s/x.bak': 'x\n',
};

const ruleSets: { name: string; input: string }[] = [
  { name: 'no .helmignore', input: '' },
  { name: 'base name glob', input: '*.bak\n*.tmp\n' },
  { name: 'directory rule', input: 'docs/\nlogs/\n' },
  { name: 'rooted rule', input: '/secret.txt\n' },
  { name: 'path rule', input: 'files/nested/*\n' },
  { name: 'dotfiles', input: '.*\n' },
  { name: 'comments and blanks', input: '# c\n\n  *.bak  \n' },
  { name: 'negation quirk', input: '*.bak\n!files/\n' },
  { name: 'negated file', input: '!README.md\n' },
  { name: 'character class', input: '[ds]*\n' },
  { name: 'question mark', input: 'ci/?alues.yaml\n' },
  { name: 'ignoring the chart folder of a subchart', input: 'charts/s/\n' },
  { name: 'a rule for templates', input: 'templates/sub/\n' },
];

const { dir, cleanup } = scratchDir('helmignore-');
afterAll(cleanup);

function list(tgz: string): string[] {
  return execFileSync('tar', ['tzf', tgz], { encoding: 'utf8' }).split('\n').filter(Boolean).sort();
}

describe('helm package honours .helmignore like writeArchive', () => {
  ruleSets.forEach((c, i) => {
    it(c.name, async () => {
      const root = join(dir, `c${i}`, 'ig');
      const files: Record<string, string> = { ...tree };
      if (c.input !== '') files['.helmignore'] = c.input;
      writeTree(root, files);
      const out = join(dir, `out${i}`);
      mkdirSync(out, { recursive: true });
      const r = await helm(['package', root, '-d', out]);
      const chartFiles: ChartFile[] = Object.entries(files).map(([path, text]) => ({
        path,
        data: enc.encode(text),
      }));
      if (r.code !== 0) {
        expect(() => writeArchive(chartFiles, { name: 'ig', version: '0.1.0' })).toThrow(
          r.stderr.trim().replace(/^Error: /, ''),
        );
        return;
      }
      const ours = join(dir, `ours${i}.tgz`);
      writeFileSync(ours, writeArchive(chartFiles, { name: 'ig', version: '0.1.0' }));
      expect(list(ours)).toEqual(list(join(out, 'ig-0.1.0.tgz')));
    });
  });
});
