import { describe, expect, it } from 'vitest';
import { djangoAllows } from './chart-rules';
import { checkManifests } from './check';
import {
  at,
  deployment,
  docs,
  edit,
  hookJob,
  ingress,
  networkPolicy,
  secret,
  service,
  withAllowedHosts,
} from './fixtures';
import type { JsonObject } from './manifest';

function rules(objects: JsonObject[]): string[] {
  return checkManifests(docs(...objects)).map((f) => `${f.severity} ${f.rule} ${f.kind}`);
}

describe('checkManifests', () => {
  it('accepts a chart that follows every rule', () => {
    expect(rules([deployment(), service(), networkPolicy(), secret()])).toEqual([]);
  });

  const cases: { name: string; input: JsonObject[]; want: string }[] = [
    {
      name: 'wrong type',
      input: [edit(deployment(), (d) => (at(d, 'spec').replicas = 'two')), service()],
      want: 'error openapi/schema Deployment',
    },
    {
      name: 'missing required field',
      input: [edit(deployment(), (d) => delete at(d, 'spec').selector), service()],
      want: 'error openapi/schema Deployment',
    },
    {
      name: 'unknown field in a container',
      input: [
        edit(deployment(), (d) => (at(d, 'spec', 'template', 'spec', 'containers', 0).imagePolicy = 'x')),
        service(),
      ],
      want: 'error openapi/unknown-field Deployment',
    },
    {
      name: 'misspelt spec field',
      input: [edit(deployment(), (d) => (at(d, 'spec').replica = 2)), service()],
      want: 'error openapi/unknown-field Deployment',
    },
    {
      name: 'unknown kind',
      input: [{ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' } }],
      want: 'warning openapi/unknown-kind Widget',
    },
    {
      name: 'root user',
      input: [
        edit(deployment(), (d) => (at(d, 'spec', 'template', 'spec', 'securityContext').runAsUser = 0)),
        service(),
      ],
      want: 'error pss/run-as-user Deployment',
    },
    {
      name: 'privilege escalation allowed in an init container',
      input: [
        edit(
          deployment(),
          (d) =>
            delete at(d, 'spec', 'template', 'spec', 'initContainers', 0, 'securityContext')
              .allowPrivilegeEscalation,
        ),
        service(),
      ],
      want: 'error pss/allow-privilege-escalation Deployment',
    },
    {
      name: 'capabilities not dropped',
      input: [
        edit(
          deployment(),
          (d) => (at(d, 'spec', 'template', 'spec', 'containers', 0, 'securityContext').capabilities = {}),
        ),
        service(),
      ],
      want: 'error pss/capabilities Deployment',
    },
    {
      name: 'host network',
      input: [edit(deployment(), (d) => (at(d, 'spec', 'template', 'spec').hostNetwork = true)), service()],
      want: 'error pss/host-namespaces Deployment',
    },
    {
      name: 'hostPath volume',
      input: [
        edit(
          deployment(),
          (d) => (at(d, 'spec', 'template', 'spec').volumes = [{ name: 'tmp', hostPath: { path: '/tmp' } }]),
        ),
        service(),
      ],
      want: 'error pss/host-path-volumes Deployment',
    },
    {
      name: 'seccomp unconfined',
      input: [
        edit(
          deployment(),
          (d) =>
            (at(d, 'spec', 'template', 'spec', 'securityContext').seccompProfile = { type: 'Unconfined' }),
        ),
        service(),
      ],
      want: 'error pss/seccomp Deployment',
    },
    {
      name: 'missing standard label',
      input: [
        edit(service(), (s) => delete at(s, 'metadata', 'labels')['app.kubernetes.io/version']),
        deployment(),
      ],
      want: 'error chart/standard-labels Service',
    },
    {
      name: 'invalid label value',
      input: [
        edit(service(), (s) => (at(s, 'metadata', 'labels')['app.kubernetes.io/version'] = 'v1+build')),
        deployment(),
      ],
      want: 'error chart/label-syntax Service',
    },
    {
      name: 'name longer than 63',
      input: [edit(secret(), (s) => (at(s, 'metadata').name = 'x'.repeat(64)))],
      want: 'error chart/name Secret',
    },
    {
      name: 'hard-coded namespace',
      input: [edit(secret(), (s) => (at(s, 'metadata').namespace = 'prod'))],
      want: 'error chart/no-namespace Secret',
    },
    {
      name: 'selector with the version label',
      input: [
        edit(
          deployment(),
          (d) => (at(d, 'spec', 'selector', 'matchLabels')['app.kubernetes.io/version'] = '1.0.0'),
        ),
        service(),
      ],
      want: 'error chart/selector Deployment',
    },
    {
      name: 'service selecting nothing',
      input: [
        edit(service(), (s) => (at(s, 'spec', 'selector')['app.kubernetes.io/component'] = 'web')),
        deployment(),
      ],
      want: 'error chart/service-selector Service',
    },
    {
      name: 'namespace and pod selectors in separate peers',
      input: [
        edit(networkPolicy(), (n) => {
          at(n, 'spec', 'ingress', 0).from = [
            { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } },
            { podSelector: { matchLabels: { 'app.kubernetes.io/name': 'ingress-nginx' } } },
          ];
        }),
        deployment(),
        service(),
      ],
      want: 'error chart/networkpolicy-peer NetworkPolicy',
    },
    {
      name: 'liveness identical to readiness',
      input: [
        edit(deployment(), (d) => {
          const c = at(d, 'spec', 'template', 'spec', 'containers', 0);
          c.livenessProbe = structuredClone(c.readinessProbe);
        }),
        service(),
      ],
      want: 'error chart/probes Deployment',
    },
    {
      name: 'probe on an undeclared port',
      input: [
        edit(
          deployment(),
          (d) =>
            (at(d, 'spec', 'template', 'spec', 'containers', 0).livenessProbe = {
              tcpSocket: { port: 9000 },
            }),
        ),
        service(),
      ],
      want: 'error chart/probes Deployment',
    },
    {
      name: 'writable root filesystem',
      input: [
        edit(
          deployment(),
          (d) =>
            (at(d, 'spec', 'template', 'spec', 'containers', 0, 'securityContext').readOnlyRootFilesystem =
              false),
        ),
        service(),
      ],
      want: 'error chart/read-only-root Deployment',
    },
    {
      name: 'service account token mounted',
      input: [
        edit(deployment(), (d) => delete at(d, 'spec', 'template', 'spec').automountServiceAccountToken),
        service(),
      ],
      want: 'error chart/service-account-token Deployment',
    },
    {
      name: 'latest image',
      input: [
        edit(
          deployment(),
          (d) => (at(d, 'spec', 'template', 'spec', 'containers', 0).image = 'example/app:latest'),
        ),
        service(),
      ],
      want: 'error chart/image-pinned Deployment',
    },
    {
      name: 'no memory limit',
      input: [
        edit(
          deployment(),
          (d) => delete at(d, 'spec', 'template', 'spec', 'containers', 0, 'resources', 'limits').memory,
        ),
        service(),
      ],
      want: 'error chart/resources Deployment',
    },
    {
      name: 'rolling update that may drop pods',
      input: [
        edit(deployment(), (d) => (at(d, 'spec', 'strategy', 'rollingUpdate').maxUnavailable = 1)),
        service(),
      ],
      want: 'warning chart/rolling-update Deployment',
    },
    {
      name: 'pre-install hook reading the chart Secret',
      input: [hookJob('rel-app'), secret()],
      want: 'error chart/hook-secret Job',
    },
    {
      name: 'hook Secret created after the Job',
      input: [
        hookJob('rel-app-hook-env'),
        edit(secret(), (s) => {
          at(s, 'metadata').name = 'rel-app-hook-env';
          at(s, 'metadata').annotations = {
            'helm.sh/hook': 'pre-install,pre-upgrade',
            'helm.sh/hook-weight': '0',
            'helm.sh/hook-delete-policy': 'before-hook-creation',
          };
        }),
      ],
      want: 'error chart/hook-secret Job',
    },
    {
      name: 'hook without weight',
      input: [edit(hookJob('ext'), (j) => delete at(j, 'metadata', 'annotations')['helm.sh/hook-weight'])],
      want: 'error chart/hook Job',
    },
    {
      name: 'hook Job without a deadline',
      input: [edit(hookJob('ext'), (j) => delete at(j, 'spec').activeDeadlineSeconds)],
      want: 'error chart/hook-job Job',
    },
  ];
  for (const { name, input, want } of cases) {
    it(`finds ${name}`, () => {
      expect(rules(input)).toContain(want);
    });
  }

  it('accepts a hook Job reading a lower-weight hook Secret', () => {
    const hookSecret = edit(secret(), (s) => {
      at(s, 'metadata').name = 'rel-app-hook-env';
      at(s, 'metadata').annotations = {
        'helm.sh/hook': 'pre-install,pre-upgrade',
        'helm.sh/hook-weight': '-10',
        'helm.sh/hook-delete-policy': 'before-hook-creation,hook-succeeded',
      };
    });
    expect(rules([hookJob('rel-app-hook-env'), hookSecret])).toEqual([]);
  });

  it('reads an unquoted yes as a boolean, as the API server does', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  FLAG: yes\n';
    const findings = checkManifests([{ path: 'c.yaml', text }], { chartRules: false });
    expect(findings.map((f) => `${f.rule} ${f.message}`)).toEqual([
      'openapi/schema /data/FLAG: must be of type string',
    ]);
  });

  it('reports invalid YAML as a finding', () => {
    const findings = checkManifests([{ path: 'x.yaml', text: 'a: [1, 2\n' }]);
    expect(findings.map((f) => f.rule)).toEqual(['yaml/parse']);
  });
});

