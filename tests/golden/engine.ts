import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Outcome is what one `template` run printed: stdout, stderr and the exit code. */
export interface Outcome {
  stdout: string;
  stderr: string;
  code: number;
}

/**
 * RunOurs runs our `helm template` with the arguments that follow `template`, in a working folder, with
 * extra environment variables (TZ, HELM_NAMESPACE…) on top of an empty environment.
 */
export type RunOurs = (args: string[], cwd: string, env?: Record<string, string>) => Promise<Outcome>;

const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = join(root, 'scripts', 'chart-studio.mjs');

/** readFileIn returns a reader of files relative to cwd (undefined when a file does not exist). */
export function readFileIn(cwd: string): (path: string) => Uint8Array | undefined {
  return (path) => {
    const p = isAbsolute(path) ? path : join(cwd, path);
    try {
      return statSync(p).isFile() ? new Uint8Array(readFileSync(p)) : undefined;
    } catch {
      return undefined;
    }
  };
}

/** listFilesIn returns a lister of every file under a folder (relative to cwd), as paths relative to it. */
export function listFilesIn(cwd: string): (dir: string) => string[] | undefined {
  return (dir) => {
    const base = isAbsolute(dir) ? dir : join(cwd, dir);
    if (!existsSync(base) || !statSync(base).isDirectory()) return undefined;
    const out: string[] = [];
    const walk = (d: string) => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        const p = join(d, e.name);
        if (e.isDirectory()) walk(p);
        else if (e.isFile()) out.push(relative(base, p));
      }
    };
    walk(base);
    return out.sort();
  };
}

/** cliRunner runs `node scripts/chart-studio.mjs template …` (the package's bin) as a child process. */
export const cliRunner: RunOurs = (args, cwd, env = {}) =>
  new Promise((resolve, reject) => {
    // A minimal environment: nothing from the caller's shell (HELM_NAMESPACE…) leaks into a case.
    const childEnv = { PATH: process.env.PATH, TZ: 'UTC', ...env } as Record<
      string,
      string | undefined
    > as NodeJS.ProcessEnv;
    execFile(
      process.execPath,
      [cli, 'template', ...args],
      {
        cwd,
        encoding: 'utf8',
        env: childEnv,
        maxBuffer: 256 * 1024 * 1024,
      },
      (err, stdout, stderr) => {
        if (err && typeof err.code !== 'number') return reject(err);
        resolve({ stdout, stderr, code: err ? Number(err.code) : 0 });
      },
    );
  });

type TemplateCommand = (
  args: string[],
  readFile: (path: string) => Uint8Array | undefined,
  listFiles: (dir: string) => string[] | undefined,
  env: Record<string, string | undefined>,
) => { stdout: string; stderr: string; exitCode: number };

/**
 * ourRunner picks how to run our engine: in process through `runTemplateCommand` of `@/lib/helm` when it
 * exists, else the CLI; `GOLDEN_ENGINE=cli` or `GOLDEN_ENGINE=lib` forces one. Throws when neither exists.
 */
export async function ourRunner(): Promise<{ kind: 'lib' | 'cli'; run: RunOurs }> {
  const forced = process.env.GOLDEN_ENGINE;
  if (forced !== 'cli') {
    let mod: Record<string, unknown> | undefined;
    try {
      // A variable specifier: the engine module may not exist yet while it is being written.
      const spec = '@/lib/helm';
      mod = (await import(/* @vite-ignore */ spec)) as Record<string, unknown>;
    } catch (err) {
      if (forced === 'lib') throw err;
    }
    const cmd = mod?.runTemplateCommand as TemplateCommand | undefined;
    if (typeof cmd === 'function') {
      return {
        kind: 'lib',
        run: async (args, cwd, env = {}) => {
          const r = cmd(args, readFileIn(cwd), listFilesIn(cwd), { TZ: 'UTC', ...env });
          return { stdout: r.stdout, stderr: r.stderr, code: r.exitCode };
        },
      };
    }
    if (forced === 'lib') throw new Error('@/lib/helm does not export runTemplateCommand yet');
  }
  if (existsSync(cli)) return { kind: 'cli', run: cliRunner };
  throw new Error(
    'no engine to test: @/lib/helm has no runTemplateCommand and scripts/chart-studio.mjs is missing',
  );
}
