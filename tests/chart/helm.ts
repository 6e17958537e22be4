// helm.ts runs the real helm binary for the chart tests, with a small concurrency limit so the
// suite stays fast on two cores.
import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { helmPath } from '../../scripts/helm.mjs';

/** repoRoot is the repository's root folder. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
/** chartDir is the api-gateway chart folder. */
export const chartDir = join(repoRoot, 'chart-template', 'api-gateway');

/** kubeVersions are the lowest and highest Kubernetes versions the chart claims (Chart.yaml kubeVersion). */
export const kubeVersions = ['1.25.0', '1.35.0'] as const;

/** HelmResult is what one helm run printed and how it ended. */
export interface HelmResult {
  code: number;
  stdout: string;
  stderr: string;
}

// One fixed scratch folder (reused by every run, so nothing piles up) with a throw-away kubeconfig,
// so no command ever reads the developer's real one or writes to their Helm folders.
const sandbox = join(tmpdir(), 'chart-studio-chart-tests');
mkdirSync(sandbox, { recursive: true });
const kubeconfig = join(sandbox, 'kubeconfig');
writeFileSync(
  kubeconfig,
  'apiVersion: v1\nkind: Config\nclusters: []\ncontexts: []\nusers: []\ncurrent-context: ""\n',
);

const limit = 3;
let running = 0;
const queue: (() => void)[] = [];

async function slot<T>(fn: () => Promise<T>): Promise<T> {
  if (running >= limit) await new Promise<void>((resolve) => queue.push(resolve));
  running++;
  try {
    return await fn();
  } finally {
    running--;
    queue.shift()?.();
  }
}

/** helm runs the real helm with arguments and resolves with its exit code and output. */
export function helm(args: readonly string[], extraEnv: Record<string, string> = {}): Promise<HelmResult> {
  return slot(async () => {
    const bin: string = await helmPath();
    return new Promise<HelmResult>((resolve) => {
      execFile(
        bin,
        [...args],
        {
          cwd: repoRoot,
          encoding: 'utf8',
          maxBuffer: 64 * 1024 * 1024,
          env: {
            PATH: process.env.PATH ?? '',
            HOME: sandbox,
            KUBECONFIG: kubeconfig,
            HELM_CACHE_HOME: join(sandbox, 'cache'),
            HELM_CONFIG_HOME: join(sandbox, 'config'),
            HELM_DATA_HOME: join(sandbox, 'data'),
            ...extraEnv,
          } as unknown as NodeJS.ProcessEnv,
        },
        (err: (Error & { code?: unknown }) | null, stdout: string, stderr: string) => {
          const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
          resolve({ code, stdout, stderr });
        },
      );
    });
  });
}

/** sandboxDir is a throw-away folder for files the tests write (kubeconfig, release data). */
export const sandboxDir = sandbox;

/** shippedValuesFiles lists the values files the chart ships: values.<env>.yaml and ci/*.yaml, relative to the chart. */
export function shippedValuesFiles(): string[] {
  const envs = readdirSync(chartDir)
    .filter((f) => /^values\..+\.yaml$/.test(f))
    .sort();
  const ci = readdirSync(join(chartDir, 'ci'))
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => `ci/${f}`);
  return [...envs, ...ci];
}

/**
 * requiredSettings are obvious test-only settings (given with --set, never written to a file) that make
 * a values file without secrets renderable: the Django secret key and an external database URL.
 */
export const requiredSettings = [
  '--set',
  'secrets.djangoSecretKey=test-only-not-a-secret',
  '--set',
  'secrets.databaseUrl=postgres://app:test-only@db.test.example.com:5432/app',
];

/** renderArgs are the helm template arguments for a shipped values file, with the required settings when it lacks them. */
export function renderArgs(file: string, release = 'api-gateway'): string[] {
  const needsSecrets = file === 'values.prod.yaml' || file === 'values.staging.yaml';
  return [
    'template',
    release,
    chartDir,
    '-f',
    join(chartDir, file),
    ...(needsSecrets ? requiredSettings : []),
  ];
}
