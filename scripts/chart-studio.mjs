#!/usr/bin/env node
// chart-studio is the command line of Chart Studio: `chart-studio template [NAME] CHART [flags]` renders a
// chart folder or .tgz exactly as `helm template` (v4.1.4) does: same stdout, stderr and exit code.
//
// The engine is TypeScript (lib/helm). To start fast, it runs from a bundle made with esbuild in
// .cache/cli/chart-studio.mjs, rebuilt when a source under lib/ is newer than the bundle.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, '.cache', 'cli', 'chart-studio.mjs');

function newestSource(dir) {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

async function ensureBundle() {
  const built = existsSync(bundle) ? statSync(bundle).mtimeMs : 0;
  const libDir = join(root, 'lib');
  if (built > 0 && (!existsSync(libDir) || newestSource(libDir) <= built)) return;
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch (err) {
    if (built > 0) return; // no bundler here: use the bundle we have
    throw new Error(`chart-studio: esbuild is needed to build the engine bundle (${err.message})`);
  }
  mkdirSync(dirname(bundle), { recursive: true });
  const tmp = `${bundle}.${process.pid}.tmp.mjs`;
  await esbuild.build({
    stdin: {
      contents: "export { runTemplateCommand } from './lib/helm/index.ts';",
      resolveDir: root,
      sourcefile: 'chart-studio-entry.ts',
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    target: 'node20',
    tsconfig: join(root, 'tsconfig.json'),
    outfile: tmp,
    logLevel: 'error',
  });
  renameSync(tmp, bundle);
}

function resolvePath(p) {
  return isAbsolute(p) ? p : join(process.cwd(), p);
}

function readFile(path) {
  try {
    const p = resolvePath(path);
    return statSync(p).isFile() ? new Uint8Array(readFileSync(p)) : undefined;
  } catch {
    return undefined;
  }
}

function listFiles(dir) {
  const base = resolvePath(dir);
  try {
    if (!statSync(base).isDirectory()) return undefined;
  } catch {
    return undefined;
  }
  const out = [];
  const walk = (d) => {
    for (const e of readdirSync(d)) {
      const p = join(d, e);
      let st;
      try {
        st = statSync(p);
      } catch {
        continue;
      }
      if (st.isDirectory()) walk(p);
      else if (st.isFile()) out.push(relative(base, p).split('\\').join('/'));
    }
  };
  walk(base);
  return out.sort();
}

async function main() {
  const [command, ...args] = process.argv.slice(2);
  if (command !== 'template') {
    process.stderr.write(
      `Error: unknown command ${JSON.stringify(command ?? '')} for "chart-studio"\n\nUsage:  chart-studio template [NAME] [CHART] [flags]\n`,
    );
    process.exitCode = 1;
    return;
  }
  await ensureBundle();
  const { runTemplateCommand } = await import(pathToFileURL(bundle).href);
  const r = runTemplateCommand(args, readFile, listFiles, process.env);
  process.stdout.write(r.stdout);
  process.stderr.write(r.stderr);
  process.exitCode = r.exitCode;
}

main().catch((err) => {
  process.stderr.write(`chart-studio: ${err?.stack ?? err}\n`);
  process.exitCode = 2;
});
