import { z } from 'zod';

/** FieldMeta describes one value of the chart for the studio's form. */
export interface FieldMeta {
  /** Dotted path of the value, e.g. `image.tag` or `secrets.djangoSecretKey`. */
  path: string;
  /** Human description (also in values.schema.json and values.yaml). */
  description: string;
  /** Form section the field belongs to. */
  group: FieldGroup;
  /** True for values that must never be written to a values overlay, a URL or storage. */
  secret: boolean;
  /** True when the chart's values.yaml may leave the value out (subchart keys, extra resources). */
  optional: boolean;
}

/** FieldGroup names the form sections, in display order. */
export const fieldGroups = [
  'General',
  'Image',
  'Service and ingress',
  'Resources',
  'Environment',
  'Secrets',
  'Migrations',
  'Probes',
  'Autoscaling and availability',
  'Network policy',
  'Scheduling',
  'Security',
  'Tests',
  'Development databases',
] as const;

/** FieldGroup is one of fieldGroups. */
export type FieldGroup = (typeof fieldGroups)[number];

interface FieldExtra {
  group?: FieldGroup;
  secret?: boolean;
}

const extras = new WeakMap<z.ZodType, FieldExtra>();

/** field attaches a description (kept in the JSON Schema) and form metadata to a schema. */
function field<T extends z.ZodType>(schema: T, description: string, extra: FieldExtra = {}): T {
  const described = schema.meta({ description }) as T;
  extras.set(described, extra);
  return described;
}

