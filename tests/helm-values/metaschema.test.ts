// Schemas that break their draft's metaschema: helm refuses them before looking at the values; our
// message (structure of the metaschema included) must be helm's. One metaschema error per case, or
// errors whose order does not depend on Go's map iteration. Reference cycles are reported, not looped.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GoMap } from '@/lib/go';
import { validateValues } from '@/lib/helm/schema';
import { helm, scratchDir, writeTree } from './helm';

const d07 = '"$schema":"http://json-schema.org/draft-07/schema#",';
const d04 = '"$schema":"http://json-schema.org/draft-04/schema#",';
const cases: { name: string; input: string }[] = [
  { name: 'required as a boolean', input: '{"properties":{"a":{"required":true}}}' },
  { name: 'unknown type', input: '{"type":"foo"}' },
  { name: 'negative minLength', input: '{"properties":{"a":{"type":"string","minLength":-1}}}' },
  { name: 'errors in two vocabularies', input: '{"properties":{"a":{"minLength":-1,"title":5}}}' },
  { name: 'schema is a string', input: '"x"' },
  { name: 'properties is a number', input: '{"properties":5}' },
  { name: 'items as an array in 2020-12', input: '{"items":[{"type":"string"}]}' },
  { name: 'allOf is an object', input: '{"allOf":{}}' },
  { name: 'empty anyOf', input: '{"anyOf":[]}' },
  { name: 'duplicate types', input: '{"properties":{"a":{"type":["string","string"]}}}' },
  { name: 'enum not an array', input: '{"enum":1}' },
  { name: 'multipleOf zero', input: '{"multipleOf":0}' },
  { name: 'nested in $defs', input: '{"$defs":{"x":{"minimum":"1"}}}' },
  { name: 'required with a number', input: '{"required":["a",1]}' },
  { name: 'draft-07 required boolean', input: `{${d07}"properties":{"a":{"required":true}}}` },
  { name: 'draft-07 negative minLength', input: `{${d07}"properties":{"a":{"minLength":-1}}}` },
  { name: 'draft-07 unknown type', input: `{${d07}"properties":{"a":{"type":"foo"}}}` },
  { name: 'draft-07 items array is fine', input: `{${d07}"items":[{"type":"string"}]}` },
  { name: 'draft-04 required boolean', input: `{${d04}"properties":{"a":{"required":true}}}` },
  { name: 'reference cycle at the root', input: '{"$ref":"#"}' },
  {
    name: 'reference cycle through $defs',
    input:
      '{"properties":{"a":{"$ref":"#/$defs/x"}},"$defs":{"x":{"$ref":"#/$defs/y"},"y":{"$ref":"#/$defs/x"}}}',
  },
  { name: 'recursion on nested values is no cycle', input: '{"properties":{"a":{"$ref":"#"}}}' },
  { name: 'missing local file reference', input: '{"properties":{"a":{"$ref":"other.json"}}}' },
  {
    name: '$id makes a base URI',
    input:
      '{"$id":"https://x.example/s.json","properties":{"a":{"$ref":"s.json#/$defs/t"}},"$defs":{"t":{"type":"integer"}}}',
  },
  {
    name: 'reference by the document file name',
    input: '{"properties":{"a":{"$ref":"values.schema.json#/$defs/t"}},"$defs":{"t":{"type":"integer"}}}',
  },
  { name: 'urn reference is permissive', input: '{"properties":{"a":{"$ref":"urn:x:y"}}}' },
  {
    name: 'nested $id scopes its references',
    input:
      '{"properties":{"a":{"$ref":"#/$defs/t"}},"$defs":{"t":{"$id":"http://z.example/t","type":"object","properties":{"b":{"$ref":"#/$defs/u"}},"$defs":{"u":{"type":"integer"}}}}}',
  },
  {
    name: 'anchor reference',
    input: '{"properties":{"a":{"$ref":"#num"}},"$defs":{"n":{"$anchor":"num","type":"integer"}}}',
  },
  { name: 'missing anchor', input: '{"properties":{"a":{"$ref":"#nope"}}}' },
  { name: 'pattern (', input: '{"properties": {"a": {"pattern": "("}}}' },
  { name: 'pattern )', input: '{"properties": {"a": {"pattern": ")"}}}' },
  { name: 'pattern a{2,1}', input: '{"properties": {"a": {"pattern": "a{2,1}"}}}' },
  { name: 'pattern a++', input: '{"properties": {"a": {"pattern": "a++"}}}' },
  { name: 'pattern *a', input: '{"properties": {"a": {"pattern": "*a"}}}' },
  { name: 'pattern [a', input: '{"properties": {"a": {"pattern": "[a"}}}' },
  { name: 'pattern [z-a]', input: '{"properties": {"a": {"pattern": "[z-a]"}}}' },
  { name: 'pattern (?=x)', input: '{"properties": {"a": {"pattern": "(?=x)"}}}' },
  { name: 'pattern (?<=x)', input: '{"properties": {"a": {"pattern": "(?<=x)"}}}' },
  { name: 'pattern (?!x)', input: '{"properties": {"a": {"pattern": "(?!x)"}}}' },
  { name: 'pattern \\1', input: '{"properties": {"a": {"pattern": "\\\\1"}}}' },
  { name: 'pattern a\\', input: '{"properties": {"a": {"pattern": "a\\\\"}}}' },
  { name: 'pattern \\q', input: '{"properties": {"a": {"pattern": "\\\\q"}}}' },
  { name: 'pattern [[:foo:]]', input: '{"properties": {"a": {"pattern": "[[:foo:]]"}}}' },
  { name: 'pattern \\p{Foo}', input: '{"properties": {"a": {"pattern": "\\\\p{Foo}"}}}' },
  { name: 'pattern a{1001}', input: '{"properties": {"a": {"pattern": "a{1001}"}}}' },
  { name: 'pattern (?i)abc', input: '{"properties": {"a": {"pattern": "(?i)abc"}}}' },
  { name: 'pattern (?P<n>a)', input: '{"properties": {"a": {"pattern": "(?P<n>a)"}}}' },
  { name: 'pattern x{2}{3}', input: '{"properties": {"a": {"pattern": "x{2}{3}"}}}' },
  { name: 'pattern a**', input: '{"properties": {"a": {"pattern": "a**"}}}' },
  { name: 'pattern a*?', input: '{"properties": {"a": {"pattern": "a*?"}}}' },
  { name: 'pattern \\x{110000}', input: '{"properties": {"a": {"pattern": "\\\\x{110000}"}}}' },
  { name: 'pattern \\xZZ', input: '{"properties": {"a": {"pattern": "\\\\xZZ"}}}' },
  { name: 'pattern (?<1a>x)', input: '{"properties": {"a": {"pattern": "(?<1a>x)"}}}' },
  { name: 'pattern [\\d-z]', input: '{"properties": {"a": {"pattern": "[\\\\d-z]"}}}' },
  { name: 'pattern a{,2}', input: '{"properties": {"a": {"pattern": "a{,2}"}}}' },
  { name: 'pattern {2}', input: '{"properties": {"a": {"pattern": "{2}"}}}' },
  { name: 'pattern x|*', input: '{"properties": {"a": {"pattern": "x|*"}}}' },
  { name: 'pattern []a]', input: '{"properties": {"a": {"pattern": "[]a]"}}}' },
  { name: 'pattern [^]', input: '{"properties": {"a": {"pattern": "[^]"}}}' },
  { name: 'pattern \\Qa(b\\E', input: '{"properties": {"a": {"pattern": "\\\\Qa(b\\\\E"}}}' },
  { name: 'pattern (?i:a)', input: '{"properties": {"a": {"pattern": "(?i:a)"}}}' },
  { name: 'pattern (?z)', input: '{"properties": {"a": {"pattern": "(?z)"}}}' },
  { name: 'pattern \\pL+', input: '{"properties": {"a": {"pattern": "\\\\pL+"}}}' },
  { name: 'pattern [\\p{Greek}]', input: '{"properties": {"a": {"pattern": "[\\\\p{Greek}]"}}}' },
  { name: 'pattern \\C', input: '{"properties": {"a": {"pattern": "\\\\C"}}}' },
  { name: 'patternProperties key', input: '{"patternProperties": {"(": {}}}' },
  {
    name: 'draft-07 format regex on a value',
    input: '{"$schema": "http://json-schema.org/draft-07/schema#", "properties": {"a": {"format": "regex"}}}',
  },
  { name: 'valid schema', input: '{"type":"object","properties":{"a":{"type":"string"}}}' },
];

const { dir, cleanup } = scratchDir('metaschema-');
afterAll(cleanup);

describe('metaschema errors match helm', () => {
  cases.forEach((c, i) => {
    it(c.name, async () => {
      const root = join(dir, `m${i}`);
      writeTree(root, {
        'Chart.yaml': `apiVersion: v2\nname: m${i}\nversion: 0.1.0\n`,
        'values.schema.json': c.input,
        'templates/a.yaml': 'a: 1\n',
      });
      const r = await helm(['template', 'r', root, '--set', 'a=x']);
      const prefix = `Error: values don't meet the specifications of the schema(s) in the following chart(s):\nm${i}:\n`;
      const want =
        r.code === 0 ? null : r.stderr.startsWith(prefix) ? r.stderr.slice(prefix.length) : r.stderr;
      const got = validateValues(c.input, new GoMap([['a', 'x']]));
      expect(got === null ? null : `${got}\n`).toBe(want);
    });
  });
});
