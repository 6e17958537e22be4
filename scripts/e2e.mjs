#!/usr/bin/env node
// e2e.mjs runs the Playwright specs against a production build of the studio.
// Steps: `next build` (skipped when E2E_SKIP_BUILD=1 and a build exists), `next start` on a free
// localhost port, wait until it answers, `playwright test` with BASE_URL set, stop the server, and exit
// with Playwright's exit code. Extra arguments are passed to Playwright:
//   node scripts/e2e.mjs e2e/smoke.spec.ts --grep title
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };

/** log prints a timestamped line of the runner's progress. */
function log(msg) {
  console.log(`[e2e] ${msg}`);
}

/** freePort asks the OS for an unused localhost port. */
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** waitFor polls url until it answers with any HTTP status, or fails after timeoutMs. */
async function waitFor(url, timeoutMs, server) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`next start exited early with code ${server.exitCode}`);
    try {
      const res = await fetch(url, { redirect: 'manual' });
      await res.arrayBuffer();
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`server at ${url} did not answer within ${timeoutMs} ms`);
}

/** stop ends the server's process group (next start spawns a child of its own). */
function stop(server) {
  if (server.exitCode !== null || server.pid === undefined) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      try {
        process.kill(-server.pid, 'SIGKILL');
      } catch {}
      resolve();
    }, 5000);
    server.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      clearTimeout(timer);
      resolve();
    }
  });
}

// next.config.js builds into NEXT_DIST_DIR when it is set (a side build beside the default one).
const distDir = process.env.NEXT_DIST_DIR || '.next';
const built = existsSync(join(root, distDir, 'BUILD_ID'));
if (process.env.E2E_SKIP_BUILD === '1' && built) {
  log(`E2E_SKIP_BUILD=1 and ${distDir}/BUILD_ID exists: using the existing build`);
} else {
  const t0 = Date.now();
  log('next build');
  const r = spawnSync(bin('next'), ['build'], { cwd: root, env, stdio: 'inherit' });
  if (r.status !== 0) {
    log(`next build failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status ?? 1);
  }
  log(`next build done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

const port = await freePort();
const baseUrl = `http://127.0.0.1:${port}`;
log(`next start on ${baseUrl}`);
const server = spawn(bin('next'), ['start', '-p', String(port), '-H', '127.0.0.1'], {
  cwd: root,
  env,
  stdio: ['ignore', 'inherit', 'inherit'],
  detached: true,
});

let code = 1;
const onSignal = async (sig) => {
  await stop(server);
  process.exit(sig === 'SIGINT' ? 130 : 143);
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

try {
  await waitFor(baseUrl, 60_000, server);
  log('server is up; running playwright');
  const pw = spawnSync(bin('playwright'), ['test', ...process.argv.slice(2)], {
    cwd: root,
    env: { ...env, BASE_URL: baseUrl },
    stdio: 'inherit',
  });
  code = pw.status ?? 1;
} catch (err) {
  log(err instanceof Error ? err.message : String(err));
  code = 1;
} finally {
  await stop(server);
}
log(`playwright exited with ${code}`);
process.exit(code);
