/**
 * A batch oracle: many cases rendered by the real helm binary in one `helm template` run.
 * Each case is a file under `files/` and a template that prints the results of Helm functions
 * on it, base64-encoded so any output survives Helm's manifest splitting.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { helmPath } from '../../scripts/helm.mjs';

/** Probe is one expression over `$in` (the case's file text) whose result helm prints. */
export type Probe = { name: string; expr: string };

/** runBatch renders every input through every probe with the real helm; result[i][probe] is helm's text. */
export async function runBatch(inputs: string[], probes: Probe[]): Promise<Record<string, string>[]> {
  const helm = await helmPath();
  const dir = mkdtempSync(join(tmpdir(), 'yaml-helm-'));
  try {
    const chart = join(dir, 'c');
    mkdirSync(join(chart, 'templates'), { recursive: true });
    mkdirSync(join(chart, 'files'), { recursive: true });
    writeFileSync(join(chart, 'Chart.yaml'), 'apiVersion: v2\nname: c\nversion: 0.1.0\n');
    inputs.forEach((text, i) => {
      writeFileSync(join(chart, 'files', `c${i}.txt`), text);
      const lines = probes.map((p) => `${p.name}: {{ ${p.expr} | b64enc | quote }}`);
      const tpl = `{{- $in := .Files.Get "files/c${i}.txt" }}\nkind: Case${String(i).padStart(5, '0')}\n${lines.join('\n')}\n`;
      writeFileSync(join(chart, 'templates', `c${i}.yaml`), tpl);
    });
    const r = spawnSync(helm, ['template', chart], { encoding: 'utf8', maxBuffer: 1 << 28 });
    if (r.status !== 0) throw new Error(`helm template failed: ${r.stderr}`);
    const out: Record<string, string>[] = inputs.map(() => ({}));
    for (const doc of r.stdout.split(/^---\n/m)) {
      const m = /^# Source: c\/templates\/c(\d+)\.yaml\n/.exec(doc);
      if (!m) continue;
      const rec = out[Number(m[1])]!;
      for (const line of doc.split('\n').slice(2)) {
        const kv = /^([A-Za-z]+): "(.*)"$/.exec(line);
        if (kv) rec[kv[1]!] = Buffer.from(kv[2]!, 'base64').toString('utf8');
      }
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** runValues renders `{{ toJson .Values }}` for one values.yaml; returns stdout's value or helm's error line. */
export async function runValues(text: string): Promise<{ json?: string; error?: string }> {
  const helm = await helmPath();
  const dir = mkdtempSync(join(tmpdir(), 'yaml-values-'));
  try {
    mkdirSync(join(dir, 'templates'), { recursive: true });
    writeFileSync(join(dir, 'Chart.yaml'), 'apiVersion: v2\nname: c\nversion: 0.1.0\n');
    writeFileSync(join(dir, 'values.yaml'), text);
    writeFileSync(join(dir, 'templates', 't.yaml'), 'v: {{ toJson .Values | b64enc | quote }}\n');
    const r = spawnSync(helm, ['template', dir], { encoding: 'utf8' });
    if (r.status !== 0) return { error: r.stderr.trim() };
    const m = /v: "(.*)"/.exec(r.stdout);
    return { json: Buffer.from(m?.[1] ?? '', 'base64').toString('utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
