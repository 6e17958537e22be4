import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chartDir, helm, requiredSettings, sandboxDir } from './helm';

// The seed's deploy command, run with --dry-run=client: no cluster exists here. Helm 4's
// `upgrade --install` still asks the cluster for the release history, even in a client dry run, so
// the release store is Helm's in-memory driver (HELM_DRIVER=memory, an empty HELM_MEMORY_DRIVER_DATA file).
const command = [
  'upgrade',
  '--install',
  'api-gateway',
  './chart-template/api-gateway',
  '-f',
  join(chartDir, 'values.prod.yaml'),
  ...requiredSettings,
  '--dry-run=client',
];

describe('helm upgrade --install --dry-run=client with values.prod.yaml', () => {
  const releases = join(sandboxDir, 'releases.yaml');
  writeFileSync(releases, '');
  const memory = { HELM_DRIVER: 'memory', HELM_MEMORY_DRIVER_DATA: releases };

  it('succeeds and prints the NOTES', async () => {
    const result = await helm(command, memory);
    expect(result.stderr.replace(/^level=INFO .*\n/gm, '')).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Release "api-gateway" does not exist. Installing it now.');
    expect(result.stdout).toContain('STATUS: pending-install');
    const notes = result.stdout.slice(result.stdout.indexOf('NOTES:'));
    expect(notes).toContain('api-gateway v1.2.0 is deployed as release api-gateway in namespace default.');
    expect(notes).toContain('https://api-gateway.statushawk.internal/api/health/');
    expect(notes).toContain('kubectl --namespace default logs job/api-gateway-migrate');
    expect(notes).toContain('helm test api-gateway --namespace default');
  });

  it('puts the migration Job and its Secret copy among the hooks', async () => {
    const result = await helm(command, memory);
    const hooks = result.stdout.slice(result.stdout.indexOf('HOOKS:'), result.stdout.indexOf('MANIFEST:'));
    expect(hooks).toContain('name: api-gateway-hook-env');
    expect(hooks).toContain('name: api-gateway-migrate');
    expect(hooks).toContain('name: api-gateway-test');
  });

  it('without a release store Helm 4 needs a cluster even for a client dry run', async () => {
    const result = await helm(command);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('kubernetes cluster unreachable');
  });
});
