import { describe, expect, it } from 'vitest';
import {
  envNameError,
  envRows,
  extractSecrets,
  type FieldSpec,
  FORM_SECTIONS,
  fieldText,
  hostnameError,
  ingressHosts,
  ingressPathValuePath,
  newEnvName,
  parseField,
  quantityError,
  removeIngressHost,
  renameEnv,
  SECRET_FIELDS,
  SECRET_MAP_PATHS,
  secretsValues,
  secretVariableNameError,
  setIngressHost,
  setTlsSecret,
  tlsSecretName,
  unusedReason,
} from './form-model';
import { mergeValues, type PlainMap, parseValues, setOverlayValue } from './overlay';
import { fieldMeta, secretPaths } from './schema';

const defaults: PlainMap = {
  replicaCount: 2,
  image: { repository: 'repo/app', tag: '' },
  ingress: { enabled: true, hosts: [{ host: 'a.example', paths: ['/'] }], tls: [] },
  env: { DEBUG: 'False', ALLOWED_HOSTS: '' },
  resources: { limits: { cpu: '500m', memory: '512Mi' } },
  secrets: { djangoSecretKey: '', databaseUrl: '', extra: {} },
};

const spec = (label: string): FieldSpec => {
  const f = [...FORM_SECTIONS.flatMap((s) => s.fields), ...SECRET_FIELDS].find((x) => x.label === label);
  if (!f) throw new Error(`no field ${label}`);
  return f;
};

describe('FORM_SECTIONS', () => {
  it('carries the accessible names of the issue', () => {
    const labels = FORM_SECTIONS.flatMap((s) => s.fields.map((f) => f.label));
    for (const name of [
      'Replicas',
      'Image repository',
      'Image tag',
      'CPU request',
      'CPU limit',
      'Memory request',
      'Memory limit',
      'Ingress enabled',
      'Ingress class',
    ]) {
      expect(labels).toContain(name);
    }
  });
  it('has unique labels and paths', () => {
    const all = [...FORM_SECTIONS.flatMap((s) => s.fields), ...SECRET_FIELDS];
    expect(new Set(all.map((f) => f.label)).size).toBe(all.length);
    expect(new Set(all.map((f) => f.path.join('.'))).size).toBe(all.length);
  });
  it('never shows a secret among the ordinary fields', () => {
    expect(FORM_SECTIONS.flatMap((s) => s.fields).some((f) => f.secret)).toBe(false);
  });
});

describe('parseField', () => {
  const cases: { name: string; input: [string, string]; want: unknown }[] = [
    { name: 'replicas', input: ['Replicas', '3'], want: { ok: true, value: 3 } },
    { name: 'replicas with spaces', input: ['Replicas', ' 4 '], want: { ok: true, value: 4 } },
    { name: 'replicas empty', input: ['Replicas', ''], want: { ok: false, error: 'Enter a whole number.' } },
    {
      name: 'replicas not a number',
      input: ['Replicas', 'two'],
      want: { ok: false, error: 'Enter a whole number (no letters or decimals).' },
    },
    {
      name: 'replicas negative',
      input: ['Replicas', '-1'],
      want: { ok: false, error: 'Must be at least 0.' },
    },
    { name: 'cpu millicores', input: ['CPU limit', '750m'], want: { ok: true, value: '750m' } },
    { name: 'memory', input: ['Memory limit', '1Gi'], want: { ok: true, value: '1Gi' } },
    {
      name: 'memory typo',
      input: ['Memory limit', '512MB'],
      want: { ok: false, error: 'Not a memory quantity: write 512Mi, 1Gi or a number of bytes.' },
    },
    { name: 'tag may be empty', input: ['Image tag', ''], want: { ok: true, value: '' } },
    {
      name: 'repository may not',
      input: ['Image repository', ' '],
      want: { ok: false, error: 'This value is required.' },
    },
    { name: 'boolean', input: ['Ingress enabled', 'false'], want: { ok: true, value: false } },
    {
      name: 'select outside its options',
      input: ['Image pull policy', 'Sometimes'],
      want: { ok: false, error: 'Choose one of IfNotPresent, Always, Never.' },
    },
  ];
  for (const c of cases) it(c.name, () => expect(parseField(spec(c.input[0]), c.input[1])).toEqual(c.want));
});

