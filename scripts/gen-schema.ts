// gen-schema.ts writes chart-template/api-gateway/values.schema.json from the zod schema in
// lib/gateway/schema.ts. Run it with `npm run gen:schema` after changing the schema; a test
// (tests/chart/schema-sync.test.ts) fails while the committed file differs.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { valuesJsonSchemaText } from '../lib/gateway/schema';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(root, 'chart-template', 'api-gateway', 'values.schema.json');
const text = valuesJsonSchemaText();
let current = '';
try {
  current = readFileSync(target, 'utf8');
} catch {
  // The file does not exist yet.
}
if (current === text) {
  console.log(`${target} is up to date`);
} else {
  writeFileSync(target, text);
  console.log(`wrote ${target}`);
}
