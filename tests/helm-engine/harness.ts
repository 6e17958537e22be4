// Differential harness: a throw-away chart written to a temp folder, rendered by the real helm and by our
// `runTemplateCommand`, so tests compare stdout, stderr and exit code byte for byte.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { runTemplateCommand } from '@/lib/helm';
import { helmPath, mapLimit, runHelm } from '../golden/harness.mjs';

/** Outcome is what one `template` run printed. */
export interface Outcome {
  code: number;
  stderr: string;
  stdout: string;
}

/** Case is a chart (path → text, under the chart folder `c`), extra files in the working folder, and the args after `template`. */
export interface Case {
  name: string;
  chart: Record<string, string | Uint8Array>;
  /** files are written beside the chart folder (values files for -f, …). */
  files?: Record<string, string>;
  args: string[];
}

/** writeFiles writes files (path → content) under a folder. */
export function writeFiles(root: string, files: Record<string, string | Uint8Array>): void {
  for (const [p, text] of Object.entries(files)) {
    const full = join(root, p);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
  }
}

export function readFileIn(cwd: string) {
  return (path: string): Uint8Array | undefined => {
    const p = isAbsolute(path) ? path : join(cwd, path);
    try {
      return statSync(p).isFile() ? new Uint8Array(readFileSync(p)) : undefined;
    } catch {
      return undefined;
    }
  };
}

export function listFilesIn(cwd: string) {
  return (dir: string): string[] | undefined => {
    const base = isAbsolute(dir) ? dir : join(cwd, dir);
    try {
      if (!statSync(base).isDirectory()) return undefined;
    } catch {
      return undefined;
    }
    const out: string[] = [];
    const walk = (d: string) => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        const p = join(d, e.name);
        if (e.isDirectory()) walk(p);
        else out.push(relative(base, p));
      }
    };
    walk(base);
    return out.sort();
  };
}

/** runCases writes each case to its own temp folder and runs helm (4 at a time) and our engine on it. */
export async function runCases(
  cases: readonly Case[],
): Promise<Map<string, { helm: Outcome; ours: Outcome }>> {
  const bin = await helmPath();
  const root = mkdtempSync(join(tmpdir(), 'helm-engine-'));
  try {
    const dirs = cases.map((c, i) => {
      const dir = join(root, String(i));
      writeFiles(join(dir, 'c'), c.chart);
      writeFiles(dir, c.files ?? {});
      return dir;
    });
    const helm = await mapLimit(cases, 4, (c, i) => runHelm(bin, ['template', ...c.args], dirs[i]!));
    const out = new Map<string, { helm: Outcome; ours: Outcome }>();
    cases.forEach((c, i) => {
      const dir = dirs[i]!;
      const r = runTemplateCommand(c.args, readFileIn(dir), listFilesIn(dir), {}, dir);
      out.set(c.name, {
        helm: { code: helm[i]!.code, stderr: helm[i]!.stderr, stdout: helm[i]!.stdout },
        ours: { code: r.exitCode, stderr: r.stderr, stdout: r.stdout },
      });
    });
    return out;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** chartYaml is a minimal Chart.yaml for a chart named `name`, with extra lines. */
export function chartYaml(name = 'c', extra = ''): string {
  return `apiVersion: v2\nname: ${name}\nversion: 0.1.0\n${extra}`;
}