describe('quantityError', () => {
  const cases: { name: string; input: [string, 'cpu' | 'memory']; want: string | null }[] = [
    { name: 'cores', input: ['0.5', 'cpu'], want: null },
    { name: 'millicores', input: ['500m', 'cpu'], want: null },
    { name: 'exponent', input: ['1e3', 'memory'], want: null },
    { name: 'bytes', input: ['134217728', 'memory'], want: null },
    { name: 'decimal SI', input: ['1G', 'memory'], want: null },
    { name: 'empty', input: ['', 'cpu'], want: 'Enter a quantity.' },
    {
      name: 'unit words',
      input: ['half a core', 'cpu'],
      want: 'Not a CPU quantity: write cores as 0.5 or 1, or millicores as 500m.',
    },
    { name: 'negative', input: ['-1', 'cpu'], want: 'Must not be negative.' },
    {
      name: 'millibytes',
      input: ['512m', 'memory'],
      want: 'Memory uses Ki, Mi, Gi… (a lowercase m means thousandths of a byte).',
    },
    {
      name: 'nanobytes',
      input: ['5n', 'memory'],
      want: 'Memory uses Ki, Mi, Gi… (a lowercase n means billionths of a byte).',
    },
  ];
  for (const c of cases) it(c.name, () => expect(quantityError(...c.input)).toBe(c.want));
});

describe('fieldText', () => {
  const values = mergeValues(defaults, { replicaCount: 3, ingress: { enabled: false } });
  const cases: { name: string; input: string; want: string }[] = [
    { name: 'number', input: 'Replicas', want: '3' },
    { name: 'boolean', input: 'Ingress enabled', want: 'false' },
    { name: 'empty string', input: 'Image tag', want: '' },
    { name: 'missing', input: 'Ingress class', want: '' },
  ];
  for (const c of cases) it(c.name, () => expect(fieldText(spec(c.input), values)).toBe(c.want));
});

describe('form ⇄ YAML', () => {
  // A form edit goes through setOverlayValue; reading the overlay back gives the form its text again.
  const cases: { name: string; input: { text: string; label: string; value: string }; want: string }[] = [
    {
      name: 'replicas',
      input: { text: '# dev\nimage:\n  tag: v1 # pinned\n', label: 'Replicas', value: '3' },
      want: '# dev\nreplicaCount: 3\nimage:\n  tag: v1 # pinned\n',
    },
    {
      name: 'image tag that looks like a number',
      input: { text: '', label: 'Image tag', value: '2.0' },
      want: 'image:\n  tag: "2.0"\n',
    },
    {
      name: 'memory limit back to the default',
      input: { text: 'resources:\n  limits:\n    memory: 1Gi\n', label: 'Memory limit', value: '512Mi' },
      want: '',
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const f = spec(c.input.label);
      const parsed = parseField(f, c.input.value);
      if (!parsed.ok) throw new Error(parsed.error);
      const text = setOverlayValue(c.input.text, defaults, f.path, parsed.value);
      expect(text).toBe(c.want);
      const back = parseValues(text);
      if (!back.ok) throw new Error('reparse');
      expect(fieldText(f, mergeValues(defaults, back.values))).toBe(c.input.value);
    });
  }

  it('YAML → form: an editor edit shows in the field', () => {
    const back = parseValues('replicaCount: 7\nresources:\n  requests:\n    cpu: 250m\n');
    if (!back.ok) throw new Error('parse');
    const values = mergeValues(defaults, back.values);
    expect(fieldText(spec('Replicas'), values)).toBe('7');
    expect(fieldText(spec('CPU request'), values)).toBe('250m');
  });
});

describe('env table', () => {
  const values = mergeValues(defaults, { env: { EXTRA: 'x' } });
  it('lists rows in order', () =>
    expect(envRows(values)).toEqual([
      { name: 'DEBUG', value: 'False' },
      { name: 'ALLOWED_HOSTS', value: '' },
      { name: 'EXTRA', value: 'x' },
    ]));
  it('proposes an unused name', () => {
    expect(newEnvName(values)).toBe('NEW_VAR');
    expect(newEnvName(mergeValues(defaults, { env: { NEW_VAR: '' } }))).toBe('NEW_VAR_2');
  });
  const renames: { name: string; input: { text: string; from: string; to: string }; want: string }[] = [
    {
      name: 'rename an added variable',
      input: { text: 'env:\n  EXTRA: x\n', from: 'EXTRA', to: 'FEATURE' },
      want: 'env:\n  FEATURE: x\n',
    },
    {
      name: 'rename keeps the variable where it stands, with its comments',
      input: {
        text: 'env:\n  # first\n  EXTRA: x # why\n  OTHER: y\n',
        from: 'EXTRA',
        to: 'FEATURE',
      },
      want: 'env:\n  # first\n  FEATURE: x # why\n  OTHER: y\n',
    },
    {
      name: 'rename onto a chart variable sets it and removes the old one',
      input: { text: 'env:\n  EXTRA: x\n  OTHER: y\n', from: 'EXTRA', to: 'DEBUG' },
      want: 'env:\n  DEBUG: x\n  OTHER: y\n',
    },
    {
      name: 'rename a chart variable nulls the old name',
      input: { text: '', from: 'DEBUG', to: 'DJANGO_DEBUG' },
      want: 'env:\n  DEBUG: null\n  DJANGO_DEBUG: "False"\n',
    },
  ];
  for (const c of renames) {
    it(c.name, () => {
      const parsed = parseValues(c.input.text);
      if (!parsed.ok) throw new Error('parse');
      expect(
        renameEnv(c.input.text, defaults, mergeValues(defaults, parsed.values), c.input.from, c.input.to),
      ).toBe(c.want);
    });
  }
  const names: { name: string; input: string; want: string | null }[] = [
    { name: 'upper snake', input: 'FEATURE_X', want: null },
    { name: 'empty', input: '', want: 'Enter a variable name.' },
    {
      name: 'leading digit',
      input: '1X',
      want: 'Use letters, digits and _ only, not starting with a digit.',
    },
    { name: 'dash', input: 'A-B', want: 'Use letters, digits and _ only, not starting with a digit.' },
    { name: 'duplicate', input: 'DEBUG', want: 'This variable is already defined.' },
    {
      name: 'a key of the chart’s Secret',
      input: 'DATABASE_URL',
      want: 'The chart sets DATABASE_URL from the Database URL field: use that field.',
    },
  ];
  for (const c of names) it(`name: ${c.name}`, () => expect(envNameError(c.input, ['DEBUG'])).toBe(c.want));
});

