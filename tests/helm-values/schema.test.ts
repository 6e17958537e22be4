// validateValues against the real helm: a chart with a values.schema.json is rendered with --set
// values; helm's schema error text (one error per case, so Go's random map order cannot matter) must
// equal ours.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GoMap } from '@/lib/go';
import { validateValues } from '@/lib/helm/schema';
import { parseSet } from '@/lib/helm/strvals';
import { helm, scratchDir, writeTree } from './helm';

const schema2020 = {
  type: 'object',
  properties: {
    a: { maximum: 1000.5 },
    b: { enum: [1, 'x', true, null] },
    c: { type: ['string', 'integer'] },
    d: { minLength: 3, maxLength: 5 },
    e: { const: "q'z" },
    f: { oneOf: [{ type: 'string' }, { type: 'integer', minimum: 10 }] },
    g: { anyOf: [{ type: 'string' }, { type: 'boolean' }] },
    h: { $ref: '#/$defs/h' },
    i: { not: { type: 'string' } },
    j: { format: 'email', type: 'string' },
    k: { allOf: [{ type: 'string' }, { type: 'boolean' }] },
    n: { oneOf: [{ type: 'number' }, { type: 'integer' }] },
    o: { additionalProperties: false, properties: { p: {} } },
    q: { type: 'array', items: { type: 'string' }, minItems: 3 },
    r: { pattern: '^a+$' },
    s: { enum: [[1], 2] },
    t: false,
    u: { exclusiveMinimum: 5, multipleOf: 0.5 },
    v: { type: 'object', required: ['x', 'y'], dependentRequired: { w: ['z'] } },
    x: { prefixItems: [{ type: 'integer' }], items: false },
    // biome-ignore lint/suspicious/noThenProperty: a JSON schema keyword
    y: { if: { type: 'integer' }, then: { minimum: 100 }, else: { type: 'string' } },
    z: { type: 'object', properties: { a: {} }, unevaluatedProperties: false },
    ui: {
      prefixItems: [{ type: 'integer' }],
      contains: { type: 'string' },
      unevaluatedItems: { type: 'boolean' },
    },
    pn: { propertyNames: { pattern: '^[a-z]+$', maxLength: 3 } },
    rb: { $ref: '#/$defs/rb' },
    an: {
      anyOf: [{ type: 'null' }, { type: 'object', properties: { y: { minimum: 5, multipleOf: 2 } } }],
    },
    ap: { type: 'object', additionalProperties: { type: 'string', minLength: 2 } },
    ri: { items: { $ref: '#/$defs/rb' } },
  },
  $defs: {
    rb: { type: 'object', properties: { p: { type: 'string' } }, required: ['r'] },
    h: { type: 'object', properties: { z: { type: 'string' }, y: { type: 'string' } } },
  },
  required: ['req'],
};
const schema07 = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  properties: {
    m: { type: 'integer', minimum: 1 },
    l: { type: 'array', items: [{ type: 'string' }], additionalItems: false },
    d: { dependencies: { a: ['b'] } },
    r: { $ref: '#/definitions/r', minimum: 100 },
    email: { format: 'email' },
    hostname: { format: 'hostname' },
    ipv4: { format: 'ipv4' },
    ipv6: { format: 'ipv6' },
    uri: { format: 'uri' },
    datetime: { format: 'date-time' },
    date: { format: 'date' },
    time: { format: 'time' },
    uuid: { format: 'uuid' },
    rt: { $ref: '#/definitions/r', type: 'string' },
  },
  definitions: { r: { type: 'integer' } },
};

