import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { type JsonSchema, schemaAt, secretsFileText, valuesFileText } from './values-file';

const schema: JsonSchema = {
  properties: {
    replicaCount: { description: 'How many pods run the gateway.' },
    image: { description: 'The container image.', properties: { tag: { $ref: '#/$defs/tag' } } },
    env: {
      description: 'Plain environment variables.',
      additionalProperties: { description: 'One variable.' },
    },
    secrets: { properties: { djangoSecretKey: { description: 'Secret key.' } } },
  },
  $defs: { tag: { description: 'Image tag; defaults to the chart appVersion.' } },
};
const defaults = 'replicaCount: 2\nimage:\n  repository: r\n  tag: ""\nenv:\n  DEBUG: "False"\n';

describe('schemaAt', () => {
  it('follows properties, $ref and additionalProperties', () => {
    expect(schemaAt(schema, ['image', 'tag'])?.description).toMatch(/^Image tag/);
    expect(schemaAt(schema, ['env', 'ANYTHING'])?.description).toBe('One variable.');
    expect(schemaAt(schema, ['nope', 'x'])).toBeUndefined();
  });
});

describe('valuesFileText', () => {
  const write = (overlayText: string) =>
    valuesFileText({
      overlayText,
      defaultsText: defaults,
      schema,
      secretPaths: [['secrets', 'djangoSecretKey']],
      environment: 'prod',
      chartName: 'api-gateway',
    });

  it('keeps only what differs from the defaults and comments each key', () => {
    const r = write(
      'replicaCount: 2\nimage:\n  repository: r\n  tag: v1.2.0\nenv:\n  DEBUG: "False"\n  ALLOWED_HOSTS: a.example\n',
    );
    expect(r.ok).toBe(true);
    const text = r.ok ? r.text : '';
    expect(parse(text, { version: '1.1' })).toEqual({
      image: { tag: 'v1.2.0' },
      env: { ALLOWED_HOSTS: 'a.example' },
    });
    expect(text).toContain('# Image tag; defaults to the chart appVersion.\n  tag: v1.2.0');
    expect(text).toContain('# One variable.\n  ALLOWED_HOSTS: a.example');
    expect(text).not.toContain('replicaCount');
  });

  it('never writes secrets', () => {
    const r = write('secrets:\n  djangoSecretKey: hunter2\nreplicaCount: 3\n');
    expect(r.ok && r.text).not.toContain('hunter2');
    expect(r.ok && parse(r.text)).toEqual({ replicaCount: 3 });
  });

  it("keeps the user's comments", () => {
    const r = write('# scale up for the launch\nreplicaCount: 5\n');
    expect(r.ok && r.text).toContain('# scale up for the launch');
  });

  it('quotes strings that YAML 1.1 would read as booleans or numbers', () => {
    const r = write('env:\n  FLAG: "on"\n  MODE: "0777"\n');
    expect(r.ok && parse(r.text, { version: '1.1' })).toEqual({ env: { FLAG: 'on', MODE: '0777' } });
  });

  it('keeps a list written inline as written', () => {
    const r = write('env:\n  ALLOWED_HOSTS: a.example\nextraArgs: ["--workers", "4"]\n');
    expect(r.ok && r.text).toContain('extraArgs: ["--workers", "4"]');
  });

  it('refuses invalid YAML with its line', () => {
    const r = write('replicaCount: 3\n  bad: [\n');
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.error).toMatch(/not valid YAML \(line \d+/);
  });

  it('writes an empty mapping when nothing differs', () => {
    const r = write('replicaCount: 2\n');
    expect(r.ok && parse(r.text)).toEqual({});
  });
});

describe('secretsFileText', () => {
  it('heads the file with a warning and nests the paths', () => {
    const text = secretsFileText({ secrets: { djangoSecretKey: 'yes', empty: '' } }, 'prod') ?? '';
    expect(text.startsWith('# secrets.prod.yaml: SECRET VALUES')).toBe(true);
    expect(text).toMatch(/git-ignored/);
    expect(parse(text, { version: '1.1' })).toEqual({ secrets: { djangoSecretKey: 'yes' } });
  });
  it('returns null without secrets', () => {
    expect(secretsFileText({ a: '', b: { c: '' } }, 'dev')).toBeNull();
  });
});