// Kubernetes quantity (resource.Quantity): a decimal number with an optional binary (Ki…Ei), decimal
// (m, k, M…E) or exponent suffix. Signs are left out: negative resources are never meant.
const quantityPattern = /^(\d+(\.\d*)?|\.\d+)(([KMGTPE]i)|[mkMGTPE]|([eE][+-]?\d+))?$/;
// RFC 1123 DNS subdomain, optionally with a leading wildcard label (Ingress hosts allow `*.`).
const hostPattern = /^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
// RFC 1123 subdomain for object names (Secrets, StorageClasses…).
const objectNamePattern = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
// Docker image reference without tag: optional registry host[:port]/, then lower-case path components.
const repositoryPattern =
  /^([a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?(\.[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?)*(:[0-9]+)?\/)?[a-z0-9]+(([._]|__|-+)[a-z0-9]+)*(\/[a-z0-9]+(([._]|__|-+)[a-z0-9]+)*)*$/;
// Docker tag: up to 128 word characters, dots and dashes, not starting with a dot or dash.
const tagPattern = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const digestPattern = /^sha256:[a-f0-9]{64}$/;
// C identifier: what a container env var name can safely be.
const envNamePattern = /^[A-Za-z_][A-Za-z0-9_]*$/;
// Helm/Kubernetes label value (after the chart sanitises it) and label key.
const labelKeyPattern =
  /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const labelValuePattern = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

const quantity = (what: string, example: string) =>
  z
    .string({ error: `${what} must be text such as ${example}` })
    .max(64)
    .regex(quantityPattern, {
      error: `${what} must be a Kubernetes quantity such as ${example} (a number with an optional unit like m, Mi or Gi)`,
    });

const cpuQuantity = (what: string) =>
  z.union([quantity(what, '500m, 1 or 1.5'), z.number().nonnegative()], {
    error: `${what} must be a Kubernetes CPU quantity such as 500m, 1 or 1.5`,
  });
const memoryQuantity = (what: string) => quantity(what, '512Mi, 1Gi or 256M');

const wholeNumber = (what: string, min: number, max?: number) => {
  const base = z.int({ error: `${what} must be a whole number` }).min(min, {
    error: `${what} must be at least ${min}`,
  });
  return max === undefined ? base : base.max(max, { error: `${what} must be at most ${max}` });
};

const nameOrEmpty = (what: string) =>
  z.string().regex(new RegExp(`${objectNamePattern.source}|^$`), {
    error: `${what} must be empty or a Kubernetes name: lower-case letters, digits, "-" and "."`,
  });

const stringMap = (what: string) =>
  z.record(z.string().regex(labelKeyPattern, { error: `${what} keys must be valid label keys` }), z.string());

const looseObject = z.record(z.string(), z.unknown());

const pullPolicy = z.enum(['IfNotPresent', 'Always', 'Never'], {
  error: 'Pull policy must be IfNotPresent, Always or Never',
});

const resourceList = (what: string) =>
  z.strictObject({
    cpu: field(cpuQuantity(`${what} CPU`), `${what} CPU (e.g. 500m = half a core).`).optional(),
    memory: field(memoryQuantity(`${what} memory`), `${what} memory (e.g. 512Mi).`).optional(),
    'ephemeral-storage': field(
      memoryQuantity(`${what} ephemeral storage`),
      `${what} local ephemeral storage (e.g. 1Gi): logs, emptyDir volumes, writable layers.`,
    ).optional(),
  });

// Kubernetes: the factor of each quantity suffix.
const quantityFactors: Readonly<Record<string, number>> = {
  '': 1,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

/** quantityAmount is the amount a Kubernetes quantity stands for (`500m` is 0.5), or null when it is none. */
export function quantityAmount(q: unknown): number | null {
  if (typeof q === 'number') return Number.isFinite(q) ? q : null;
  if (typeof q !== 'string' || !quantityPattern.test(q)) return null;
  const m = /^([\d.]+)(.*)$/.exec(q);
  if (!m) return null;
  const [, num = '', suffix = ''] = m;
  const factor = /^[eE]/.test(suffix) ? 10 ** Number(suffix.slice(1)) : quantityFactors[suffix];
  return factor === undefined ? null : Number(num) * factor;
}

const resourceNames = { cpu: 'CPU', memory: 'memory', 'ephemeral-storage': 'ephemeral storage' } as const;

const resources = (what: string) =>
  z
    .strictObject({
      requests: field(resourceList(`${what} request`), `Resources reserved for each ${what} container.`),
      limits: field(resourceList(`${what} limit`), `Hard limits of each ${what} container.`),
    })
    .superRefine((r, ctx) => {
      // Kubernetes refuses a container whose limit is below its request.
      for (const [key, name] of Object.entries(resourceNames)) {
        const request = r.requests[key as keyof typeof resourceNames];
        const limit = r.limits[key as keyof typeof resourceNames];
        const req = quantityAmount(request);
        const lim = quantityAmount(limit);
        if (req === null || lim === null || lim >= req) continue;
        ctx.addIssue({
          code: 'custom',
          path: ['limits', key],
          message: `The ${name} limit must be at least the ${name} request (${request}): Kubernetes refuses a limit below the request`,
        });
      }
    });

const optionalResources = (what: string) =>
  z.strictObject({
    requests: field(
      resourceList(`${what} request`),
      `Resources reserved for the ${what} container.`,
    ).optional(),
    limits: field(resourceList(`${what} limit`), `Hard limits of the ${what} container.`).optional(),
  });

const ingressPath = z.union(
  [
    z.string().startsWith('/', { error: 'An ingress path must start with "/"' }),
    z.strictObject({
      path: field(
        z.string().startsWith('/', { error: 'An ingress path must start with "/"' }),
        'URL path prefix routed to the API.',
      ),
      pathType: field(
        z.enum(['Prefix', 'Exact', 'ImplementationSpecific'], {
          error: 'Path type must be Prefix, Exact or ImplementationSpecific',
        }),
        'How the path matches: Prefix (default), Exact or ImplementationSpecific.',
      ).optional(),
    }),
  ],
  { error: 'A path is a string starting with "/" or an object {path, pathType}' },
);

const hostName = z
  .string({ error: 'A host must be text' })
  .max(253, { error: 'A host name has at most 253 characters' })
  .regex(hostPattern, {
    error: 'A host must be a DNS name such as api.example.com (lower-case letters, digits, "-" and ".")',
  });

// Subchart sections hold only what the user overrides; the subchart's values.yaml supplies the rest.
const devImage = (what: string) =>
  z.strictObject({
    repository: field(
      z.string().regex(repositoryPattern, { error: 'Not a valid image repository' }),
      `Official ${what} image.`,
    ).optional(),
    tag: field(
      z.string().regex(tagPattern, { error: 'Not a valid image tag' }),
      `Pinned ${what} image tag.`,
    ).optional(),
    pullPolicy: field(pullPolicy, 'Image pull policy.').optional(),
  });

const persistence = (what: string) =>
  z.strictObject({
    enabled: field(
      z.boolean(),
      `Keep ${what} data in a PersistentVolumeClaim instead of an emptyDir.`,
    ).optional(),
    size: field(memoryQuantity('Volume size'), 'Size of the claim (e.g. 1Gi).').optional(),
    storageClass: field(
      nameOrEmpty('Storage class'),
      'StorageClass of the claim; empty means the cluster default.',
    ).optional(),
  });

// Django ALLOWED_HOSTS entry: `*`, a host name (a leading "." matches subdomains), or an IP address.
const allowedHostEntry = String.raw`(\*|\.?[A-Za-z0-9]([-A-Za-z0-9]*[A-Za-z0-9])?(\.[A-Za-z0-9]([-A-Za-z0-9]*[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]+\])`;
const allowedHostsSchema = field(
  z.string().regex(new RegExp(`^$|^ *${allowedHostEntry}( *, *${allowedHostEntry})* *$`), {
    error:
      'ALLOWED_HOSTS must be host names separated by commas, e.g. api.example.com,.example.org (no ports, no "http://")',
  }),
  'Comma-separated host names Django serves (required); the first one is the Host header of the probes.',
  { group: 'Environment' },
);

/** gatewayValuesSchema is the zod schema of the api-gateway chart's values (coalesced with defaults). */
export const gatewayValuesSchema = z.strictObject({
  global: field(looseObject, 'Helm global values shared with the subcharts.', {
    group: 'General',
  }).optional(),
  nameOverride: field(
    z
      .string()
      .regex(new RegExp(`${objectNamePattern.source}|^$`), { error: 'Name override must be a DNS name' }),
    'Override the chart name used in resource names and the app.kubernetes.io/name label.',
    { group: 'General' },
  ),
  fullnameOverride: field(
    z.string().regex(new RegExp(`${objectNamePattern.source}|^$`), {
      error: 'Full name override must be a DNS name',
    }),
    'Override the full resource name prefix (default: <release>-<chart name>, at most 63 characters).',
    { group: 'General' },
  ),
  replicaCount: field(
    wholeNumber('Replicas', 0),
    'Number of API pods. Ignored when autoscaling is enabled (the HPA owns the count).',
    { group: 'General' },
  ),
  image: field(
    z.strictObject({
      repository: field(
        z.string({ error: 'Image repository must be text' }).regex(repositoryPattern, {
          error: 'Image repository must look like owner/name or registry.example.com/owner/name (lower case)',
        }),
        'Image repository of the Django API gateway.',
      ),
      tag: field(
        z
          .string({ error: 'Image tag must be text: quote numbers such as "1.2"' })
          .regex(new RegExp(`${tagPattern.source}|^$`), {
            error:
              'Image tag may contain letters, digits, "_", "." and "-" (at most 128, not starting with "." or "-")',
          }),
        'Image tag; empty means the chart appVersion. Pin a version, never "latest" in production.',
      ),
      digest: field(
        z.string().regex(new RegExp(`${digestPattern.source}|^$`), {
          error: 'Image digest must be empty or sha256: followed by 64 hexadecimal digits',
        }),
        'Image digest (sha256:...); when set it pins the image and takes precedence over the tag.',
      ),
      pullPolicy: field(pullPolicy, 'Image pull policy: IfNotPresent, Always or Never.'),
    }),
    'Container image of the API.',
    { group: 'Image' },
  ),
  imagePullSecrets: field(
    z.array(z.string().regex(objectNamePattern, { error: 'A pull secret must be a Secret name' })),
    'Names of Secrets holding registry credentials for pulling the image.',
    { group: 'Image' },
  ),
  serviceAccount: field(
    z.strictObject({
      create: field(
        z.boolean(),
        'Create a dedicated ServiceAccount for the pods (its token is never mounted).',
      ),
      name: field(
        nameOrEmpty('Service account name'),
        'ServiceAccount to use; empty means the full name when created, "default" otherwise.',
      ),
      annotations: field(stringMap('Annotation'), 'Annotations added to the ServiceAccount.'),
    }),
    'ServiceAccount of the pods.',
    { group: 'Security' },
  ),
  podAnnotations: field(stringMap('Annotation'), 'Annotations added to every API pod.', {
    group: 'Scheduling',
  }),
  podLabels: field(
    z.record(
      z.string().regex(labelKeyPattern, { error: 'Label keys must be valid label keys' }),
      z.string().max(63).regex(labelValuePattern, { error: 'Label values must be valid label values' }),
    ),
    'Extra labels added to every API pod.',
    { group: 'Scheduling' },
  ),
  securityContext: field(
    z.strictObject({
      runAsUser: field(
        wholeNumber('User ID', 1),
        'User ID of every container (the seed asks for 1000; 0 = root is not allowed).',
      ),
      runAsGroup: field(wholeNumber('Group ID', 1), 'Group ID of every container; must not be 0.'),
      fsGroup: field(wholeNumber('Volume group ID', 1), 'Group that owns mounted volumes.'),
    }),
    'Identity the containers run as; the rest of the Pod Security "restricted" profile is always applied.',
    { group: 'Security' },
  ),
  containerPort: field(
    wholeNumber('Container port', 1, 65535),
    'Port the Django server listens on inside the container (named "http").',
    { group: 'Service and ingress' },
  ),
  service: field(
    z.strictObject({
      type: field(
        z.enum(['ClusterIP', 'NodePort', 'LoadBalancer'], {
          error: 'Service type must be ClusterIP, NodePort or LoadBalancer',
        }),
        'Service type: ClusterIP (default), NodePort or LoadBalancer.',
      ),
      port: field(
        wholeNumber('Service port', 1, 65535),
        'Port the Service exposes (forwards to the "http" port).',
      ),
    }),
    'Service in front of the API pods.',
    { group: 'Service and ingress' },
  ),
  ingress: field(
    z.strictObject({
      enabled: field(
        z.boolean({ error: 'Ingress enabled must be true or false' }),
        'Create an Ingress for the API.',
      ),
      className: field(z.string(), 'IngressClass that serves the Ingress (nginx by default).'),
      annotations: field(stringMap('Annotation'), 'Annotations added to the Ingress.'),
      hosts: field(
        z.array(
          z.strictObject({
            host: field(hostName, 'Host name routed to the API.'),
            paths: field(
              z.array(ingressPath).min(1, { error: 'Each ingress host needs at least one path' }),
              'Paths of this host: strings ("/") or {path, pathType} objects.',
            ),
          }),
        ),
        'Hosts and their paths.',
      ),
      tls: field(
        z.array(
          z.strictObject({
            secretName: field(
              z.string().regex(objectNamePattern, { error: 'TLS secret name must be a Kubernetes name' }),
              'Secret holding the certificate and key.',
            ),
            hosts: field(z.array(hostName), 'Hosts the certificate covers.'),
          }),
        ),
        'TLS settings: a list of {secretName, hosts}.',
      ),
    }),
    'External access through an Ingress (networking.k8s.io/v1).',
    { group: 'Service and ingress' },
  ),
  resources: field(resources('API'), 'CPU and memory of the API containers.', { group: 'Resources' }),
  env: field(
    z
      .record(
        z.string().regex(envNamePattern, {
          error: 'Environment variable names use letters, digits and "_" and do not start with a digit',
        }),
        z.string({ error: 'Environment variable values must be text: quote them, e.g. DEBUG: "False"' }),
      )
      .superRefine((env, ctx) => {
        if (env.ALLOWED_HOSTS === undefined) return;
        const result = allowedHostsSchema.safeParse(env.ALLOWED_HOSTS);
        for (const issue of result.error?.issues ?? []) {
          ctx.addIssue({ code: 'custom', message: issue.message, path: ['ALLOWED_HOSTS'] });
        }
      }),
    'Plain environment variables of the Django container. ALLOWED_HOSTS is required: the comma-separated host names Django serves; its first entry is the Host header of the probes.',
    { group: 'Environment' },
  ),
  secrets: field(
    z.strictObject({
      existingSecret: field(
        nameOrEmpty('Existing secret'),
        'Name of an existing Secret with the keys SECRET_KEY and DATABASE_URL; when set, the chart renders no Secret.',
      ),
      djangoSecretKey: field(
        z.string({ error: 'The secret key must be text' }),
        'Django SECRET_KEY. Never commit it: pass it with --set or a git-ignored secrets file.',
        { secret: true },
      ),
      databaseUrl: field(
        z.string().regex(/^$|^[a-z][a-z0-9+.-]*:\/\/./, {
          error: 'Database URL must look like postgres://USER:PASSWORD@HOST:5432/NAME',
        }),
        'Database URL (postgres://USER:PASSWORD@HOST:5432/NAME). Not needed with the dev PostgreSQL.',
        { secret: true },
      ),
      extra: field(
        z.record(
          z.string().regex(envNamePattern, {
            error: 'Secret variable names use letters, digits and "_" and do not start with a digit',
          }),
          z.string({ error: 'Secret values must be text' }),
        ),
        'Extra secret environment variables (name: value), stored in the chart Secret.',
        { secret: true },
      ),
    }),
    'Secret settings: an existing Secret, or the values the chart puts in its own Secret.',
    { group: 'Secrets' },
  ),
  migrations: field(
    z.strictObject({
      enabled: field(z.boolean(), 'Run "manage.py migrate" before new pods take traffic.'),
      strategy: field(
        z.enum(['hook', 'initContainer'], { error: 'Migration strategy must be hook or initContainer' }),
        'hook: a pre-install/pre-upgrade Job (production); initContainer: in every pod (development, one replica).',
      ),
      command: field(
        z.array(z.string()).min(1, { error: 'The migration command needs at least one word' }),
        'Command that applies the migrations.',
      ),
      backoffLimit: field(
        wholeNumber('Retries', 0),
        'Retries of the migration Job before the release fails.',
      ),
      activeDeadlineSeconds: field(
        wholeNumber('Deadline', 1),
        'Seconds after which the migration Job is stopped and the release fails.',
      ),
      ttlSecondsAfterFinished: field(
        wholeNumber('Time to live', 0),
        'Seconds a finished migration Job is kept for its logs.',
      ),
    }),
    'Database migrations.',
    { group: 'Migrations' },
  ),
  waitForDatabase: field(
    z.strictObject({
      enabled: field(z.boolean(), 'Wait in an initContainer until the database accepts TCP connections.'),
      timeoutSeconds: field(
        wholeNumber('Timeout', 1, 3600),
        'Give up (and fail the pod or Job) after this many seconds.',
      ),
    }),
    'Wait for the database before starting.',
    { group: 'Migrations' },
  ),
  probes: field(
    z.strictObject({
      host: field(
        z
          .string()
          .regex(new RegExp(`${hostPattern.source}|^$`), { error: 'Probe host must be empty or a DNS name' }),
        'Host header sent by the probes; empty means the first entry of env.ALLOWED_HOSTS.',
      ),
      readiness: field(
        z.strictObject({
          path: field(
            z.string().startsWith('/', { error: 'Probe path must start with "/"' }),
            'Path of the readiness probe (may check the database).',
          ),
          periodSeconds: field(wholeNumber('Period', 1), 'Seconds between readiness checks.'),
          timeoutSeconds: field(wholeNumber('Timeout', 1), 'Seconds before a readiness check times out.'),
          failureThreshold: field(
            wholeNumber('Failure threshold', 1),
            'Consecutive failures before the pod stops receiving traffic.',
          ),
        }),
        'Readiness probe: traffic only goes to pods that pass it.',
      ),
      liveness: field(
        z.strictObject({
          path: field(
            z.string().regex(/^$|^\//, { error: 'Probe path must be empty or start with "/"' }),
            'Path of an HTTP liveness check that does not touch the database; empty means a TCP check.',
          ),
          periodSeconds: field(wholeNumber('Period', 1), 'Seconds between liveness checks.'),
          timeoutSeconds: field(wholeNumber('Timeout', 1), 'Seconds before a liveness check times out.'),
          failureThreshold: field(
            wholeNumber('Failure threshold', 1),
            'Consecutive failures before the container is restarted.',
          ),
        }),
        'Liveness probe: restarts a hung container; never depends on the database.',
      ),
      startup: field(
        z.strictObject({
          periodSeconds: field(wholeNumber('Period', 1), 'Seconds between startup checks.'),
          failureThreshold: field(
            wholeNumber('Failure threshold', 1),
            'Failures allowed while the app boots (period x threshold seconds in total).',
          ),
        }),
        'Startup probe: gives slow boots time before liveness applies.',
      ),
    }),
    'Health checks of the API container.',
    { group: 'Probes' },
  ),
  autoscaling: field(
    z
      .strictObject({
        enabled: field(
          z.boolean(),
          'Create a HorizontalPodAutoscaler (autoscaling/v2); replicaCount is then left out.',
        ),
        minReplicas: field(wholeNumber('Minimum replicas', 1), 'Lowest number of pods.'),
        maxReplicas: field(wholeNumber('Maximum replicas', 1), 'Highest number of pods.'),
        targetCPUUtilizationPercentage: field(
          wholeNumber('CPU target', 1, 100),
          'Target average CPU utilisation in percent of the request.',
        ),
        targetMemoryUtilizationPercentage: field(
          wholeNumber('Memory target', 0, 100),
          'Target average memory utilisation in percent of the request; 0 disables the memory metric.',
        ),
      })
      .superRefine((a, ctx) => {
        // Kubernetes refuses a HorizontalPodAutoscaler whose maximum is below its minimum.
        if (a.maxReplicas < a.minReplicas) {
          ctx.addIssue({
            code: 'custom',
            path: ['maxReplicas'],
            message: `Maximum replicas must be at least Minimum replicas (${a.minReplicas})`,
          });
        }
      }),
    'Horizontal pod autoscaling.',
    { group: 'Autoscaling and availability' },
  ),
  podDisruptionBudget: field(
    z.strictObject({
      enabled: field(z.boolean(), 'Create a PodDisruptionBudget.'),
      maxUnavailable: field(
        z.union([wholeNumber('Max unavailable', 0), z.string().regex(/^\d+%$/)], {
          error: 'Max unavailable must be a whole number or a percentage such as 25%',
        }),
        'Pods that may be unavailable at once during voluntary disruptions (number or percentage).',
      ),
    }),
    'Protection against voluntary disruptions (node drains).',
    { group: 'Autoscaling and availability' },
  ),
  networkPolicy: field(
    z.strictObject({
      enabled: field(
        z.boolean(),
        'Create a NetworkPolicy: only the ingress controller and the test pod may reach the pods.',
      ),
      ingressController: field(
        z.strictObject({
          namespace: field(
            z.string().regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, { error: 'Namespace must be a DNS label' }),
            'Namespace of the ingress controller (matched with kubernetes.io/metadata.name).',
          ),
          podLabels: field(
            z.record(z.string().regex(labelKeyPattern), z.string().regex(labelValuePattern)),
            'Labels of the ingress controller pods.',
          ),
        }),
        'The ingress controller allowed to reach the pods (namespace AND pod labels).',
      ),
      extraFrom: field(
        z.array(looseObject),
        'Extra allowed sources: NetworkPolicyPeer objects (ipBlock for host-network controllers, monitoring...).',
      ),
      egress: field(
        z.strictObject({
          enabled: field(
            z.boolean(),
            'Restrict egress too: DNS, the dev databases and the extra rules only.',
          ),
          extraTo: field(z.array(looseObject), 'Extra egress rules (NetworkPolicyEgressRule objects).'),
        }),
        'Egress restrictions.',
      ),
    }),
    'NetworkPolicy of the API pods.',
    { group: 'Network policy' },
  ),
  nodeSelector: field(z.record(z.string(), z.string()), 'Node labels the pods must run on.', {
    group: 'Scheduling',
  }),
  tolerations: field(z.array(looseObject), 'Tolerations of the pods.', { group: 'Scheduling' }),
  affinity: field(looseObject, 'Affinity of the pods; empty means a soft anti-affinity across nodes.', {
    group: 'Scheduling',
  }),
  topologySpreadConstraints: field(z.array(looseObject), 'Topology spread constraints of the pods.', {
    group: 'Scheduling',
  }),
  tests: field(
    z.strictObject({
      image: field(
        z.strictObject({
          repository: field(
            z.string().regex(repositoryPattern, { error: 'Not a valid image repository' }),
            'Image of the "helm test" pod.',
          ),
          tag: field(
            z.string().regex(tagPattern, { error: 'Not a valid image tag' }),
            'Pinned tag of the test image.',
          ),
        }),
        'Image of the "helm test" pod.',
      ),
    }),
    'The "helm test" pod.',
    { group: 'Tests' },
  ),
  postgresql: field(
    z.strictObject({
      enabled: field(
        z.boolean(),
        'Deploy the dev PostgreSQL subchart and point DATABASE_URL at it (needs migrations.strategy=initContainer).',
      ),
      global: field(looseObject, 'Helm global values (filled in by Helm).').optional(),
      fullnameOverride: field(
        nameOrEmpty('Full name override'),
        'Override the resource names (default: <release>-postgresql).',
      ).optional(),
      image: field(devImage('PostgreSQL'), 'PostgreSQL image.').optional(),
      auth: field(
        z.strictObject({
          username: field(
            z.string().min(1, { error: 'The database user must not be empty' }),
            'Database user.',
          ),
          password: field(z.string(), 'Database password (development only; pass it with --set).', {
            secret: true,
          }),
          database: field(
            z.string().min(1, { error: 'The database name must not be empty' }),
            'Database name.',
          ),
        }),
        'Database credentials created at first start.',
      ),
      persistence: field(persistence('database'), 'Storage of the database.').optional(),
      resources: field(optionalResources('database'), 'Resources of the database container.').optional(),
    }),
    'PostgreSQL for local development only (official postgres image).',
    { group: 'Development databases' },
  ),
  redis: field(
    z.strictObject({
      enabled: field(z.boolean(), 'Deploy the dev Redis subchart and set REDIS_URL.'),
      global: field(looseObject, 'Helm global values (filled in by Helm).').optional(),
      fullnameOverride: field(
        nameOrEmpty('Full name override'),
        'Override the resource names (default: <release>-redis).',
      ).optional(),
      image: field(devImage('Redis'), 'Redis image.').optional(),
      persistence: field(persistence('Redis'), 'Storage of Redis (append-only file).').optional(),
      resources: field(optionalResources('Redis'), 'Resources of the Redis container.').optional(),
    }),
    'Redis for local development only (official redis image).',
    { group: 'Development databases' },
  ),
});

/** GatewayValues is the TypeScript type of the chart's values. */
export type GatewayValues = z.infer<typeof gatewayValuesSchema>;

/** ValueIssue is one problem found in the values, at a dotted path, in words a user understands. */
export interface ValueIssue {
  path: string;
  message: string;
}

/** validateGatewayValues checks values (coalesced with the chart defaults) and lists every issue. */
export function validateGatewayValues(
  values: unknown,
): { ok: true; values: GatewayValues } | { ok: false; issues: ValueIssue[] } {
  const result = gatewayValuesSchema.safeParse(values);
  if (result.success) return { ok: true, values: result.data };
  return {
    ok: false,
    issues: result.error.issues.map((issue) => ({
      path: issue.path.map(String).join('.'),
      message: issueMessage(issue),
    })),
  };
}

function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((k) => `"${k}"`).join(', ');
    return `Unknown ${issue.keys.length === 1 ? 'setting' : 'settings'} ${keys}: check the spelling`;
  }
  if (issue.code === 'invalid_key' && issue.issues[0]) return issue.issues[0].message;
  return issue.message;
}

interface Walked {
  path: string;
  schema: z.ZodType;
}

function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  while (s instanceof z.ZodOptional || s instanceof z.ZodDefault || s instanceof z.ZodNullable) {
    s = s.unwrap() as z.ZodType;
  }
  return s;
}

