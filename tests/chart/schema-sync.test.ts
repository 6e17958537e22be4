import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { gatewayFields, validateGatewayValues, valuesJsonSchemaText } from '@/lib/gateway';
import { readmeWithTable } from '../../scripts/gen-schema';
import { chartDir, shippedValuesFiles } from './helm';

type Obj = Record<string, unknown>;

function merge(base: unknown, over: unknown): unknown {
  const plain = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!plain(base) || !plain(over)) return over;
  const out: Obj = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = merge(out[k], v);
  return out;
}

const valuesText = readFileSync(join(chartDir, 'values.yaml'), 'utf8');
const defaults = load(valuesText);

describe('values.schema.json', () => {
  it('is the file npm run gen:schema generates from lib/gateway/schema.ts', () => {
    expect(readFileSync(join(chartDir, 'values.schema.json'), 'utf8')).toBe(valuesJsonSchemaText());
  });
});

describe('the zod schema accepts what the chart ships', () => {
  const files = ['values.yaml', ...shippedValuesFiles()];
  for (const file of files) {
    it(file, () => {
      const values =
        file === 'values.yaml' ? defaults : merge(defaults, load(readFileSync(join(chartDir, file), 'utf8')));
      const result = validateGatewayValues(values);
      expect(result.ok ? [] : result.issues).toEqual([]);
    });
  }
});

describe('documentation of every value', () => {
  const schemaPaths = new Set(gatewayFields.map((f) => f.path));

  it('values.yaml has a comment right above every key the schema knows', () => {
    const lines = valuesText.split('\n');
    const stack: { indent: number; key: string }[] = [];
    const undocumented: string[] = [];
    lines.forEach((line, i) => {
      const m = line.match(/^( *)([A-Za-z_][\w.-]*):/);
      if (!m) return;
      const indent = (m[1] as string).length;
      while (stack.length > 0 && (stack[stack.length - 1] as { indent: number }).indent >= indent)
        stack.pop();
      stack.push({ indent, key: m[2] as string });
      const path = stack.map((s) => s.key).join('.');
      if (!schemaPaths.has(path)) return;
      const above = lines[i - 1]?.trim() ?? '';
      if (!above.startsWith('#')) undocumented.push(path);
    });
    expect(undocumented).toEqual([]);
  });

  it('values.yaml sets every value the schema does not mark optional', () => {
    const missing = gatewayFields
      .filter((f) => !f.optional)
      .filter((f) => {
        let node: unknown = defaults;
        for (const p of f.path.split('.')) node = (node as Obj | undefined)?.[p];
        return node === undefined;
      })
      .map((f) => f.path);
    expect(missing).toEqual([]);
  });

  it('the chart README values table is the one npm run gen:schema generates', () => {
    const readme = readFileSync(join(chartDir, 'README.md'), 'utf8');
    expect(readme).toBe(readmeWithTable(readme, chartDir));
    const unlisted = gatewayFields.filter((f) => !readme.includes(`| \`${f.path}\``)).map((f) => f.path);
    expect(unlisted).toEqual([]);
  });
});