describe('ingress', () => {
  const values = mergeValues(defaults, {
    ingress: { hosts: [{ host: 'b.example', paths: ['/', { path: '/api', pathType: 'Prefix' }] }] },
  });
  it('lists hosts with paths', () =>
    expect(ingressHosts(values)).toEqual([{ host: 'b.example', paths: ['/', '/api'] }]));
  it('edits a path string in place', () =>
    expect(ingressPathValuePath(values, 0, 0)).toEqual(['ingress', 'hosts', 0, 'paths', 0]));
  it('edits a path object by its path key', () =>
    expect(ingressPathValuePath(values, 0, 1)).toEqual(['ingress', 'hosts', 0, 'paths', 1, 'path']));
  const hosts: { name: string; input: string; want: string | null }[] = [
    { name: 'plain', input: 'api.example.com', want: null },
    { name: 'wildcard', input: '*.example.com', want: null },
    { name: 'empty', input: '', want: 'Enter a host name such as api.example.com.' },
    {
      name: 'uppercase',
      input: 'API.example.com',
      want: 'Use lowercase letters, digits, "-" and "." (for example api.example.com).',
    },
    {
      name: 'with scheme',
      input: 'https://a.b',
      want: 'Use lowercase letters, digits, "-" and "." (for example api.example.com).',
    },
  ];
  for (const c of hosts) it(`host: ${c.name}`, () => expect(hostnameError(c.input)).toBe(c.want));

  it('sets a TLS secret for every host', () => {
    const text = setTlsSecret('', defaults, values, 'api-tls');
    expect(text).toBe('ingress:\n  tls:\n    - secretName: api-tls\n      hosts:\n        - b.example\n');
    const parsed = parseValues(text);
    if (!parsed.ok) throw new Error('parse');
    expect(tlsSecretName(mergeValues(defaults, parsed.values))).toBe('api-tls');
  });
  it('an empty TLS secret goes back to no TLS', () => {
    const text = 'ingress:\n  tls:\n    - secretName: x\n';
    const parsed = parseValues(text);
    if (!parsed.ok) throw new Error('parse');
    expect(setTlsSecret(text, defaults, mergeValues(defaults, parsed.values), '')).toBe('');
  });
});

describe('unusedReason', () => {
  it('Replicas is unused while autoscaling is on, and says why', () => {
    const on = mergeValues(defaults, { autoscaling: { enabled: true } });
    expect(unusedReason(spec('Replicas'), on)).toMatch(/^Autoscaling is on: the HorizontalPodAutoscaler/);
  });
  it('Replicas is used while autoscaling is off or unset', () => {
    expect(unusedReason(spec('Replicas'), mergeValues(defaults, { autoscaling: { enabled: false } }))).toBe(
      null,
    );
    expect(unusedReason(spec('Replicas'), defaults)).toBe(null);
  });
  it('a field without a condition is always used', () =>
    expect(unusedReason(spec('Image tag'), mergeValues(defaults, { autoscaling: { enabled: true } }))).toBe(
      null,
    ));
});

describe('secretVariableNameError', () => {
  const cases: { name: string; input: string; want: string | null }[] = [
    { name: 'a new name', input: 'API_TOKEN', want: null },
    { name: 'empty', input: '', want: 'Enter a variable name.' },
    { name: 'another secret variable', input: 'STRIPE_KEY', want: 'This variable is already defined.' },
    {
      name: 'the chart’s secret key',
      input: 'SECRET_KEY',
      want: 'The chart sets SECRET_KEY from the Django secret key field: use that field.',
    },
    {
      name: 'the chart’s database URL',
      input: 'DATABASE_URL',
      want: 'The chart sets DATABASE_URL from the Database URL field: use that field.',
    },
    {
      name: 'a plain variable',
      input: 'DEBUG',
      want: 'DEBUG is also a plain variable, whose value would hide this secret.',
    },
  ];
  for (const c of cases) {
    it(c.name, () => expect(secretVariableNameError(c.input, ['STRIPE_KEY'], ['DEBUG'])).toBe(c.want));
  }
});