function walk(schema: z.ZodType, prefix: string, out: Walked[]): void {
  const inner = unwrap(schema);
  if (!(inner instanceof z.ZodObject)) return;
  for (const [key, child] of Object.entries(inner.shape as Record<string, z.ZodType>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    out.push({ path, schema: child });
    walk(child, path, out);
  }
}

function buildFields(): FieldMeta[] {
  const walked: Walked[] = [];
  walk(gatewayValuesSchema, '', walked);
  const byPath = new Map<string, FieldMeta>();
  const fields: FieldMeta[] = [];
  for (const { path, schema } of walked) {
    const described = extras.has(schema) ? schema : unwrap(schema);
    const extra = extras.get(described) ?? {};
    const description = z.globalRegistry.get(described)?.description;
    if (!description) throw new Error(`gatewayValuesSchema: value ${path} has no description`);
    const parent = byPath.get(path.slice(0, Math.max(0, path.lastIndexOf('.'))));
    const meta: FieldMeta = {
      path,
      description,
      group: extra.group ?? parent?.group ?? 'General',
      secret: extra.secret ?? parent?.secret ?? false,
      optional: schema instanceof z.ZodOptional,
    };
    byPath.set(path, meta);
    fields.push(meta);
  }
  // The env map is free-form; ALLOWED_HOSTS is the one entry the chart knows.
  const env = fields.findIndex((f) => f.path === 'env');
  fields.splice(env + 1, 0, {
    path: 'env.ALLOWED_HOSTS',
    description: z.globalRegistry.get(allowedHostsSchema)?.description ?? '',
    group: 'Environment',
    secret: false,
    optional: false,
  });
  return fields;
}

/** gatewayFields lists every value of the chart (sections included) with its form metadata, in schema order. */
export const gatewayFields: readonly FieldMeta[] = buildFields();

const fieldsByPath = new Map(gatewayFields.map((f) => [f.path, f]));

/** fieldMeta returns the metadata of the value at a dotted path, or undefined if the chart has none. */
export function fieldMeta(path: string): FieldMeta | undefined {
  return fieldsByPath.get(path);
}

/** secretPaths lists the dotted paths of the values that are secrets (never written to overlays or URLs). */
export const secretPaths: readonly string[] = gatewayFields.filter((f) => f.secret).map((f) => f.path);

type JsonSchema = { [key: string]: unknown };

function tidy(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(tidy);
  if (node === null || typeof node !== 'object') return node;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(node as JsonSchema)) {
    // "Must be set" is left to the chart's `required` checks (they hold under --skip-schema-validation
    // and name what to set); the schema checks types and formats only.
    if (key === 'required') continue;
    // zod writes JavaScript's safe-integer bounds on every integer; they add nothing for Helm.
    if ((key === 'minimum' || key === 'maximum') && Math.abs(value as number) === Number.MAX_SAFE_INTEGER)
      continue;
    out[key] = tidy(value);
  }
  return out;
}

