// valuesFileText's output must be read by the real helm exactly as the studio meant it (YAML 1.1 quoting).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { secretsFileText, valuesFileText } from '@/lib/gateway/export';
import { helmPath } from '../../scripts/helm.mjs';

const dir = mkdtempSync(join(tmpdir(), 'values-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function helmValues(files: string[]): unknown {
  const chart = join(dir, 'c');
  mkdirSync(join(chart, 'templates'), { recursive: true });
  writeFileSync(join(chart, 'Chart.yaml'), 'apiVersion: v2\nname: c\nversion: 0.1.0\n');
  writeFileSync(join(chart, 'values.yaml'), '');
  writeFileSync(join(chart, 'templates', 'v.yaml'), 'v: {{ toJson .Values | quote }}\n');
  const args = ['template', 'r', chart];
  files.forEach((text, i) => {
    const f = join(dir, `values-${i}.yaml`);
    writeFileSync(f, text);
    args.push('-f', f);
  });
  return helmPathSync(args);
}

let helmBin = '';
function helmPathSync(args: string[]): unknown {
  const out = execFileSync(helmBin, args, { encoding: 'utf8' });
  const line = out.split('\n').find((l) => l.startsWith('v: '));
  return JSON.parse(JSON.parse(line!.slice(3)));
}

const hostile = fc.constantFrom(
  'on',
  'off',
  'yes',
  'No',
  'y',
  'n',
  'true',
  'False',
  'null',
  '~',
  '',
  ' ',
  '0777',
  '0x1F',
  '1e3',
  '1_000',
  '.5',
  '+1',
  '12:30',
  '2024-01-02',
  'a: b',
  '#x',
  'a #b',
  '- x',
  ' lead',
  'trail ',
  "it's",
  'say "hi"',
  '{{ .Values.x }}',
  'line1\nline2',
  'tab\there',
  'emoji 😀',
  '*x',
  '&x',
  '!x',
  '%x',
  '@x',
  '`x',
  '[x]',
  '{x}',
  '---',
  '...',
  'é',
);
const scalar = fc.oneof(
  hostile,
  fc.string({ maxLength: 12 }),
  fc.boolean(),
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }).filter((d) => !Object.is(d, -0)),
);
const key = fc.oneof(
  fc.constantFrom('on', 'yes', 'n', '1', 'a b', 'x.y', 'A_B'),
  fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9_]{0,8}$/),
);
const tree = fc.dictionary(
  key,
  fc.oneof(scalar, fc.dictionary(key, scalar, { maxKeys: 4 }), fc.array(scalar, { maxLength: 3 })),
  {
    minKeys: 1,
    maxKeys: 6,
  },
);

describe('values files written by the studio, read by helm', () => {
  it('helm reads every generated overlay as the studio meant it', async () => {
    helmBin = await helmPath();
    const samples = fc.sample(tree, { numRuns: 60, seed: 20261127 });
    const overlay: Record<string, unknown> = {};
    samples.forEach((s, i) => {
      overlay[`case${i}`] = s;
    });
    const { stringify } = await import('yaml');
    const r = valuesFileText({
      overlayText: stringify(overlay, { version: '1.1' }),
      defaultsText: '',
      schema: {},
      secretPaths: [],
      environment: 'test',
      chartName: 'c',
    });
    expect(r.ok).toBe(true);
    const got = helmValues([r.ok ? r.text : '']);
    // YAML 1.1 keys such as `on` become "true" in helm: the writer must quote them so they stay strings.
    expect(got).toEqual(JSON.parse(JSON.stringify(overlay)));
  });

  it('helm reads secrets files', async () => {
    helmBin = await helmPath();
    const text = secretsFileText(
      {
        secrets: { djangoSecretKey: "y'x: #1 on" },
        postgresql: { auth: { password: '0777' } },
        redis: { auth: { password: 'on' } },
        yes: 'n',
      },
      'prod',
    );
    expect(helmValues([text ?? ''])).toEqual({
      secrets: { djangoSecretKey: "y'x: #1 on" },
      postgresql: { auth: { password: '0777' } },
      redis: { auth: { password: 'on' } },
      yes: 'n',
    });
  });
});