describe('ingress hosts and their TLS', () => {
  const withTls = (tls: string) =>
    `ingress:\n  hosts:\n    - host: a.example\n      paths: ["/"]\n    - host: b.example\n      paths: ["/"]\n${tls}`;
  const followed = withTls(
    '  tls:\n    - secretName: t\n      hosts:\n        - b.example\n        - a.example\n',
  );
  const partial = withTls('  tls:\n    - secretName: t\n      hosts:\n        - a.example\n');
  const apply = (text: string, edit: (text: string, values: PlainMap) => string) => {
    const parsed = parseValues(text);
    if (!parsed.ok) throw new Error('parse');
    return edit(text, mergeValues(defaults, parsed.values));
  };
  const cases: { name: string; input: string; edit: (t: string, v: PlainMap) => string; want: string }[] = [
    {
      name: 'renaming a host renames it in the TLS hosts that cover every host',
      input: followed,
      edit: (t, v) => setIngressHost(t, defaults, v, 0, 'c.example'),
      want: withTls(
        '  tls:\n    - secretName: t\n      hosts:\n        - c.example\n        - b.example\n',
      ).replace('host: a.example', 'host: c.example'),
    },
    {
      name: 'removing a host removes it from the TLS hosts that cover every host',
      input: followed,
      edit: (t, v) => removeIngressHost(t, defaults, v, 0),
      want: 'ingress:\n  hosts:\n    - host: b.example\n      paths: ["/"]\n  tls:\n    - secretName: t\n      hosts:\n        - b.example\n',
    },
    {
      name: 'TLS that covers only some hosts is the user’s and stays',
      input: partial,
      edit: (t, v) => setIngressHost(t, defaults, v, 1, 'c.example'),
      want: partial.replace('host: b.example', 'host: c.example'),
    },
    {
      name: 'a host cleared while typing leaves the TLS hosts, then comes back into them',
      input: followed,
      edit: (t, v) =>
        apply(setIngressHost(t, defaults, v, 1, ''), (t2, v2) =>
          setIngressHost(t2, defaults, v2, 1, 'd.example'),
        ),
      want: withTls(
        '  tls:\n    - secretName: t\n      hosts:\n        - a.example\n        - d.example\n',
      ).replace('host: b.example', 'host: d.example'),
    },
    {
      name: 'without TLS only the host changes',
      input: withTls(''),
      edit: (t, v) => setIngressHost(t, defaults, v, 0, 'c.example'),
      want: withTls('').replace('host: a.example', 'host: c.example'),
    },
  ];
  for (const c of cases) it(c.name, () => expect(apply(c.input, c.edit)).toBe(c.want));
});

describe('secrets', () => {
  it('extractSecrets moves secrets out of the overlay text, comments kept', () => {
    const text =
      '# dev\nsecrets:\n  djangoSecretKey: k # dev only\n  extra:\n    API_TOKEN: t\nreplicaCount: 1\n';
    const parsed = parseValues(text);
    if (!parsed.ok) throw new Error('parse');
    expect(extractSecrets(text, parsed.values)).toEqual({
      overlay: '# dev\nreplicaCount: 1\n',
      secrets: { 'secrets.djangoSecretKey': 'k', 'secrets.extra.API_TOKEN': 't' },
    });
  });
  it('secretsValues nests the store by path and skips empty entries', () => {
    expect(
      secretsValues({
        'secrets.djangoSecretKey': 'k',
        'secrets.databaseUrl': '',
        'postgresql.auth.password': 'p',
        'secrets.extra.A.B': 'dotted',
      }),
    ).toEqual({
      secrets: { djangoSecretKey: 'k', extra: { 'A.B': 'dotted' } },
      postgresql: { auth: { password: 'p' } },
    });
  });
});

describe('agreement with the zod schema', () => {
  it('every form field is a value of the schema', () => {
    for (const f of [...FORM_SECTIONS.flatMap((s) => s.fields), ...SECRET_FIELDS]) {
      expect(fieldMeta(f.path.join('.')), f.label).toBeDefined();
    }
  });
  it('the secret fields are exactly the schema secrets', () => {
    const ours = [
      ...SECRET_FIELDS.map((f) => f.path.join('.')),
      ...SECRET_MAP_PATHS.map((p) => p.join('.')),
    ].sort();
    expect(ours).toEqual([...secretPaths].sort());
  });
});