/** valuesJsonSchema returns the chart's values.schema.json (JSON Schema 2020-12, self-contained). */
export function valuesJsonSchema(): JsonSchema {
  const generated = z.toJSONSchema(gatewayValuesSchema, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'throw',
    reused: 'inline',
  }) as JsonSchema;
  const envSchema = (generated.properties as Record<string, JsonSchema>).env as JsonSchema;
  const { $schema: _, ...allowedHosts } = z.toJSONSchema(allowedHostsSchema, {
    target: 'draft-2020-12',
  }) as JsonSchema;
  envSchema.properties = { ALLOWED_HOSTS: allowedHosts };
  const { $schema, ...rest } = tidy(generated) as JsonSchema;
  return {
    $schema,
    title: 'api-gateway chart values',
    description:
      'Values of the StatusHawk api-gateway Helm chart. Generated from lib/gateway/schema.ts: do not edit.',
    ...rest,
  };
}

/** valuesJsonSchemaText is values.schema.json as committed: two-space JSON with a final newline. */
export function valuesJsonSchemaText(): string {
  return `${JSON.stringify(valuesJsonSchema(), null, 2)}\n`;
}

function defaultCell(value: unknown): string {
  if (value === undefined) return '';
  let text: string;
  if (Array.isArray(value)) text = value.length === 0 ? '[]' : JSON.stringify(value);
  else if (value !== null && typeof value === 'object')
    text = Object.keys(value).length === 0 ? '{}' : '(section)';
  else text = JSON.stringify(value);
  return text.length > 60 ? '(see values.yaml)' : `\`${text.replace(/\|/g, '\\|')}\``;
}

/**
 * valuesTableMarkdown renders the chart README's values table: every value of the schema with its
 * default (from `defaultOf`, which reads the chart's and the subcharts' values.yaml) and description.
 */
export function valuesTableMarkdown(defaultOf: (path: string) => unknown): string {
  const rows = ['| Key | Default | Description |', '| --- | --- | --- |'];
  for (const f of gatewayFields) {
    const description = f.description.replace(/\|/g, '\\|') + (f.secret ? ' **Secret.**' : '');
    rows.push(`| \`${f.path}\` | ${defaultCell(defaultOf(f.path))} | ${description} |`);
  }
  return `${rows.join('\n')}\n`;
}
