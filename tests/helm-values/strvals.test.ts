// parseSet against the real helm: each --set expression is applied by helm to an empty chart whose
// template dumps .Values with Go types; our parser must build the same values (or the same error).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GoMap } from '@/lib/go';
import { HelmError } from '@/lib/helm/errors';
import { parseSet, type SetKind } from '@/lib/helm/strvals';
import { dump, dumpTemplate, helm, readDump, scratchDir, writeTree } from './helm';

const flags: Record<Exclude<SetKind, 'file'>, string> = {
  set: '--set',
  string: '--set-string',
  json: '--set-json',
  literal: '--set-literal',
};
const messages: Record<Exclude<SetKind, 'file'>, string> = {
  set: 'failed parsing --set data: ',
  string: 'failed parsing --set-string data: ',
  json: 'failed parsing --set-json data ',
  literal: 'failed parsing --set-literal data: ',
};

const cases: { name: string; kind: Exclude<SetKind, 'file'>; input: string[] }[] = [
  {
    name: 'typed scalars',
    kind: 'set',
    input: ['a=1,b=1.5,c=true,d=FALSE,e=null,f=0,g=0123,h=-5,i=+7,j=1e3'],
  },
  {
    name: 'int64 bounds',
    kind: 'set',
    input: ['a=9223372036854775807,b=9223372036854775808,c=-9223372036854775808'],
  },
  { name: 'nested keys', kind: 'set', input: ['a.b.c=1,a.b.d=x,a.e=y'] },
  { name: 'escaped dot and comma', kind: 'set', input: ['a\\.b=1,c=x\\,y,d=\\{z'] },
  { name: 'lists with gaps', kind: 'set', input: ['l[0]=x,l[2]=z'] },
  { name: 'list of maps', kind: 'set', input: ['l[0].a=1,l[0].b=2,l[1].c=3'] },
  { name: 'nested lists', kind: 'set', input: ['l[0][1]=x,l[1][0]=y'] },
  { name: 'brace list', kind: 'set', input: ['n={a,b,1},m={},o=x'] },
  { name: 'brace list then key', kind: 'set', input: ['n={a,b},k=v'] },
  { name: 'empty value', kind: 'set', input: ['e=,f=g'] },
  { name: 'later expressions override', kind: 'set', input: ['a.b=1', 'a.c=2', 'a.b=3'] },
  { name: 'value with equals', kind: 'set', input: ['a=b=c'] },
  { name: 'unicode', kind: 'set', input: ['ключ=значение,emoji=😀'] },
  { name: 'strings stay strings', kind: 'string', input: ['a=1,b=true,c=null,d={x,y}'] },
  { name: 'literal keeps commas and braces', kind: 'literal', input: ['a.b={x,y},c=d'] },
  { name: 'literal list index', kind: 'literal', input: ['l[1]=a,b'] },
  { name: 'json values', kind: 'json', input: ['a={"b":[1,2.5,"x",null,true]}', 'c=[1]', 'd="s"'] },
  { name: 'json two keys', kind: 'json', input: ['a=1,b={"c":2}'] },
  { name: 'json null and empty', kind: 'json', input: ['a=null,b='] },
  { name: 'json list index', kind: 'json', input: ['l[1]={"x":1}'] },
  { name: 'error: key without value', kind: 'set', input: ['a'] },
  { name: 'error: trailing comma key', kind: 'set', input: ['a,b=1'] },
  { name: 'error: nested key without value', kind: 'set', input: ['a.b'] },
  { name: 'error: unterminated list', kind: 'set', input: ['a={x,y'] },
  { name: 'error: bad index', kind: 'set', input: ['a[x]=1'] },
  { name: 'error: negative index', kind: 'set', input: ['a[-1]=1'] },
  { name: 'error: index too large', kind: 'set', input: ['a[65537]=1'] },
  { name: 'error: data after index', kind: 'set', input: ['a[0]x=1'] },
  { name: 'error: map over scalar', kind: 'set', input: ['a=1', 'a.b=2'] },
  { name: 'error: list over scalar', kind: 'set', input: ['a=x', 'a[0]=2'] },
  { name: 'error: map over list', kind: 'set', input: ['a[0]=x', 'a.b=2'] },
  {
    name: 'error: too deeply nested',
    kind: 'set',
    input: [`${Array.from({ length: 32 }, (_, i) => `k${i}`).join('.')}=1`],
  },
  { name: 'error: json not json', kind: 'json', input: ['a={x'] },
];

const { dir, cleanup } = scratchDir('strvals-');
afterAll(cleanup);
beforeAll(() => {
  writeTree(join(dir, 'c'), {
    'Chart.yaml': 'apiVersion: v2\nname: c\nversion: 0.1.0\n',
    'templates/d.yaml': dumpTemplate,
  });
});

function ours(kind: Exclude<SetKind, 'file'>, exprs: string[]): { dump?: string; error?: string } {
  const m = new GoMap();
  for (const e of exprs) {
    try {
      parseSet(e, m, kind);
    } catch (err) {
      if (!(err instanceof HelmError)) throw err;
      return { error: kind === 'json' ? `${messages[kind]}${e}` : `${messages[kind]}${err.message}` };
    }
  }
  return { dump: dump(m) };
}

describe('parseSet matches helm', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const args = ['template', 'r', join(dir, 'c')];
      for (const e of c.input) args.push(flags[c.kind], e);
      const r = await helm(args);
      const want =
        r.code === 0 ? { dump: readDump(r.stdout) } : { error: r.stderr.trim().replace(/^Error: /, '') };
      expect(ours(c.kind, c.input)).toEqual(want);
    });
  }
});

it('the scratch chart exists', () => {
  expect(readFileSync(join(dir, 'c', 'Chart.yaml'), 'utf8')).toContain('name: c');
});