const cases: { name: string; schema: 'c20' | 'c07'; set: string[]; json?: string[]; str?: string[] }[] = [
  { name: 'maximum with grouping', schema: 'c20', set: ['a=5000'] },
  { name: 'maximum in exponent form', schema: 'c20', set: [], json: ['a=123456789012'] },
  { name: 'enum of primitives', schema: 'c20', set: ['b=2'] },
  { name: 'type list', schema: 'c20', set: ['c=true'] },
  { name: 'integer accepts integral float', schema: 'c20', set: [], json: ['c=5.0', 'a=1e-7'] },
  { name: 'minLength', schema: 'c20', set: ['d=ab'] },
  { name: 'maxLength counts runes', schema: 'c20', set: ['d=ééééééé'] },
  { name: 'const string quoting', schema: 'c20', set: ['e=x'] },
  { name: 'oneOf none matched', schema: 'c20', set: ['f=5'] },
  { name: 'oneOf two matched', schema: 'c20', set: ['n=1'] },
  { name: 'anyOf', schema: 'c20', set: ['g=1'] },
  { name: 'allOf', schema: 'c20', set: ['k=1'] },
  { name: '$ref nested error', schema: 'c20', set: ['h.z=1'] },
  { name: 'not', schema: 'c20', set: ['i=s'] },
  { name: 'format is an annotation in 2020-12', schema: 'c20', set: ['j=notmail', 'a=1'] },
  { name: 'additional property', schema: 'c20', set: ['o.x=1,o.p=1'] },
  { name: 'minItems', schema: 'c20', set: ['q={a,b}'] },
  { name: 'items type', schema: 'c20', set: ['q={a,b,3}'] },
  { name: 'pattern', schema: 'c20', set: ['r=b'] },
  { name: 'enum with a list', schema: 'c20', set: ['s=3'] },
  { name: 'false schema', schema: 'c20', set: ['t=1'] },
  { name: 'exclusiveMinimum', schema: 'c20', set: ['u=5'] },
  { name: 'multipleOf decimal', schema: 'c20', set: [], json: ['u=6.25'] },
  { name: 'missing properties', schema: 'c20', set: ['v.q=1'] },
  { name: 'dependentRequired', schema: 'c20', set: ['v.x=1,v.y=1,v.w=1'] },
  { name: 'prefixItems and items false', schema: 'c20', set: ['x={1,2}'] },
  { name: 'if then', schema: 'c20', set: ['y=5'] },
  { name: 'if else', schema: 'c20', set: ['y=true'] },
  { name: 'unevaluatedProperties', schema: 'c20', set: ['z.a=1,z.b=2'] },
  { name: 'missing required at root', schema: 'c20', set: [] },
  { name: 'unevaluatedItems', schema: 'c20', set: [], json: ['ui=[1,"s",2]'] },
  { name: 'unevaluatedItems satisfied', schema: 'c20', set: [], json: ['ui=[1,"s",true]'] },
  { name: 'propertyNames pattern', schema: 'c20', set: ['pn.B1=1'] },
  { name: 'propertyNames two failures', schema: 'c20', set: ['pn.ABCD=1'] },
  { name: '$ref with two errors', schema: 'c20', set: ['rb.p=1'] },
  { name: '$ref with one error', schema: 'c20', set: ['rb.p=1,rb.r=1'] },
  { name: 'anyOf with a nested group', schema: 'c20', set: ['an.y=1'] },
  { name: 'additionalProperties schema', schema: 'c20', set: ['ap.k=a'] },
  { name: 'items $ref', schema: 'c20', set: ['ri[0].r=1,ri[1].p=1'] },
  { name: 'draft-07 minimum', schema: 'c07', set: ['m=0'] },
  { name: 'draft-07 type string vs integer', schema: 'c07', set: ['m=1.5'] },
  { name: 'draft-07 additionalItems', schema: 'c07', set: ['l={a,b}'] },
  { name: 'draft-07 dependencies', schema: 'c07', set: ['d.a=1'] },
  { name: 'draft-07 $ref ignores siblings', schema: 'c07', set: ['r=5'] },
  { name: 'draft-07 $ref error', schema: 'c07', set: ['r=x'] },
  { name: 'draft-07 format email=x', schema: 'c07', set: [], str: ['email=x'] },
  { name: 'draft-07 format email=a@', schema: 'c07', set: [], str: ['email=a@'] },
  { name: 'draft-07 format email=@b', schema: 'c07', set: [], str: ['email=@b'] },
  { name: 'draft-07 format email=a b@c', schema: 'c07', set: [], str: ['email=a b@c'] },
  { name: 'draft-07 format email=a..b@c', schema: 'c07', set: [], str: ['email=a..b@c'] },
  { name: 'draft-07 format email=.a@c', schema: 'c07', set: [], str: ['email=.a@c'] },
  { name: 'draft-07 format email=a.@c', schema: 'c07', set: [], str: ['email=a.@c'] },
  { name: 'draft-07 format email=a@-b.c', schema: 'c07', set: [], str: ['email=a@-b.c'] },
  { name: 'draft-07 format email=a@[1.2.3.4]', schema: 'c07', set: [], str: ['email=a@[1.2.3.4]'] },
  { name: 'draft-07 format hostname=-a', schema: 'c07', set: [], str: ['hostname=-a'] },
  { name: 'draft-07 format hostname=a_b', schema: 'c07', set: [], str: ['hostname=a_b'] },
  { name: 'draft-07 format hostname=a-', schema: 'c07', set: [], str: ['hostname=a-'] },
  { name: 'draft-07 format hostname=a..b', schema: 'c07', set: [], str: ['hostname=a..b'] },
  { name: 'draft-07 format hostname=a.b.', schema: 'c07', set: [], str: ['hostname=a.b.'] },
  { name: 'draft-07 format hostname=a b', schema: 'c07', set: [], str: ['hostname=a b'] },
  { name: 'draft-07 format ipv4=1.2.3', schema: 'c07', set: [], str: ['ipv4=1.2.3'] },
  { name: 'draft-07 format ipv4=1.2.3.256', schema: 'c07', set: [], str: ['ipv4=1.2.3.256'] },
  { name: 'draft-07 format ipv4=01.2.3.4', schema: 'c07', set: [], str: ['ipv4=01.2.3.4'] },
  { name: 'draft-07 format ipv4=a.b.c.d', schema: 'c07', set: [], str: ['ipv4=a.b.c.d'] },
  { name: 'draft-07 format ipv4=1..2.3', schema: 'c07', set: [], str: ['ipv4=1..2.3'] },
  { name: 'draft-07 format ipv6=1.2.3.4', schema: 'c07', set: [], str: ['ipv6=1.2.3.4'] },
  { name: 'draft-07 format ipv6=::1', schema: 'c07', set: [], str: ['ipv6=::1'] },
  { name: 'draft-07 format uri=abc', schema: 'c07', set: [], str: ['uri=abc'] },
  { name: 'draft-07 format uri=:x', schema: 'c07', set: [], str: ['uri=:x'] },
  { name: 'draft-07 format uri=http://[::1', schema: 'c07', set: [], str: ['uri=http://[::1'] },
  { name: 'draft-07 format uri=http://a', schema: 'c07', set: [], str: ['uri=http://a'] },
  { name: 'draft-07 format datetime=2020-01-01', schema: 'c07', set: [], str: ['datetime=2020-01-01'] },
  {
    name: 'draft-07 format datetime=2020-13-01T00:00:00Z',
    schema: 'c07',
    set: [],
    str: ['datetime=2020-13-01T00:00:00Z'],
  },
  {
    name: 'draft-07 format datetime=2020-01-01X00:00:00Z',
    schema: 'c07',
    set: [],
    str: ['datetime=2020-01-01X00:00:00Z'],
  },
  {
    name: 'draft-07 format datetime=2020-01-01T25:00:00Z',
    schema: 'c07',
    set: [],
    str: ['datetime=2020-01-01T25:00:00Z'],
  },
  {
    name: 'draft-07 format datetime=2020-01-01T00:00:60Z',
    schema: 'c07',
    set: [],
    str: ['datetime=2020-01-01T00:00:60Z'],
  },
  {
    name: 'draft-07 format datetime=2020-01-01T00:00:00+25:00',
    schema: 'c07',
    set: [],
    str: ['datetime=2020-01-01T00:00:00+25:00'],
  },
  {
    name: 'draft-07 format datetime=2020-01-01t00:00:00z',
    schema: 'c07',
    set: [],
    str: ['datetime=2020-01-01t00:00:00z'],
  },
  { name: 'draft-07 format date=2020-02-30', schema: 'c07', set: [], str: ['date=2020-02-30'] },
  { name: 'draft-07 format date=x', schema: 'c07', set: [], str: ['date=x'] },
  { name: 'draft-07 format date=2020-1-01', schema: 'c07', set: [], str: ['date=2020-1-01'] },
  { name: 'draft-07 format date=20200101', schema: 'c07', set: [], str: ['date=20200101'] },
  { name: 'draft-07 format time=25:00:00Z', schema: 'c07', set: [], str: ['time=25:00:00Z'] },
  { name: 'draft-07 format time=12:00:00', schema: 'c07', set: [], str: ['time=12:00:00'] },
  { name: 'draft-07 format time=1200000000', schema: 'c07', set: [], str: ['time=1200000000'] },
  { name: 'draft-07 format time=23:59:60Z', schema: 'c07', set: [], str: ['time=23:59:60Z'] },
  { name: 'draft-07 format time=12:00:00.5Z', schema: 'c07', set: [], str: ['time=12:00:00.5Z'] },
  { name: 'draft-07 format time=12:00:00+01:00', schema: 'c07', set: [], str: ['time=12:00:00+01:00'] },
  { name: 'draft-07 format uuid=abc', schema: 'c07', set: [], str: ['uuid=abc'] },
  {
    name: 'draft-07 format uuid=00000000-0000-0000-0000-00000000000',
    schema: 'c07',
    set: [],
    str: ['uuid=00000000-0000-0000-0000-00000000000'],
  },
  {
    name: 'draft-07 format uuid=00000000-0000-0000-0000-00000000000g',
    schema: 'c07',
    set: [],
    str: ['uuid=00000000-0000-0000-0000-00000000000g'],
  },
  {
    name: 'draft-07 format uuid=000000000-000-0000-0000-000000000000',
    schema: 'c07',
    set: [],
    str: ['uuid=000000000-000-0000-0000-000000000000'],
  },
  { name: 'draft-07 format rt=x', schema: 'c07', set: [], str: ['rt=x'] },
];

