import { describe, expect, it } from 'vitest';
import type { SerializedChartFile } from './chart-files';
import { chartBytes, chartText } from './chart-files';
import { DEFAULT_RELEASE, renderOptions, secretsText, seedState, stripSecrets } from './seed';

const files: SerializedChartFile[] = [
  { path: 'values.yaml', text: 'replicaCount: 2\nsecrets:\n  djangoSecretKey: ""\n' },
  {
    path: 'values.dev.yaml',
    text: '# dev\nreplicaCount: 1\nsecrets:\n  djangoSecretKey: dev-key # placeholder\n',
  },
  { path: 'values.prod.yaml', text: 'replicaCount: 3\n' },
  { path: 'icon.bin', base64: 'AAEC' },
];

describe('seedState', () => {
  const state = seedState(files);
  it('seeds dev, staging and prod with the chart examples', () =>
    expect(state.doc.envs.map((e) => e.name)).toEqual(['dev', 'staging', 'prod']));
  it('moves example secrets out of the overlay into memory', () => {
    expect(state.doc.envs[0]!.overlay).toBe('# dev\nreplicaCount: 1\n');
    expect(state.secrets.dev).toEqual({ 'secrets.djangoSecretKey': 'dev-key' });
  });
  it('keeps overlays without secrets byte for byte', () =>
    expect(state.doc.envs[2]!.overlay).toBe('replicaCount: 3\n'));
  it('starts on dev with the default release', () => {
    expect(state.doc.current).toBe('dev');
    expect(state.doc.release).toEqual(DEFAULT_RELEASE);
  });
});

describe('renderOptions', () => {
  it('passes values then secrets, named as the exported files', () => {
    const state = seedState(files);
    expect(renderOptions(state.doc, 'dev', state.secrets.dev)).toEqual({
      releaseName: 'api-gateway',
      namespace: 'api-gateway',
      valueFiles: ['# dev\nreplicaCount: 1\n', 'secrets:\n  djangoSecretKey: dev-key\n'],
      valueFileNames: ['values.dev.yaml', 'secrets.dev.yaml'],
    });
  });
  it('an environment without secrets gets an empty secrets file', () =>
    expect(secretsText(undefined)).toBe(''));
});

describe('stripSecrets', () => {
  it('removes secrets typed into the YAML, nothing else', () => {
    const doc = {
      envs: [{ name: 'dev', overlay: 'a: 1 # keep\nsecrets:\n  databaseUrl: postgres://x\n' }],
      current: 'dev',
      release: DEFAULT_RELEASE,
    };
    expect(stripSecrets(doc).envs[0]!.overlay).toBe('a: 1 # keep\n');
  });
});

describe('chart files', () => {
  it('decodes text and base64 files to bytes', () => {
    const bytes = chartBytes(files);
    expect([...bytes[3]!.data]).toEqual([0, 1, 2]);
    expect(new TextDecoder().decode(bytes[2]!.data)).toBe('replicaCount: 3\n');
  });
  it('chartText finds text files only', () => {
    expect(chartText(files, 'values.prod.yaml')).toBe('replicaCount: 3\n');
    expect(chartText(files, 'icon.bin')).toBeUndefined();
  });
});
