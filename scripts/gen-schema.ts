// gen-schema.ts writes chart-template/api-gateway/values.schema.json and the values table of the
// chart README from the zod schema in lib/gateway/schema.ts. Run it with `npm run gen:schema` after
// changing the schema or values.yaml; tests/chart/schema-sync.test.ts fails while either differs.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';
import { valuesJsonSchemaText, valuesTableMarkdown } from '../lib/gateway/schema';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const chart = join(root, 'chart-template', 'api-gateway');

/** chartDefault reads a default from the chart's values.yaml, or a subchart's for postgresql.* and redis.*. */
export function chartDefault(chartDir: string): (path: string) => unknown {
  const read = (file: string) => load(readFileSync(join(chartDir, file), 'utf8')) as Record<string, unknown>;
  const parent = read('values.yaml');
  const subcharts: Record<string, Record<string, unknown>> = {
    postgresql: read('charts/postgresql/values.yaml'),
    redis: read('charts/redis/values.yaml'),
  };
  const get = (o: unknown, parts: string[]) =>
    parts.reduce<unknown>((node, p) => (node as Record<string, unknown> | undefined)?.[p], o);
  return (path) => {
    const parts = path.split('.');
    const own = get(parent, parts);
    const sub = subcharts[parts[0] as string];
    return own === undefined && sub ? get(sub, parts.slice(1)) : own;
  };
}

const start = '<!-- values-table:start (npm run gen:schema) -->\n';
const end = '<!-- values-table:end -->';

/** readmeWithTable returns the README text with its values table regenerated between the markers. */
export function readmeWithTable(readme: string, chartDir: string): string {
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from < 0 || to < from) throw new Error('gen-schema: README.md has no values-table markers');
  return (
    readme.slice(0, from + start.length) + valuesTableMarkdown(chartDefault(chartDir)) + readme.slice(to)
  );
}

function update(path: string, text: string): void {
  let current = '';
  try {
    current = readFileSync(path, 'utf8');
  } catch {
    // The file does not exist yet.
  }
  if (current === text) console.log(`${path} is up to date`);
  else {
    writeFileSync(path, text);
    console.log(`wrote ${path}`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  update(join(chart, 'values.schema.json'), valuesJsonSchemaText());
  const readme = join(chart, 'README.md');
  update(readme, readmeWithTable(readFileSync(readme, 'utf8'), chart));
}