const { dir, cleanup } = scratchDir('schema-');
afterAll(cleanup);
beforeAll(() => {
  for (const [name, schema] of [
    ['c20', schema2020],
    ['c07', schema07],
  ] as const) {
    writeTree(join(dir, name), {
      'Chart.yaml': `apiVersion: v2\nname: ${name}\nversion: 0.1.0\n`,
      'values.schema.json': JSON.stringify(schema),
      'templates/a.yaml': 'a: 1\n',
    });
  }
});

describe('schema errors match helm', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const args = ['template', 'r', join(dir, c.schema)];
      const values = new GoMap();
      const set = c.schema === 'c20' && !c.name.startsWith('missing required') ? ['req=1', ...c.set] : c.set;
      for (const s of set) {
        args.push('--set', s);
        parseSet(s, values, 'set');
      }
      for (const s of c.str ?? []) {
        args.push('--set-string', s);
        parseSet(s, values, 'string');
      }
      for (const s of c.json ?? []) {
        args.push('--set-json', s);
        parseSet(s, values, 'json');
      }
      const r = await helm(args);
      const prefix = `Error: values don't meet the specifications of the schema(s) in the following chart(s):\n${c.schema}:\n`;
      const want =
        r.code === 0 ? null : r.stderr.startsWith(prefix) ? r.stderr.slice(prefix.length) : r.stderr;
      const schema = c.schema === 'c20' ? schema2020 : schema07;
      const got = validateValues(JSON.stringify(schema), values);
      expect(got === null ? null : `${got}\n`).toEqual(want);
    });
  }
});
