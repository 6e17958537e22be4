// loadChart against the real helm: the same chart folder is loaded by helm (`helm template` for
// errors, `helm show chart` for the decoded metadata) and by us.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chartYaml } from '@/lib/helm/archive';
import { type ChartFile, loadChart } from '@/lib/helm/chart';
import { HelmError } from '@/lib/helm/errors';
import { helm, scratchDir, writeTree } from './helm';

const chart = (extra: string) => `apiVersion: v2\nname: c\nversion: 0.1.0\n${extra}`;
const tpl = { 'templates/a.yaml': 'a: 1\n' };

const cases: { name: string; files: Record<string, string | Uint8Array> }[] = [
  { name: 'minimal', files: { 'Chart.yaml': chart(''), ...tpl } },
  {
    name: 'YAML 1.1 scalars are stringified',
    files: {
      'Chart.yaml':
        'apiVersion: v2\nname: off\nversion: 1.0\nappVersion: 1.10\ndescription: 12345678\nhome: yes\nkeywords: [1, 2.5, true, null]\nannotations: {a: 1, b: 1.5}\ndeprecated: yes\n',
      ...tpl,
    },
  },
  {
    name: 'every field',
    files: {
      'Chart.yaml': chart(
        'kubeVersion: ">=1.20.0"\ndescription: "tab\\there"\ntype: application\nkeywords: [a, b]\nhome: https://x\nsources: [https://s]\nmaintainers: [{name: m, email: e@x, url: https://u}]\nicon: https://i\nannotations: {k: v}\ncondition: c.enabled\ntags: t\nappVersion: "2.0"\ndependencies: [{name: d, version: "1.x", repository: "", alias: dd, condition: d.on, tags: [t1], import-values: [x, {child: a, parent: b}]}]\n',
      ),
      ...tpl,
      'charts/d/Chart.yaml': 'apiVersion: v2\nname: d\nversion: 1.2.3\n',
    },
  },
  {
    name: 'numbers in string fields',
    files: {
      'Chart.yaml': chart(
        'appVersion: 1.123456789\ndescription: 0.000001\nhome: 1e3\nicon: 20240101\nkeywords: [0x1F, 0o17, 1_000, -0.5, .5]\n',
      ),
      ...tpl,
    },
  },
  { name: 'BOM in Chart.yaml', files: { 'Chart.yaml': `\uFEFF${chart('')}`, ...tpl } },
  { name: 'apiVersion defaults to v1', files: { 'Chart.yaml': 'name: c\nversion: 1.0.0\n', ...tpl } },
  { name: 'coerced version', files: { 'Chart.yaml': 'apiVersion: v2\nname: c\nversion: v01.2\n', ...tpl } },
  { name: 'error: name missing', files: { 'Chart.yaml': 'apiVersion: v2\nversion: 1.0.0\n', ...tpl } },
  { name: 'error: version missing', files: { 'Chart.yaml': 'apiVersion: v2\nname: c\n', ...tpl } },
  {
    name: 'error: bad version',
    files: { 'Chart.yaml': 'apiVersion: v2\nname: c\nversion: 1.2.3.4\n', ...tpl },
  },
  {
    name: 'error: prerelease zero',
    files: { 'Chart.yaml': 'apiVersion: v2\nname: c\nversion: 1.0.0-01\n', ...tpl },
  },
  {
    name: 'error: name with slash',
    files: { 'Chart.yaml': 'apiVersion: v2\nname: a/b\nversion: 1.0.0\n', ...tpl },
  },
  {
    name: 'error: name dot dot',
    files: { 'Chart.yaml': 'apiVersion: v2\nname: ..\nversion: 1.0.0\n', ...tpl },
  },
  { name: 'error: type', files: { 'Chart.yaml': chart('type: foo\n'), ...tpl } },
  { name: 'error: empty Chart.yaml', files: { 'Chart.yaml': '', ...tpl } },
  {
    name: 'error: unsupported apiVersion',
    files: { 'Chart.yaml': 'apiVersion: v5\nname: c\nversion: 1.0.0\n', ...tpl },
  },
  {
    name: 'error: apiVersion v3',
    files: { 'Chart.yaml': 'apiVersion: v3\nname: c\nversion: 1.0.0\n', ...tpl },
  },
  {
    name: 'error: object for a string',
    files: { 'Chart.yaml': 'apiVersion: v2\nname: {a: 1}\nversion: 1.0.0\n', ...tpl },
  },
  { name: 'error: string for a list', files: { 'Chart.yaml': chart('keywords: a\n'), ...tpl } },
  { name: 'error: string for a bool', files: { 'Chart.yaml': chart('deprecated: "x"\n'), ...tpl } },
  {
    name: 'error: list for an annotation',
    files: { 'Chart.yaml': chart('annotations: {a: [1]}\n'), ...tpl },
  },
  {
    name: 'error: maintainer object name',
    files: { 'Chart.yaml': chart('maintainers: [{name: {a: 1}}]\n'), ...tpl },
  },
  { name: 'error: maintainer string', files: { 'Chart.yaml': chart('maintainers: [a]\n'), ...tpl } },
  { name: 'error: null maintainer', files: { 'Chart.yaml': chart('maintainers: [null]\n'), ...tpl } },
  {
    name: 'error: dependency name object',
    files: { 'Chart.yaml': chart('dependencies: [{name: {a: 1}}]\n'), ...tpl },
  },
  {
    name: 'error: bad alias',
    files: { 'Chart.yaml': chart('dependencies: [{name: a, alias: "b.c", repository: ""}]\n'), ...tpl },
  },
  {
    name: 'error: duplicate alias',
    files: {
      'Chart.yaml': chart('dependencies: [{name: a, repository: ""}, {name: b, alias: a, repository: ""}]\n'),
      ...tpl,
    },
  },
  { name: 'error: YAML syntax', files: { 'Chart.yaml': 'apiVersion: v2\nname: [c\n', ...tpl } },
  { name: 'error: values.yaml syntax', files: { 'Chart.yaml': chart(''), 'values.yaml': 'a: [1\n', ...tpl } },
  {
    name: 'error: stray file in charts/',
    files: { 'Chart.yaml': chart(''), 'charts/README.md': 'hi\n', ...tpl },
  },
  {
    name: 'error: broken subchart',
    files: { 'Chart.yaml': chart(''), 'charts/s/Chart.yaml': 'apiVersion: v2\nname: s\n', ...tpl },
  },
  {
    name: 'error: values.yaml is a list',
    files: { 'Chart.yaml': chart(''), 'values.yaml': '- a\n', ...tpl },
  },
  {
    name: 'error: values.yaml bad separator',
    files: { 'Chart.yaml': chart(''), 'values.yaml': 'a: 1\n--- x\n', ...tpl },
  },
  { name: 'error: Chart.lock syntax', files: { 'Chart.yaml': chart(''), 'Chart.lock': 'a: b: c\n', ...tpl } },
  {
    name: 'v1 chart with requirements.yaml',
    files: {
      'Chart.yaml': 'apiVersion: v1\nname: c\nversion: 0.1.0\n',
      'requirements.yaml': 'dependencies:\n- name: s\n  version: 1.0.0\n  repository: ""\n  alias: t\n',
      'charts/s/Chart.yaml': 'apiVersion: v1\nname: s\nversion: 1.0.0\n',
      ...tpl,
    },
  },
  {
    name: 'error: subchart archive is not gzip',
    files: { 'Chart.yaml': chart(''), 'charts/x-1.0.0.tgz': 'not gzip', ...tpl },
  },
  {
    name: 'error: subchart archive with a bad header',
    files: { 'Chart.yaml': chart(''), 'charts/x-1.0.0.tgz': 'definitely not gzip', ...tpl },
  },
  {
    name: 'error: helmignore double star',
    files: { 'Chart.yaml': chart(''), '.helmignore': 'a/**\n', ...tpl },
  },
  {
    name: 'charts/ entries starting with _ or . are skipped',
    files: { 'Chart.yaml': chart(''), 'charts/_x/README': 'x', 'charts/.y/README': 'y', ...tpl },
  },
];

const { dir, cleanup } = scratchDir('chart-');
afterAll(cleanup);

function readTree(root: string): ChartFile[] {
  const out: ChartFile[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else
        out.push({
          path: relative(root, full).split('\\').join('/'),
          data: new Uint8Array(readFileSync(full)),
        });
    }
  };
  walk(root);
  return out;
}

function ours(files: ChartFile[]): string {
  try {
    return chartYaml(loadChart(files).metadata);
  } catch (e) {
    if (e instanceof HelmError) return `Error: ${e.message}`;
    throw e;
  }
}

describe('loadChart matches helm', () => {
  cases.forEach((c, i) => {
    it(c.name, async () => {
      const root = join(dir, `c${i}`);
      writeTree(root, c.files);
      const t = await helm(['template', 'r', root]);
      let want: string;
      if (t.code !== 0) want = t.stderr.trim();
      else want = (await helm(['show', 'chart', root])).stdout.replace(/\n$/, '');
      expect(ours(readTree(root))).toBe(want);
    });
  });
});
