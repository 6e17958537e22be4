import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { helmPath } from './fixtures';

const chart = join(process.cwd(), 'chart-template', 'api-gateway');

/** secretsYaml writes the secrets the page holds as a secrets.<env>.yaml (values nested by path). */
export function secretsYaml(secrets: Record<string, string>): string {
  const tree: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(secrets)) {
    const keys = path.split('.');
    let cur = tree;
    for (const k of keys.slice(0, -1)) cur = (cur[k] ??= {}) as Record<string, unknown>;
    cur[keys[keys.length - 1]!] = value;
  }
  const lines: string[] = [];
  const walk = (node: Record<string, unknown>, indent: string) => {
    for (const [k, v] of Object.entries(node)) {
      if (typeof v === 'string') lines.push(`${indent}${k}: ${JSON.stringify(v)}`);
      else {
        lines.push(`${indent}${k}:`);
        walk(v as Record<string, unknown>, `${indent}  `);
      }
    }
  };
  walk(tree, '');
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/** helmTemplate runs the real helm binary on the repository's chart with the page's values and secrets. */
export async function helmTemplate(
  release: string,
  namespace: string,
  env: string,
  values: string,
  secrets: string,
): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'studio-e2e-'));
  const valuesFile = join(dir, `values.${env}.yaml`);
  const secretsFile = join(dir, `secrets.${env}.yaml`);
  writeFileSync(valuesFile, values);
  writeFileSync(secretsFile, secrets);
  return execFileSync(
    await helmPath(),
    ['template', release, chart, '--namespace', namespace, '-f', valuesFile, '-f', secretsFile],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
}