describe('ALLOWED_HOSTS and the Ingress hosts', () => {
  it('warns once per host Django would refuse', () => {
    expect(
      rules([
        withAllowedHosts('a.example.com'),
        service(),
        networkPolicy(),
        secret(),
        ingress('b.example.com'),
      ]),
    ).toEqual(['warning chart/allowed-hosts Ingress']);
  });
  it('accepts a host ALLOWED_HOSTS admits', () => {
    expect(
      rules([
        withAllowedHosts('x.test, .example.com'),
        service(),
        networkPolicy(),
        secret(),
        ingress('b.example.com'),
      ]),
    ).toEqual([]);
  });
  const cases: { allowed: string; host: string; want: boolean }[] = [
    { allowed: '*', host: 'any.example.com', want: true },
    { allowed: 'api.example.com', host: 'API.example.com', want: true },
    { allowed: 'api.example.com', host: 'www.example.com', want: false },
    { allowed: '.example.com', host: 'example.com', want: true },
    { allowed: '.example.com', host: 'a.b.example.com', want: true },
    { allowed: '.example.com', host: 'badexample.com', want: false },
    { allowed: 'localhost, api.example.com', host: 'api.example.com', want: true },
    { allowed: '.example.com', host: '*.example.com', want: true },
    { allowed: 'api.example.com', host: '*.example.com', want: false },
  ];
  for (const c of cases)
    it(`${c.allowed} ${c.want ? 'admits' : 'refuses'} ${c.host}`, () =>
      expect(djangoAllows(c.allowed, c.host)).toBe(c.want));
});
