// Helpers to run the real helm on small scratch charts for the values/loader/schema tests.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { GoMap, type GoValue, quoteString, sprintf } from '@/lib/go';
import { helmPath } from '../../scripts/helm.mjs';

/** HelmRun is the result of one helm invocation. */
export interface HelmRun {
  stdout: string;
  stderr: string;
  code: number;
}

let bin: string | undefined;

/** helm runs the real helm binary with arguments. */
export async function helm(args: string[], cwd?: string): Promise<HelmRun> {
  bin ??= await helmPath();
  const r = spawnSync(bin, args, {
    encoding: 'utf8',
    cwd,
    env: { ...process.env, HELM_NAMESPACE: 'default' },
  });
  return { stdout: r.stdout, stderr: r.stderr, code: r.status ?? -1 };
}

/** scratchDir makes a temporary folder and returns it with a cleanup function. */
export function scratchDir(prefix: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** writeTree writes files (path → text or bytes) under a folder. */
export function writeTree(root: string, files: Record<string, string | Uint8Array>): void {
  for (const [p, content] of Object.entries(files)) {
    const full = join(root, p);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
}

/**
 * dumpTemplate renders `.Values` with Go types: maps as `{"k":…,}`, slices as `[…,]`, and every
 * leaf as `%T:%v`, so a test can compare types as well as values.
 */
export const dumpTemplate = `{{- define "t" -}}
{{- if kindIs "map" . -}}{ {{- range $k, $v := . }}{{ $k | quote }}:{{ include "t" $v }},{{ end -}} }
{{- else if kindIs "slice" . -}}[{{ range . }}{{ include "t" . }},{{ end }}]
{{- else -}}{{ printf "%T:%v" . . }}{{- end -}}
{{- end -}}
dump: {{ include "t" .Values | quote }}
`;

/** dump is the TypeScript counterpart of {@link dumpTemplate} for our values. */
export function dump(v: GoValue): string {
  if (v instanceof GoMap) {
    const keys = [...v.keys()].sort();
    return `{${keys.map((k) => `${quoteString(k)}:${dump(v.get(k) as GoValue)},`).join('')}}`;
  }
  if (Array.isArray(v)) return `[${v.map((e) => `${dump(e)},`).join('')}]`;
  return sprintf('%T:%v', [v, v]);
}

/** readDump extracts the dump line from helm template output. */
export function readDump(stdout: string): string {
  const line = stdout.split('\n').find((l) => l.startsWith('dump: '));
  if (!line) throw new Error(`no dump line in helm output:\n${stdout}`);
  return JSON.parse(line.slice('dump: '.length)) as string;
}
