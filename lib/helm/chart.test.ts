import { describe, expect, it } from 'vitest';
import { type ChartFile, chartFullPath, isValidSemver, loadChart } from './chart';

// Expected values come from ENGINE.md §3 (verified with helm v4.1.4) and Helm's documented messages.
const enc = new TextEncoder();
const files = (tree: Record<string, string>): ChartFile[] =>
  Object.entries(tree).map(([path, text]) => ({ path, data: enc.encode(text) }));
const base = 'apiVersion: v2\nname: c\nversion: 0.1.0\n';

describe('loadChart metadata', () => {
  const cases = [
    {
      name: 'a chart named off becomes false',
      input: 'apiVersion: v2\nname: off\nversion: 1.0.0\n',
      want: { name: 'false' },
    },
    {
      name: 'float appVersion uses 32-bit %g',
      input: `${base}appVersion: 1.10\n`,
      want: { appVersion: '1.1' },
    },
    {
      name: 'integer description is exact',
      input: `${base}description: 12345678\n`,
      want: { description: '12345678' },
    },
    { name: 'missing apiVersion is v1', input: 'name: c\nversion: 1.0.0\n', want: { apiVersion: 'v1' } },
    {
      name: 'whitespace is sanitized',
      input: `${base}description: "a\\tb\\u0007c"\n`,
      want: { description: 'a bc' },
    },
  ];
  for (const c of cases) {
    it(c.name, () => expect(loadChart(files({ 'Chart.yaml': c.input })).metadata).toMatchObject(c.want));
  }
});

describe('loadChart errors', () => {
  const cases: { name: string; input: Record<string, string>; want: string }[] = [
    { name: 'no Chart.yaml', input: { 'values.yaml': '' }, want: 'Chart.yaml file is missing' },
    {
      name: 'no name',
      input: { 'Chart.yaml': 'apiVersion: v2\nversion: 1.0.0\n' },
      want: 'validation: chart.metadata.name is required',
    },
    {
      name: 'no version',
      input: { 'Chart.yaml': 'apiVersion: v2\nname: c\n' },
      want: 'validation: chart.metadata.version is required',
    },
    {
      name: 'invalid version',
      input: { 'Chart.yaml': 'apiVersion: v2\nname: c\nversion: 1.2.3.4\n' },
      want: 'validation: chart.metadata.version "1.2.3.4" is invalid',
    },
    {
      name: 'apiVersion v3 is refused by helm template',
      input: { 'Chart.yaml': 'apiVersion: v3\nname: c\nversion: 1.0.0\n' },
      want: 'invalid chart apiVersion',
    },
    {
      name: 'stray file in charts/',
      input: { 'Chart.yaml': base, 'charts/README.md': 'x' },
      want: 'error unpacking subchart README.md in c: Chart.yaml file is missing',
    },
  ];
  for (const c of cases) {
    it(c.name, () => expect(() => loadChart(files(c.input))).toThrow(c.want));
  }
});

describe('loadChart file sets', () => {
  const c = loadChart(
    files({
      'Chart.yaml': base,
      'values.yaml': '\uFEFFa: 1\n',
      'values.schema.json': '{}',
      '.helmignore': '*.bak\n',
      'x.bak': '',
      'README.md': 'r',
      'crds/a.yaml': 'c',
      'crds/notes.txt': 'n',
      'templates/a.yaml': 't',
      'templates/.hidden': 'h',
      'charts/s/Chart.yaml': 'apiVersion: v2\nname: s\nversion: 1.0.0\n',
      'charts/s.prov': 'p',
      'charts/_skip/Chart.yaml': 'bad',
    }),
  );
  const cases = [
    { name: 'templates', input: c.templates, want: ['templates/a.yaml'] },
    {
      name: '.Files set',
      input: c.files,
      want: ['.helmignore', 'README.md', 'charts/s.prov', 'crds/a.yaml', 'crds/notes.txt'],
    },
    { name: 'crds', input: c.crds, want: ['crds/a.yaml'] },
  ];
  for (const t of cases) it(t.name, () => expect(t.input.map((f) => f.path)).toEqual(t.want));
  it('parses values with the BOM stripped', () => expect(c.values.get('a')).toBe(1));
  it('loads subcharts with a parent', () => {
    const s = c.dependencies[0];
    expect(s?.metadata.name).toBe('s');
    expect(s && chartFullPath(s)).toBe('c/charts/s');
  });
});

describe('isValidSemver', () => {
  const cases = [
    { name: 'full', input: '1.2.3', want: true },
    { name: 'v prefix and short', input: 'v1.2', want: true },
    { name: 'leading zero is coerced', input: '01.0.0', want: true },
    { name: 'prerelease and metadata', input: '1.0.0-rc.1+b.5', want: true },
    { name: 'numeric prerelease with a leading zero', input: '1.0.0-01', want: false },
    { name: 'four parts', input: '1.2.3.4', want: false },
    { name: 'wildcard', input: '1.x', want: false },
  ];
  for (const c of cases) it(c.name, () => expect(isValidSemver(c.input)).toBe(c.want));
});
