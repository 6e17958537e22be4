#!/usr/bin/env node
import { createHash } from 'node:crypto';
// chart-studio is the command line of Chart Studio: `chart-studio template [NAME] CHART [flags]` renders a
// chart folder or .tgz exactly as `helm template` (v4.1.4) does: same stdout, stderr and exit code.
//
// The engine is TypeScript (lib/helm). To start fast, it runs from a bundle made with esbuild in
// .cache/cli/chart-studio.cjs, rebuilt when a source under lib/ is newer than the bundle, and loaded
// with a V8 code cache beside it, so each run skips compiling the engine.
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { Script } from 'node:vm';
import { isMainThread, parentPort, Worker } from 'node:worker_threads';

// A run lasts a fraction of a second: V8's optimizing compiler would spend more CPU compiling hot
// functions (on a second thread, competing on 2-core machines) than the run gains from them. A 15×
// larger interrupt budget delays that tier, halving the CPU of a typical run (≈150 → ≈80 ms), while
// long renders of big charts still get optimized code. It is set before the bundle is compiled so the
// V8 code cache is always made and used under the same flags.
setFlagsFromString('--interrupt-budget=1000000');

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, '.cache', 'cli', 'chart-studio.cjs');
// V8 accepts a code cache made for another source of the same length, so the cache is named by a hash of
// the bundle it was made for: a rebuilt bundle never runs with the functions of the previous one.
const codeCacheFor = (source) =>
  `${bundle}.${createHash('sha1').update(source).digest('hex').slice(0, 16)}.v8cache`;

// The bundle's inputs (from esbuild's metafile), so a run checks the age of just those files.
const inputsList = `${bundle}.inputs.json`;

// Packages whose module set-up (tables built when the module is evaluated) the bundle defers to their
// first call: fflate builds its Huffman tables on load (several ms of each run), yet only .tgz charts
// need it. Each listed name becomes a function that loads the package on first use; a name lib/
// imports that is missing here fails the build ("No matching export").
const lazyPackages = { fflate: ['deflateSync', 'gunzipSync'] };

const lazyPlugin = {
  name: 'lazy-packages',
  setup(build) {
    const filter = new RegExp(`^(${Object.keys(lazyPackages).join('|')})$`);
    build.onResolve({ filter }, (args) =>
      args.namespace === 'lazy' ? undefined : { path: args.path, namespace: 'lazy' },
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy' }, (args) => {
      const names = lazyPackages[args.path];
      const lines = [`let m;`, `const load = () => (m ??= require(${JSON.stringify(args.path)}));`];
      for (const n of names) lines.push(`export function ${n}(...a) { return load().${n}(...a); }`);
      return { contents: lines.join('\n'), resolveDir: root, loader: 'js' };
    });
  },
};

