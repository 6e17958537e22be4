// Warnings of coalescing and dependency processing against helm's stderr. Helm iterates Go maps, so
// the order of some lines varies: the lines are compared as sorted lists.
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ChartFile, loadChart } from '@/lib/helm/chart';
import { processDependencies } from '@/lib/helm/dependencies';
import { coalesceValues, mergeValueSources } from '@/lib/helm/values';
import { helm, scratchDir, writeTree } from './helm';

const tree: Record<string, string> = {
  'Chart.yaml':
    'apiVersion: v2\nname: w1\nversion: 0.1.0\ndependencies:\n- name: sub\n  version: 1.0.0\n  repository: ""\n  condition: sub.on\n  tags: [tt]\n  import-values: [nope, {child: nada, parent: x}]\n',
  'values.yaml': 'a: {b: 1}\nc: 1\nd: {e: {f: 1}}\nglobal: {g: {h: 1}, k: 1}\ntags: {tt: 5}\n',
  'templates/a.yaml': 'x: 1\n',
  'charts/sub/Chart.yaml': 'apiVersion: v2\nname: sub\nversion: 1.0.0\n',
  'charts/sub/values.yaml': 'global: {g: 1, k: {m: 1}}\n',
  'charts/sub/templates/s.yaml': 's: 1\n',
};
const set = ['a=1,c.x=1,d.e=2,sub.on=notbool'];

const { dir, cleanup } = scratchDir('warnings-');
afterAll(cleanup);
beforeAll(() => writeTree(join(dir, 'w1'), tree));

/** parseSlog reads `level=L msg="m" k=v k="v"` into `m|k=v|k=v`. */
function parseSlog(line: string): string {
  const parts: string[] = [];
  const re = /(\w+)=("(?:[^"\\]|\\.)*"|\S*)/g;
  for (const m of line.matchAll(re)) {
    const v = (m[2] as string).startsWith('"') ? (JSON.parse(m[2] as string) as string) : (m[2] as string);
    parts.push(m[1] === 'msg' ? v : m[1] === 'level' ? '' : `${m[1]}=${v}`);
  }
  return parts.filter((p) => p !== '').join('|');
}

it('logs the same warnings as helm', async () => {
  const r = await helm(['template', 'r', join(dir, 'w1'), '--set', set[0] as string]);
  expect(r.code).toBe(0);
  const want = r.stderr.split('\n').filter(Boolean).map(parseSlog).sort();
  const got: string[] = [];
  const warn = (msg: string, attrs?: readonly (readonly [string, string])[]) => {
    got.push(
      attrs ? [msg.replace(/( \w+=\S*)+$/, ''), ...attrs.map(([k, v]) => `${k}=${v}`)].join('|') : msg,
    );
  };
  const enc = new TextEncoder();
  const chart = loadChart(
    Object.entries(tree).map(([path, t]): ChartFile => ({ path, data: enc.encode(t) })),
  );
  const vals = mergeValueSources({ set });
  const enabled = processDependencies(chart, vals, warn);
  coalesceValues(enabled, vals, warn);
  expect(got.sort()).toEqual(want);
});
