// fixtures.ts builds small, valid objects for the lib/k8s tests; each test breaks one thing.
import { dump } from 'js-yaml';
import type { JsonObject, ManifestDoc } from './manifest';

const labels = (component: string) => ({
  'helm.sh/chart': 'app-0.1.0',
  'app.kubernetes.io/name': 'app',
  'app.kubernetes.io/instance': 'rel',
  'app.kubernetes.io/version': '1.0.0',
  'app.kubernetes.io/managed-by': 'Helm',
  'app.kubernetes.io/component': component,
});

const selector = {
  'app.kubernetes.io/name': 'app',
  'app.kubernetes.io/instance': 'rel',
  'app.kubernetes.io/component': 'api',
};

const restrictedContainer = (name: string): JsonObject => ({
  name,
  image: 'example/app:1.0.0',
  securityContext: {
    runAsNonRoot: true,
    runAsUser: 1000,
    runAsGroup: 1000,
    allowPrivilegeEscalation: false,
    readOnlyRootFilesystem: true,
    capabilities: { drop: ['ALL'] },
    seccompProfile: { type: 'RuntimeDefault' },
  },
  resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '512Mi' } },
  volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
});

/** deployment returns a Deployment that passes every check. */
export function deployment(): JsonObject {
  const main = restrictedContainer('api');
  main.ports = [{ name: 'http', containerPort: 8000 }];
  main.readinessProbe = {
    httpGet: { path: '/health', port: 'http', httpHeaders: [{ name: 'Host', value: 'a.example.com' }] },
  };
  main.livenessProbe = { tcpSocket: { port: 'http' } };
  main.startupProbe = { tcpSocket: { port: 'http' }, failureThreshold: 30 };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'rel-app', labels: labels('api') },
    spec: {
      replicas: 2,
      selector: { matchLabels: { ...selector } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
      template: {
        metadata: { labels: labels('api'), annotations: { 'checksum/secret': 'abc' } },
        spec: {
          serviceAccountName: 'rel-app',
          automountServiceAccountToken: false,
          securityContext: {
            runAsNonRoot: true,
            runAsUser: 1000,
            runAsGroup: 1000,
            fsGroup: 1000,
            seccompProfile: { type: 'RuntimeDefault' },
          },
          initContainers: [restrictedContainer('wait')],
          containers: [main],
          volumes: [{ name: 'tmp', emptyDir: {} }],
          affinity: {
            podAntiAffinity: {
              preferredDuringSchedulingIgnoredDuringExecution: [
                {
                  weight: 100,
                  podAffinityTerm: {
                    topologyKey: 'kubernetes.io/hostname',
                    labelSelector: { matchLabels: selector },
                  },
                },
              ],
            },
          },
        },
      },
    },
  };
}

/** service returns the Service of deployment(). */
export function service(): JsonObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'rel-app', labels: labels('api') },
    spec: {
      type: 'ClusterIP',
      selector: { ...selector },
      ports: [{ name: 'http', port: 8000, targetPort: 'http' }],
    },
  };
}

/** ingress returns an Ingress routing `host` to service(). */
export function ingress(host: string): JsonObject {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: 'rel-app', labels: labels('api') },
    spec: {
      ingressClassName: 'nginx',
      rules: [
        {
          host,
          http: {
            paths: [
              {
                path: '/',
                pathType: 'Prefix',
                backend: { service: { name: 'rel-app', port: { name: 'http' } } },
              },
              {
                path: '/api',
                pathType: 'Prefix',
                backend: { service: { name: 'rel-app', port: { name: 'http' } } },
              },
            ],
          },
        },
      ],
    },
  };
}

/** withAllowedHosts returns deployment() with ALLOWED_HOSTS set on its main container. */
export function withAllowedHosts(allowed: string): JsonObject {
  return edit(deployment(), (d) => {
    at(d, 'spec', 'template', 'spec', 'containers', 0).env = [{ name: 'ALLOWED_HOSTS', value: allowed }];
  });
}

/** networkPolicy returns a NetworkPolicy admitting an ingress controller (namespace AND pods). */
export function networkPolicy(): JsonObject {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: 'rel-app', labels: labels('api') },
    spec: {
      podSelector: { matchLabels: { ...selector } },
      policyTypes: ['Ingress'],
      ingress: [
        {
          from: [
            {
              namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } },
              podSelector: { matchLabels: { 'app.kubernetes.io/name': 'ingress-nginx' } },
            },
          ],
          ports: [{ port: 'http', protocol: 'TCP' }],
        },
      ],
    },
  };
}

/** secret returns the chart Secret used by deployment(). */
export function secret(): JsonObject {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'rel-app', labels: labels('api') },
    type: 'Opaque',
    data: { SECRET_KEY: 'eA==' },
  };
}

/** hookJob returns a pre-install migration Job reading the given Secret. */
export function hookJob(secretName: string, weight = '-5'): JsonObject {
  const c = restrictedContainer('migrate');
  c.envFrom = [{ secretRef: { name: secretName } }];
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name: 'rel-app-migrate',
      labels: labels('migration'),
      annotations: {
        'helm.sh/hook': 'pre-install,pre-upgrade',
        'helm.sh/hook-weight': weight,
        'helm.sh/hook-delete-policy': 'before-hook-creation',
        'helm.sh/hook-output-log-policy': 'hook-failed',
      },
    },
    spec: {
      backoffLimit: 1,
      activeDeadlineSeconds: 600,
      ttlSecondsAfterFinished: 3600,
      template: {
        metadata: { labels: labels('migration') },
        spec: {
          restartPolicy: 'Never',
          automountServiceAccountToken: false,
          securityContext: {
            runAsNonRoot: true,
            runAsUser: 1000,
            runAsGroup: 1000,
            seccompProfile: { type: 'RuntimeDefault' },
          },
          containers: [c],
          volumes: [{ name: 'tmp', emptyDir: {} }],
        },
      },
    },
  };
}

/** docs turns objects into ManifestDocs, one file each, as helm template prints them. */
export function docs(...objects: JsonObject[]): ManifestDoc[] {
  return objects.map((o, i) => ({ path: `app/templates/${i}.yaml`, text: dump(o) }));
}

/** edit deep-copies an object and applies a change to the copy. */
export function edit(o: JsonObject, change: (copy: JsonObject) => void): JsonObject {
  const copy = structuredClone(o);
  change(copy);
  return copy;
}

/** at returns the mapping at a path of keys and array indexes inside an object (for edits). */
export function at(o: unknown, ...keys: (string | number)[]): JsonObject {
  let node = o as Record<string | number, unknown>;
  for (const k of keys) node = node[k] as Record<string | number, unknown>;
  return node as JsonObject;
}
