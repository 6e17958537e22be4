// Values coalescing and dependency processing against the real helm: every enabled chart of a
// scratch chart tree dumps its .Values with Go types; ours (processDependencies + coalesceValues on
// mergeValueSources) must produce the same dump for every template, or the same error.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GoMap, type GoValue } from '@/lib/go';
import { type Chart, type ChartFile, loadChart } from '@/lib/helm/chart';
import { checkDependencies, processDependencies } from '@/lib/helm/dependencies';
import { HelmError } from '@/lib/helm/errors';
import { coalesceValues, mergeValueSources, type ValueSources } from '@/lib/helm/values';
import { dump, dumpTemplate, helm, scratchDir, writeTree } from './helm';

const enc = new TextEncoder();
const sub = {
  'Chart.yaml': 'apiVersion: v2\nname: sub\nversion: 1.2.3\n',
  'values.yaml':
    'v: sub\nglobal: {gs: sub, gm: {b: 2}}\ndata: {e1: 1, keep: child}\nexports: {exp: {d1: 1}}\nn: {x: 1, y: 2}\nsubnull: null\n',
  'templates/d.yaml': dumpTemplate,
};
const tree: Record<string, string> = {
  'Chart.yaml': `apiVersion: v2
name: p
version: 0.1.0
dependencies:
- name: sub
  version: ~1.2.0
  repository: ""
  alias: s1
  condition: s1.enabled,s1.other
  import-values:
  - child: data
    parent: imported
  - exp
- name: sub
  version: ">=1.0.0"
  repository: ""
  alias: s2
  tags: [t2]
- name: sub
  version: ^1.0.0
  repository: ""
  alias: s3
  condition: s3.on
- name: other
  version: "*"
  repository: ""
`,
  'values.yaml': `nn: 1
keep: null
a: {xx: 2, yy: 1, zz: {q: 1}}
g: {h: 1}
global: {gv: root, gm: {a: 1}}
s1: {enabled: true, from: parent}
tags: {t2: false}
imported: {keep: parent}
`,
  'templates/d.yaml': dumpTemplate,
  'charts/other/Chart.yaml': 'apiVersion: v2\nname: other\nversion: 0.0.1\n',
  'charts/other/values.yaml': 'o: 1\nglobal: {gv: other}\n',
  'charts/other/templates/d.yaml': dumpTemplate,
  'charts/extra/Chart.yaml': 'apiVersion: v2\nname: extra\nversion: 3.0.0\n',
  'charts/extra/values.yaml': 'e: [1, {f: g}]\n',
  'charts/extra/templates/d.yaml': dumpTemplate,
};
for (const [k, v] of Object.entries(sub)) tree[`charts/sub/${k}`] = v;

const cases: { name: string; input: ValueSources }[] = [
  { name: 'defaults', input: {} },
  {
    name: 'user nulls delete defaults',
    input: { set: ['a.yy=null,b=null,c.d=null,nn=null,a.zz=null,g.h=null'] },
  },
  { name: 'conditions and tags', input: { set: ['s1.enabled=false,tags.t2=true,s3.on=true'] } },
  { name: 'non-bool condition falls through', input: { set: ['s1.enabled=yes,s1.other=false'] } },
  { name: 'globals from the command line', input: { set: ['global.gv=cli,s1.global.gs=x,s1.n=null'] } },
  { name: 'null in a subchart section', input: { set: ['s1.v=null,s1.subnull=1,other.o=null'] } },
  {
    name: 'values files merged',
    input: {
      valueFiles: ['a: {xx: null, new: null}\nkeep: 5\nlist: [1, 2]\n', 'list: [3]\na: {more: {x: 1}}\n'],
      setJson: ['{"j": {"k": [1.5]}}'],
      setString: ['s=1'],
      setLiteral: ['lit=a,b'],
    },
  },
  { name: 'table over scalar keeps the user value', input: { set: ['a=5,nn.x=1'] } },
  { name: 'type mismatch on a subchart', input: { set: ['s3=5,s3.on=true'] } },
  { name: 'scalar for a subchart section', input: { set: ['extra=x'] } },
];

const { dir, cleanup } = scratchDir('values-');
afterAll(cleanup);
let chart: Chart;
beforeAll(() => {
  writeTree(join(dir, 'p'), tree);
  const files: ChartFile[] = Object.entries(tree).map(([path, text]) => ({ path, data: enc.encode(text) }));
  chart = loadChart(files);
});

/** dumps returns the dump of every rendered template: `# Source` path → dump text. */
function helmDumps(stdout: string): Record<string, string> {
  const out: Record<string, string> = {};
  let source = '';
  for (const line of stdout.split('\n')) {
    if (line.startsWith('# Source: ')) source = line.slice('# Source: '.length);
    if (line.startsWith('dump: ')) out[source] = JSON.parse(line.slice('dump: '.length)) as string;
  }
  return out;
}

function ourDumps(c: Chart, values: GoMap, prefix: string, out: Record<string, string>): void {
  out[`${prefix}${c.metadata.name}/templates/d.yaml`] = dump(values);
  for (const d of c.dependencies) {
    const v = values.get(d.metadata.name) as GoValue;
    ourDumps(d, v instanceof GoMap ? v : new GoMap(), `${prefix}${c.metadata.name}/charts/`, out);
  }
}

function ours(input: ValueSources): Record<string, string> | string {
  try {
    const vals = mergeValueSources(input);
    checkDependencies(chart);
    let enabled: Chart;
    try {
      enabled = processDependencies(chart, vals);
    } catch (e) {
      if (e instanceof HelmError) throw new HelmError(`chart dependencies processing failed: ${e.message}`);
      throw e;
    }
    const final = coalesceValues(enabled, vals);
    const out: Record<string, string> = {};
    ourDumps(enabled, final, '', out);
    return out;
  } catch (e) {
    if (e instanceof HelmError) return `Error: ${e.message}`;
    throw e;
  }
}

describe('coalesced values match helm', () => {
  cases.forEach((c, i) => {
    it(c.name, async () => {
      const args = ['template', 'r', join(dir, 'p')];
      (c.input.valueFiles ?? []).forEach((text, j) => {
        const f = join(dir, `v${i}-${j}.yaml`);
        writeTree(dir, { [`v${i}-${j}.yaml`]: text });
        args.push('-f', f);
      });
      for (const s of c.input.setJson ?? []) args.push('--set-json', s);
      for (const s of c.input.set ?? []) args.push('--set', s);
      for (const s of c.input.setString ?? []) args.push('--set-string', s);
      for (const s of c.input.setLiteral ?? []) args.push('--set-literal', s);
      const r = await helm(args);
      // helm logs processing failures on stderr before its Error line; the Error line is what we give.
      const want = r.code === 0 ? helmDumps(r.stdout) : (r.stderr.trim().split('\n').pop() as string);
      expect(ours(c.input)).toEqual(want);
    });
  });
});
