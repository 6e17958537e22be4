// writeArchive against `helm package`: both archives of the same chart folder must list the same
// entries in the same order with the same contents (extracted with the system tar), and helm must
// read ours. readArchive/loadArchive must read helm's archive.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readArchive, writeArchive } from '@/lib/helm/archive';
import { type ChartFile, loadArchive, loadChart } from '@/lib/helm/chart';
import { helm, scratchDir, writeTree } from './helm';

const { dir, cleanup } = scratchDir('archive-');
afterAll(cleanup);

const longDir = `templates/${'d'.repeat(60)}/${'e'.repeat(60)}`;

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

function tarList(tgz: string): string[] {
  return execFileSync('tar', ['tzf', tgz], { encoding: 'utf8' }).split('\n').filter(Boolean);
}

function tarCat(tgz: string, entry: string): string {
  return execFileSync('tar', ['xzf', tgz, '-O', entry], { encoding: 'utf8' });
}

let helmTgz = '';
let ourTgz = '';
let files: ChartFile[] = [];

beforeAll(async () => {
  writeTree(join(dir, 'dep'), {
    'Chart.yaml': 'apiVersion: v2\nname: dep\nversion: 2.0.0\n',
    'templates/d.yaml': 'd: 1\n',
  });
  mkdirSync(join(dir, 'pk', 'charts'), { recursive: true });
  const p = await helm(['package', join(dir, 'dep'), '-d', join(dir, 'pk', 'charts')]);
  expect(p.code).toBe(0);
  writeTree(join(dir, 'pk'), {
    'Chart.yaml':
      '# a comment helm drops\napiVersion: v2\nname: pk\nversion: 0.1.0\ndescription: hi\nkeywords: [a]\nappVersion: 1.10\nmaintainers: [{name: me}]\ndependencies:\n- name: sub\n  version: "*"\n  repository: ""\n',
    'values.yaml': '# c\nx: 1\n',
    'values.schema.json': '{"type": "object"}\n',
    'templates/a.yaml': 'a\n',
    'templates/.hidden': 'ignored by default\n',
    [`${longDir}/long.yaml`]: 'b\n',
    'charts/sub/Chart.yaml': 'apiVersion: v2\nname: sub\nversion: 1.0.0\n',
    'charts/sub/templates/s.yaml': 's\n',
    'charts/sub/values.yaml': '\uFEFFy: 2\n',
    '.helmignore': '*.bak\nsecret/\n',
    'x.bak': 'ignored\n',
    'secret/key': 'ignored\n',
    'crds/c.yaml': 'c\n',
    'README.md': 'r\n',
    'files/b-a.txt': 'order\n',
    'files/b/a.txt': 'order\n',
    'Chart.lock':
      'dependencies:\n- name: sub\n  repository: file://x\n  version: 1.0.0\n  extra: 1\ndigest: sha256:abc\ngenerated: "2024-01-02T03:04:05.120000+02:00"\nother: x\n',
  });
  const out = join(dir, 'out');
  mkdirSync(out, { recursive: true });
  const r = await helm(['package', join(dir, 'pk'), '-d', out]);
  expect(r.code).toBe(0);
  helmTgz = join(out, 'pk-0.1.0.tgz');
  files = readTree(join(dir, 'pk'));
  ourTgz = join(dir, 'ours-0.1.0.tgz');
  writeFileSync(ourTgz, writeArchive(files, { name: 'pk', version: '0.1.0', mtime: new Date(0) }));
});

describe('writeArchive matches helm package', () => {
  it('lists the same entries in the same order', () => {
    // Helm loads subcharts from a Go map, so their order varies between runs; within a chart it is fixed.
    const bySubchart = (list: string[]) => {
      const groups = new Map<string, string[]>();
      for (const e of list) {
        const key = /^pk\/charts\/[^/]+\//.exec(e)?.[0] ?? 'pk/';
        groups.set(key, [...(groups.get(key) ?? []), e]);
      }
      return Object.fromEntries(groups);
    };
    expect(bySubchart(tarList(ourTgz))).toEqual(bySubchart(tarList(helmTgz)));
  });
  it('has the same contents', () => {
    for (const entry of tarList(helmTgz)) expect(tarCat(ourTgz, entry), entry).toBe(tarCat(helmTgz, entry));
  });
  it('stamps Chart.lock with its generated time', () => {
    const line = (tgz: string) =>
      execFileSync('tar', ['tvzf', tgz, 'pk/Chart.lock'], {
        encoding: 'utf8',
        env: { ...process.env, TZ: 'UTC' },
      })
        .trim()
        .split(/\s+/)
        .slice(2);
    expect(line(ourTgz)).toEqual(line(helmTgz));
  });
  it('is read by helm show chart', async () => {
    const ours = await helm(['show', 'chart', ourTgz]);
    const theirs = await helm(['show', 'chart', helmTgz]);
    expect(ours.code).toBe(0);
    expect(ours.stdout).toBe(theirs.stdout);
  });
  it('is read by helm show values', async () => {
    expect((await helm(['show', 'values', ourTgz])).stdout).toBe(
      (await helm(['show', 'values', helmTgz])).stdout,
    );
  });
  it('renders with helm template like the folder', async () => {
    const a = await helm(['template', 'r', ourTgz]);
    const b = await helm(['template', 'r', join(dir, 'pk')]);
    expect(a.stdout).toBe(b.stdout);
  });
  it('rejects a bad version', () => {
    expect(() => writeArchive(files, { name: 'pk', version: '1.x' })).toThrow(
      'chart validation: validation: chart.metadata.version "1.x" is invalid',
    );
  });
});

