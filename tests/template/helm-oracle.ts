/**
 * helm-oracle runs template snippets through the real helm binary and returns Go's raw
 * text/template output (or Go's raw error text), for differential tests of lib/template.
 *
 * Successful snippets are rendered together in one helm run: each becomes a `define` in
 * `_snippets.tpl` and `out.yaml` prints `include NAME . | b64enc`, so the output is Go's own text,
 * untouched by Helm's `<no value>` stripping. A snippet expected to fail is rendered alone through
 * `tpl`, whose error message Helm prints unmodified (`template: gotpl:LINE:COL: …`).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
let helmBin: string | undefined;

/** helmBinary returns the path of the real helm binary (scripts/helm.mjs provides it). */
export function helmBinary(): string {
  helmBin ??= execFileSync('node', [join(root, 'scripts', 'helm.mjs')], { encoding: 'utf8' })
    .trim()
    .replace(/ \(v[^)]*\)$/, '');
  return helmBin;
}

/** OracleResult is what helm produced for one snippet: its output, or Go's error text. */
export type OracleResult = { ok: true; out: string } | { ok: false; err: string };

function writeChart(dir: string, values: unknown, files: Record<string, string>): void {
  mkdirSync(join(dir, 'templates'), { recursive: true });
  mkdirSync(join(dir, 'files'), { recursive: true });
  writeFileSync(join(dir, 'Chart.yaml'), 'apiVersion: v2\nname: t\nversion: 0.1.0\n');
  writeFileSync(join(dir, 'values.yaml'), JSON.stringify(values ?? {}));
  for (const [path, text] of Object.entries(files)) writeFileSync(join(dir, path), text);
}

function runHelm(dir: string): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(helmBinary(), ['template', 'rel', dir], { encoding: 'utf8' });
  if (r.error) throw r.error;
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** renderAll renders snippets that must succeed, in one helm run; throws if helm fails. */
export function renderAll(snippets: readonly string[], values: unknown): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'tpl-oracle-'));
  try {
    let defs = '';
    let out = '';
    snippets.forEach((s, i) => {
      defs += `{{- define "s${i}" }}${s}{{ end -}}\n`;
      out += `s${i}: {{ include "s${i}" . | b64enc | quote }}\n`;
    });
    writeChart(dir, values, { 'templates/_snippets.tpl': defs, 'templates/out.yaml': out });
    const r = runHelm(dir);
    if (r.status !== 0) throw new Error(`helm failed: ${r.stderr}`);
    const got: string[] = [];
    for (const line of r.stdout.split('\n')) {
      const m = /^s(\d+): "([^"]*)"$/.exec(line);
      if (m) got[Number(m[1])] = Buffer.from(m[2]!, 'base64').toString('utf8');
    }
    if (got.length !== snippets.length) throw new Error(`helm output incomplete:\n${r.stdout}`);
    return got;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** renderOne renders one snippet through `tpl`, returning its output or Go's raw error text. */
export function renderOne(snippet: string, values: unknown): OracleResult {
  const dir = mkdtempSync(join(tmpdir(), 'tpl-oracle-'));
  try {
    writeChart(dir, values, {
      'files/s.txt': snippet,
      'templates/out.yaml': 'x: {{ tpl (.Files.Get "files/s.txt") . | b64enc | quote }}\n',
    });
    const r = runHelm(dir);
    if (r.status === 0) {
      const m = /^x: "([^"]*)"$/m.exec(r.stdout);
      if (!m) throw new Error(`unexpected helm output:\n${r.stdout}`);
      return { ok: true, out: Buffer.from(m[1]!, 'base64').toString('utf8') };
    }
    let err = r.stderr
      .replace(/^Error: /, '')
      .replace(/\n\nUse --debug flag to render out invalid YAML\n$/, '');
    const at = err.indexOf('template: gotpl:');
    if (at < 0) throw new Error(`unexpected helm error: ${r.stderr}`);
    err = err.slice(at);
    return { ok: false, err };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
