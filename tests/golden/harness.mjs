// harness.mjs reads the golden cases: tests/testdata/cases/<name>.args hold the arguments that follow
// `helm template` (paths relative to tests/testdata), written like a shell command line.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export { helmPath } from '../../scripts/helm.mjs';

/** TESTDATA is the absolute path of tests/testdata (the working directory of every case). */
export const TESTDATA = join(dirname(fileURLToPath(import.meta.url)), '..', 'testdata');

/**
 * splitArgs splits a case file into arguments: `#` starts a comment line, words are separated by any
 * whitespace (newlines included), '…' is literal, "…" allows \" and \\, a backslash outside quotes
 * escapes the next character.
 */
export function splitArgs(text) {
  const args = [];
  const lines = text.split('\n').filter((l) => !l.trimStart().startsWith('#'));
  const s = lines.join('\n');
  let cur = '';
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === "'") {
      const end = s.indexOf("'", i + 1);
      if (end < 0) throw new Error(`unterminated ' in ${JSON.stringify(text)}`);
      cur += s.slice(i + 1, end);
      i = end;
      inWord = true;
    } else if (ch === '"') {
      i++;
      while (i < s.length && s[i] !== '"') {
        if (s[i] === '\\' && (s[i + 1] === '"' || s[i + 1] === '\\')) i++;
        cur += s[i];
        i++;
      }
      if (i >= s.length) throw new Error(`unterminated " in ${JSON.stringify(text)}`);
      inWord = true;
    } else if (ch === '\\' && i + 1 < s.length) {
      cur += s[i + 1];
      i++;
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) args.push(cur);
      cur = '';
      inWord = false;
    } else {
      cur += ch;
      inWord = true;
    }
  }
  if (inWord) args.push(cur);
  return args;
}

/**
 * listCases returns every case of tests/testdata/cases, sorted by name, with its parsed arguments. Leading
 * `NAME=value` words (upper-case names, as in a shell) are environment variables for that run, e.g.
 * `TZ=America/New_York rel charts/functions`.
 */
export function listCases() {
  const dir = join(TESTDATA, 'cases');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.args'))
    .sort()
    .map((f) => {
      const words = splitArgs(readFileSync(join(dir, f), 'utf8'));
      const env = {};
      while (words.length && /^[A-Z_][A-Z0-9_]*=/.test(words[0])) {
        const w = words.shift();
        env[w.slice(0, w.indexOf('='))] = w.slice(w.indexOf('=') + 1);
      }
      return { name: f.slice(0, -'.args'.length), args: words, env };
    });
}

/** goldenPaths returns the paths of a case's golden stdout, stderr and exit code files. */
export function goldenPaths(name) {
  const base = join(TESTDATA, 'golden', name);
  return { out: `${base}.out`, err: `${base}.err`, code: `${base}.code` };
}

let isolatedHome;

/**
 * helmEnv returns the environment every real-helm run of the tests uses: an empty HOME and Helm
 * folders (no user repositories or plugins), no kubeconfig (namespace `default`), TZ=UTC, and no
 * HELM_NAMESPACE/HELM_DEBUG from the caller.
 */
export function helmEnv() {
  if (!isolatedHome) isolatedHome = mkdtempSync(join(tmpdir(), 'chart-studio-helm-'));
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith('HELM_') && k !== 'HELM_BIN') delete env[k];
  return {
    ...env,
    HOME: isolatedHome,
    HELM_CACHE_HOME: join(isolatedHome, 'cache'),
    HELM_CONFIG_HOME: join(isolatedHome, 'config'),
    HELM_DATA_HOME: join(isolatedHome, 'data'),
    KUBECONFIG: join(isolatedHome, 'no-kubeconfig'),
    TZ: 'UTC',
    LANG: 'C.UTF-8',
  };
}

/**
 * runHelm runs the real helm binary with args in cwd (helmEnv plus extraEnv) and resolves to its stdout, stderr and exit code
 * (never rejects for a non-zero exit).
 */
export function runHelm(bin, args, cwd, extraEnv = {}) {
  return new Promise((resolve, reject) => {
    execFile(
      bin,
      args,
      { cwd, env: { ...helmEnv(), ...extraEnv }, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
      (err, stdout, stderr) => {
        if (err && typeof err.code !== 'number') return reject(err);
        resolve({ stdout, stderr, code: err ? err.code : 0 });
      },
    );
  });
}

/** mapLimit runs fn over items with at most limit calls in flight, keeping the results in order. */
export async function mapLimit(items, limit, fn) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