function newestSource(dir) {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts'))
      newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

/** bundleIsFresh reports whether no input of the bundle changed since it was built. */
function bundleIsFresh(built) {
  let inputs;
  try {
    inputs = JSON.parse(readFileSync(inputsList, 'utf8'));
  } catch {
    const libDir = join(root, 'lib');
    return !existsSync(libDir) || newestSource(libDir) <= built;
  }
  for (const input of inputs) {
    let st;
    try {
      st = statSync(join(root, input));
    } catch {
      return false; // a source was removed or renamed: rebuild
    }
    if (st.mtimeMs > built) return false;
  }
  return true;
}

async function ensureBundle() {
  const built = existsSync(bundle) ? statSync(bundle).mtimeMs : 0;
  if (built > 0 && bundleIsFresh(built)) return;
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch (err) {
    if (built > 0) return; // no bundler here: use the bundle we have
    throw new Error(`chart-studio: esbuild is needed to build the engine bundle (${err.message})`);
  }
  mkdirSync(dirname(bundle), { recursive: true });
  const tmp = `${bundle}.${process.pid}.tmp.cjs`;
  // Loaded only to rebuild, so a run with a fresh bundle reads no more files.
  const { engineBuildOptions } = await import('./engine-bundle.mjs');
  const result = await esbuild.build({
    ...engineBuildOptions(root, {
      contents: "export { runTemplateCommand } from './lib/helm/index.ts';",
      sourcefile: 'chart-studio-entry.ts',
      outfile: tmp,
    }),
    minify: true,
    metafile: true,
    absWorkingDir: root, // metafile paths are relative to it
    plugins: [lazyPlugin],
  });
  // Sources only (not node_modules, whose packages change through npm, which rewrites the lock file).
  // (The entry, given as text above, is no file.)
  const inputs = Object.keys(result.metafile.inputs).filter(
    (p) => !p.startsWith('node_modules/') && p !== 'chart-studio-entry.ts' && !p.startsWith('lazy:'),
  );
  inputs.push('package-lock.json');
  writeFileSync(inputsList, JSON.stringify(inputs));
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
  // A folder without Chart.yaml is no chart: do not walk it (helm stops at the missing Chart.yaml too).
  if (!existsSync(join(base, 'Chart.yaml'))) return out;
  const walk = (d) => {
    // Entry types come with the listing; only symbolic links need a stat (helm follows them).
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      let dir = e.isDirectory();
      let file = e.isFile();
      if (e.isSymbolicLink()) {
        try {
          const st = statSync(p);
          dir = st.isDirectory();
          file = st.isFile();
        } catch {
          continue;
        }
      }
      if (dir) walk(p);
      else if (file) out.push(relative(base, p).split('\\').join('/'));
    }
  };
  walk(base);
  return out.sort();
}

/** loadEngine runs the bundle with the V8 code cache, refreshing the cache when V8 rejects or lacks it. */
function loadEngine() {
  const source = readFileSync(bundle, 'utf8');
  const codeCache = codeCacheFor(source);
  let cachedData;
  try {
    cachedData = readFileSync(codeCache);
  } catch {
    cachedData = undefined;
  }
  const script = new Script(`(function (module, exports) {${source}\n})`, { filename: bundle, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module, module.exports);
  return {
    exports: module.exports,
    script,
    codeCache,
    refresh: cachedData === undefined || script.cachedDataRejected,
  };
}

/**
 * DEEP_STACK_MB is the stack of the thread a render runs again in when an include recursion outran the
 * main thread's stack (about 460 levels of a simple recursion) before Helm's limit of 1000 levels.
 */
const DEEP_STACK_MB = 256;

/** renderWithDeepStack runs this command again in a worker thread with a DEEP_STACK_MB stack. */
function renderWithDeepStack() {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), {
      argv: process.argv.slice(2),
      resourceLimits: { stackSizeMb: DEEP_STACK_MB },
    });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the deep-stack render thread exited (${code})`)));
  });
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
  const engine = loadEngine();
  let r = engine.exports.runTemplateCommand(args, readFile, listFiles, process.env, process.cwd());
  if (!isMainThread) {
    parentPort.postMessage(r);
    return;
  }
  if (r.stackLimited) r = await renderWithDeepStack();
  process.stdout.write(r.stdout);
  process.stderr.write(r.stderr);
  process.exitCode = r.exitCode;
  if (engine.refresh) {
    // After a run, so the cache holds the functions that run compiled.
    const tmp = `${engine.codeCache}.${process.pid}.tmp`;
    writeFileSync(tmp, engine.script.createCachedData());
    renameSync(tmp, engine.codeCache);
    for (const f of readdirSync(dirname(bundle))) {
      const p = join(dirname(bundle), f);
      if (f.endsWith('.v8cache') && p !== engine.codeCache) rmSync(p, { force: true });
    }
  }
}

main().catch((err) => {
  process.stderr.write(`chart-studio: ${err?.stack ?? err}\n`);
  process.exitCode = 2;
});
