/**
 * Generated templates (a small typed grammar of actions, pipelines and control structures)
 * rendered by lib/template and by the real helm binary in one run: outputs must be identical.
 * Seeded; TEMPLATE_GEN_SEED and TEMPLATE_GEN_COUNT change the corpus.
 */
import { describe, expect, it } from 'vitest';
import { GoMap, type GoValue } from '@/lib/go';
import { TemplateSet } from '@/lib/template';
import { renderAll } from './helm-oracle';

const values = {
  s: 'str',
  words: ['alpha', 'beta', 'gamma'],
  f: 2.5,
  big: 1234567,
  small: 0.00001,
  t: true,
  m: { a: 'A', b: 'B', n: 7 },
  nums: [1, 0.5, 100000, 1e21],
  mixed: ['x', 2, null, false, { k: 'v' }, ['n']],
  users: [
    { name: 'ann', tags: ['a', 'b'] },
    { name: 'bob', tags: [] },
  ],
  empty: '',
  none: null,
};

/** rng is mulberry32: a small seeded PRNG. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Gen {
  constructor(private readonly r: () => number) {}
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.r() * xs.length)]!;
  }
  chance(p: number): boolean {
    return this.r() < p;
  }
  int(depth: number): string {
    const leaf = ['0', '1', '-3', '42', "'a'", '0x1F', '1_000', '(len $.Values.words)', '(len $.Values.s)'];
    if (depth <= 0 || this.chance(0.5)) return this.pick(leaf);
    return this.pick([
      () => `(len (${this.str(depth - 1)}))`,
      () => '(len $.Values.m)',
      () => `(len (printf "%d" ${this.int(depth - 1)}))`,
    ])();
  }
  float(): string {
    return this.pick([
      '1.5',
      '2.0',
      '1e6',
      '.5',
      '1e-5',
      '$.Values.f',
      '$.Values.big',
      '$.Values.small',
      '123456.0',
      '-0.0',
    ]);
  }
  str(depth: number): string {
    const leaf = [
      '"plain"',
      '`raw`',
      '""',
      '"a b"',
      '$.Values.s',
      '$.Values.m.a',
      '"<&>\\"\'"',
      '"é☃"',
      '$.Values.empty',
    ];
    if (depth <= 0 || this.chance(0.4)) return this.pick(leaf);
    return `(${this.pick([
      () =>
        `printf "%v|%d|%s|%q|%5.1f|%x" ${this.any(depth - 1)} ${this.int(depth - 1)} ${this.str(depth - 1)} ${this.str(depth - 1)} ${this.float()} ${this.int(depth - 1)}`,
      () => `print ${this.any(depth - 1)} ${this.any(depth - 1)} ${this.str(depth - 1)}`,
      () => `println ${this.any(depth - 1)}`,
      () => `html ${this.str(depth - 1)}`,
      () => `js ${this.str(depth - 1)}`,
      () => `urlquery ${this.str(depth - 1)}`,
      () => `${this.str(depth - 1)} | printf "[%s]"`,
      () => `index $.Values.words ${this.pick(['0', '1', '2'])}`,
      () => `index $.Values.m "b"`,
      () => `(index $.Values.users ${this.pick(['0', '1'])}).name`,
    ])()})`;
  }
  bool(depth: number): string {
    const leaf = ['true', 'false', '$.Values.t', '(not $.Values.t)'];
    if (depth <= 0 || this.chance(0.4)) return this.pick(leaf);
    return `(${this.pick([
      () => `eq ${this.int(depth - 1)} ${this.int(depth - 1)}`,
      () => `ne ${this.str(depth - 1)} ${this.str(depth - 1)}`,
      () => `lt ${this.int(depth - 1)} ${this.int(depth - 1)}`,
      () => `ge ${this.float()} ${this.float()}`,
      () => `le ${this.str(depth - 1)} ${this.str(depth - 1)}`,
      () => `gt ${this.int(depth - 1)} ${this.int(depth - 1)}`,
      () => `eq ${this.str(depth - 1)} ${this.str(depth - 1)} ${this.str(depth - 1)}`,
      () => `not (${this.any(depth - 1)})`,
    ])()})`;
  }
  any(depth: number): string {
    return this.pick([
      () => this.int(depth),
      () => this.float(),
      () => this.str(depth),
      () => this.bool(depth),
      () =>
        this.pick([
          '$.Values.words',
          '$.Values.m',
          '$.Values.nums',
          '$.Values.mixed',
          '$.Values.none',
          '$.Values.missing',
          '$.Values.users',
        ]),
      () => `(and ${this.any(depth - 1)} ${this.any(depth - 1)})`,
      () => `(or ${this.any(depth - 1)} ${this.any(depth - 1)})`,
    ])();
  }
  open(): string {
    return this.chance(0.2) ? '{{- ' : '{{ ';
  }
  close(): string {
    return this.chance(0.2) ? ' -}}' : ' }}';
  }
  text(): string {
    return this.pick(['', 'x', ' ', '\n', '  \n  ', 'key: ', ' | ']);
  }
  stmts(depth: number, inRange: boolean): string {
    let out = '';
    const n = 1 + Math.floor(this.r() * 3);
    for (let i = 0; i < n; i++) out += this.text() + this.stmt(depth, inRange);
    return out + this.text();
  }
  stmt(depth: number, inRange: boolean): string {
    const o = () => this.open();
    const c = () => this.close();
    const simple = [
      () => `${o()}${this.any(2)}${c()}`,
      () => `${o()}${this.str(2)}${c()}`,
      () =>
        `${o()}/* comment */${c()}`
          .replace('{{ /*', '{{/*')
          .replace('*/ }}', '*/}}')
          .replace('{{- /*', '{{- /*'),
    ];
    if (depth <= 0) return this.pick(simple)();
    const compound = [
      () =>
        `${o()}if ${this.bool(2)}${c()}${this.stmts(depth - 1, inRange)}${o()}else if ${this.bool(1)}${c()}${this.stmts(depth - 1, inRange)}${o()}else${c()}${this.stmts(depth - 1, inRange)}${o()}end${c()}`,
      () =>
        `${o()}with ${this.any(1)}${c()}${o()}.${c()}${this.stmts(depth - 1, inRange)}${o()}else${c()}none${o()}end${c()}`,
      () =>
        `${o()}range $i, $e := $.Values.${this.pick(['words', 'mixed', 'nums', 'm', 'users'])}${c()}${o()}$i${c()}=${o()}$e${c()}${this.stmts(depth - 1, true)}${o()}end${c()}`,
      () =>
        `${o()}range ${this.pick(['3', '0', '$.Values.words', '$.Values.none'])}${c()}${o()}.${c()}${o()}else${c()}E${o()}end${c()}`,
      () => `${o()}$v := ${this.any(2)}${c()}${o()}$v${c()}${this.stmts(depth - 1, inRange)}`,
      () =>
        inRange
          ? `${o()}if ${this.bool(1)}${c()}${o()}${this.pick(['break', 'continue'])}${c()}${o()}end${c()}`
          : this.pick(simple)(),
    ];
    return this.pick([...simple, ...compound])();
  }
}

function toGo(v: unknown): GoValue {
  if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (Array.isArray(v)) return v.map(toGo);
  return new GoMap(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, toGo(x)]));
}

const seed = Number(process.env.TEMPLATE_GEN_SEED ?? 20261127);
const count = Number(process.env.TEMPLATE_GEN_COUNT ?? 300);

describe(`generated templates (seed ${seed}, ${count} templates)`, () => {
  const g = new Gen(rng(seed));
  const templates = Array.from({ length: count }, () => g.stmts(3, false));
  const want = renderAll(templates, values);
  const vals = toGo(values) as GoMap;
  vals.goType = 'common.Values';
  const data = new GoMap([['Values', vals]]);
  templates.forEach((text, i) => {
    it(`#${i} ${JSON.stringify(text).slice(0, 80)}`, () => {
      const set = new TemplateSet({});
      set.parse('gotpl', text);
      expect(set.execute('gotpl', data, { missingKey: 'zero' })).toBe(want[i]);
    });
  });
});