describe('readArchive reads helm package output', () => {
  it('returns the entries without the top folder', () => {
    const entries = readArchive(new Uint8Array(readFileSync(helmTgz))).map((f) => f.path);
    expect(entries).toEqual(tarList(helmTgz).map((e) => e.slice('pk/'.length)));
  });
  it('loads the same chart as the folder', () => {
    const a = loadArchive(new Uint8Array(readFileSync(helmTgz)));
    const b = loadChart(files);
    expect(a.metadata).toEqual(b.metadata);
    expect(a.templates.map((f) => f.path)).toEqual(b.templates.map((f) => f.path));
    expect(a.files.map((f) => f.path)).toEqual(b.files.map((f) => f.path));
    expect(a.dependencies.map((d) => d.metadata.name)).toEqual(b.dependencies.map((d) => d.metadata.name));
  });
  it('rejects bytes that are not gzip', () => {
    expect(() => readArchive(new TextEncoder().encode('a: 1\nb: 2\nc: 3\n'))).toThrow('gzip: invalid header');
  });
});

describe('loadArchive reports bad archives as helm template does', () => {
  const tarOf = (name: string, text: string): Uint8Array => {
    const data = new TextEncoder().encode(text);
    const header = new Uint8Array(512);
    header.set(new TextEncoder().encode(name));
    const octal = (off: number, len: number, n: number) =>
      header.set(new TextEncoder().encode(n.toString(8).padStart(len - 1, '0')), off);
    octal(100, 8, 0o644);
    octal(108, 8, 0);
    octal(116, 8, 0);
    octal(124, 12, data.length);
    octal(136, 12, 0);
    header.fill(0x20, 148, 156);
    header[156] = 0x30;
    header.set(new TextEncoder().encode('ustar\u000000'), 257);
    const sum = header.reduce((a, b) => a + b, 0);
    header.set(new TextEncoder().encode(`${sum.toString(8).padStart(6, '0')}\u0000 `), 148);
    const body = new Uint8Array(Math.ceil(data.length / 512) * 512);
    body.set(data);
    const out = new Uint8Array(512 + body.length + 1024);
    out.set(header);
    out.set(body, 512);
    return out;
  };
  const gzip = (b: Uint8Array) => new Uint8Array(execFileSync('gzip', ['-c'], { input: b }));
  const cases: { name: string; file: string; input: () => Uint8Array }[] = [
    { name: 'short text', file: 'bad.tgz', input: () => new TextEncoder().encode('hello\n') },
    {
      name: 'long text',
      file: 'long.tgz',
      input: () => new TextEncoder().encode('hello world\n'.repeat(60)),
    },
    { name: 'a values file', file: 'values.yaml', input: () => new TextEncoder().encode('a: 1\n') },
    { name: 'a zip', file: 'z.tgz', input: () => new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3, 4, 5, 6, 7, 8]) },
    { name: 'truncated', file: 'trunc.tgz', input: () => readFileSync(helmTgz).subarray(0, 100) },
    {
      name: 'corrupt deflate',
      file: 'corrupt.tgz',
      input: () => new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff, 1, 2, 3]),
    },
    { name: 'empty tar', file: 'empty.tgz', input: () => gzip(new Uint8Array(1024)) },
    { name: 'parent path', file: 'dotdot.tgz', input: () => gzip(tarOf('x/../../Chart.yaml', 'name: x\n')) },
    { name: 'no Chart.yaml', file: 'nochart.tgz', input: () => gzip(tarOf('x/values.yaml', 'a: 1\n')) },
    { name: 'Chart.yaml at the top', file: 'top.tgz', input: () => gzip(tarOf('Chart.yaml', 'name: x\n')) },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const path = join(dir, c.file);
      const bytes = c.input();
      writeFileSync(path, bytes);
      const r = await helm(['template', path]);
      let ours = '';
      try {
        loadArchive(bytes, path);
      } catch (e) {
        ours = `Error: ${(e as Error).message}`;
      }
      expect(ours).toBe(r.stderr.trim());
    });
  }
});

describe('the api-gateway chart packages as helm packages it', () => {
  it('has the same entries and contents', async () => {
    const src = join(process.cwd(), 'chart-template', 'api-gateway');
    const out = join(dir, 'gateway');
    mkdirSync(out, { recursive: true });
    const r = await helm(['package', src, '-d', out]);
    expect(r.code).toBe(0);
    const theirs = join(out, readdirSync(out)[0] as string);
    const gw = readTree(src);
    const chartYaml = new TextDecoder().decode(gw.find((f) => f.path === 'Chart.yaml')?.data);
    const version = /^version:\s*(\S+)/m.exec(chartYaml)?.[1] ?? '';
    const ours = join(dir, 'gateway-ours.tgz');
    writeFileSync(ours, writeArchive(gw, { name: 'api-gateway', version, mtime: new Date(0) }));
    const sorted = (l: string[]) => [...l].sort();
    expect(sorted(tarList(ours))).toEqual(sorted(tarList(theirs)));
    for (const entry of tarList(theirs)) expect(tarCat(ours, entry), entry).toBe(tarCat(theirs, entry));
  });
});
