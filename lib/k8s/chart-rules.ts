import {
  asArray,
  asStringMap,
  containersOf,
  type Finding,
  field,
  finding,
  isObject,
  type JsonObject,
  type K8sObject,
  podSpecOf,
} from './manifest';

/** standardLabels are the labels every object of a chart carries (Helm best practices). */
export const standardLabels = [
  'app.kubernetes.io/name',
  'app.kubernetes.io/instance',
  'app.kubernetes.io/version',
  'app.kubernetes.io/managed-by',
  'app.kubernetes.io/component',
  'helm.sh/chart',
] as const;

/** selectorLabelKeys are the only labels a selector may use (they never change between releases). */
export const selectorLabelKeys = [
  'app.kubernetes.io/name',
  'app.kubernetes.io/instance',
  'app.kubernetes.io/component',
];

const dnsSubdomain = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const dnsLabel = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const labelName = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const labelValue = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

const workloadKinds = new Set(['Deployment', 'StatefulSet', 'DaemonSet']);

function validLabelKey(key: string): boolean {
  const slash = key.lastIndexOf('/');
  const prefix = slash >= 0 ? key.slice(0, slash) : '';
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (prefix && (prefix.length > 253 || !dnsSubdomain.test(prefix))) return false;
  return name.length <= 63 && labelName.test(name);
}

function subset(selector: Record<string, string>, labels: Record<string, string>): boolean {
  return Object.entries(selector).every(([k, v]) => labels[k] === v);
}

function checkLabels(obj: K8sObject, out: Finding[]): void {
  const labels = asStringMap(field(obj.object, 'metadata', 'labels'));
  const missing = standardLabels.filter((l) => !(l in labels));
  if (missing.length > 0) {
    out.push(finding(obj, 'error', 'chart/standard-labels', `metadata.labels lacks ${missing.join(', ')}`));
  }
  const check = (where: string, map: Record<string, unknown>) => {
    for (const [k, v] of Object.entries(map)) {
      if (!validLabelKey(k))
        out.push(finding(obj, 'error', 'chart/label-syntax', `${where}: invalid label key "${k}"`));
      if (typeof v !== 'string' || v.length > 63 || !labelValue.test(v)) {
        out.push(
          finding(
            obj,
            'error',
            'chart/label-syntax',
            `${where}: invalid value for label "${k}": ${JSON.stringify(v)}`,
          ),
        );
      }
    }
  };
  const raw = field(obj.object, 'metadata', 'labels');
  if (isObject(raw)) check('metadata.labels', raw);
  const pod = podSpecOf(obj);
  if (pod && obj.kind !== 'Pod') {
    const podLabels = field(
      obj.object,
      ...pod.at.split('/').filter(Boolean).slice(0, -1),
      'metadata',
      'labels',
    );
    if (isObject(podLabels)) check('pod template labels', podLabels);
    const missingPod = standardLabels.filter((l) => !(l in pod.labels));
    if (missingPod.length > 0) {
      out.push(
        finding(obj, 'error', 'chart/standard-labels', `pod template labels lack ${missingPod.join(', ')}`),
      );
    }
  }
}

function checkName(obj: K8sObject, out: Finding[]): void {
  const name = obj.name;
  if (!name) {
    out.push(finding(obj, 'error', 'chart/name', 'metadata.name is missing'));
    return;
  }
  if (name.length > 63) {
    out.push(
      finding(obj, 'error', 'chart/name', `name "${name}" has ${name.length} characters (at most 63)`),
    );
  }
  const rfc1035 = obj.kind === 'Service';
  if (rfc1035 ? !dnsLabel.test(name) : !dnsSubdomain.test(name)) {
    out.push(
      finding(
        obj,
        'error',
        'chart/name',
        `name "${name}" is not a valid ${rfc1035 ? 'DNS-1035 label' : 'DNS-1123 subdomain'}`,
      ),
    );
  }
  if (field(obj.object, 'metadata', 'namespace') !== undefined) {
    out.push(
      finding(obj, 'error', 'chart/no-namespace', 'metadata.namespace is hard-coded (let Helm set it)'),
    );
  }
}

function checkSelector(obj: K8sObject, out: Finding[]): void {
  if (!workloadKinds.has(obj.kind) && obj.kind !== 'PodDisruptionBudget') return;
  const selector = field(obj.object, 'spec', 'selector');
  if (field(selector, 'matchExpressions') !== undefined) return;
  const matchLabels = asStringMap(field(selector, 'matchLabels'));
  if (Object.keys(matchLabels).length === 0) {
    out.push(finding(obj, 'error', 'chart/selector', 'spec.selector.matchLabels is empty'));
    return;
  }
  const extra = Object.keys(matchLabels).filter((k) => !selectorLabelKeys.includes(k));
  if (extra.length > 0) {
    out.push(
      finding(
        obj,
        'error',
        'chart/selector',
        `selector uses labels that may change between releases: ${extra.join(', ')}`,
      ),
    );
  }
  const pod = podSpecOf(obj);
  if (pod && !subset(matchLabels, pod.labels)) {
    out.push(
      finding(
        obj,
        'error',
        'chart/selector',
        'spec.selector.matchLabels does not match the pod template labels',
      ),
    );
  }
}

/** podTemplates lists the pod label sets and container ports of every workload in the set. */
function podTemplates(
  objects: readonly K8sObject[],
): { obj: K8sObject; labels: Record<string, string>; ports: JsonObject[] }[] {
  const out = [];
  for (const obj of objects) {
    if (!workloadKinds.has(obj.kind) && obj.kind !== 'Pod') continue;
    const pod = podSpecOf(obj);
    if (!pod) continue;
    const ports: JsonObject[] = [];
    for (const { list, container } of containersOf(pod.spec)) {
      if (list !== 'containers') continue;
      for (const p of asArray(container.ports)) if (isObject(p)) ports.push(p);
    }
    out.push({ obj, labels: pod.labels, ports });
  }
  return out;
}

function portDeclared(port: unknown, ports: readonly JsonObject[]): boolean {
  if (typeof port === 'number') return ports.some((p) => p.containerPort === port);
  if (typeof port === 'string') return ports.some((p) => p.name === port);
  return false;
}

/**
 * djangoAllows says whether Django's ALLOWED_HOSTS (comma-separated, as the api-gateway chart passes it)
 * admits a host: `*` admits all, `.example.com` the domain and its subdomains, other entries exactly
 * (without case). An Ingress wildcard host (`*.example.com`) is admitted when any of its names would be.
 */
export function djangoAllows(allowedHosts: string, host: string): boolean {
  const name = host.toLowerCase().replace(/^\*\./, 'any-name.');
  return allowedHosts
    .split(',')
    .map((e) => e.trim().toLowerCase())
    .some((e) => e === '*' || (e.startsWith('.') ? name === e.slice(1) || name.endsWith(e) : name === e));
}

/** allowedHostsOf returns the literal ALLOWED_HOSTS values of the main containers of a pod template. */
function allowedHostsOf(obj: K8sObject): string[] {
  const pod = podSpecOf(obj);
  if (!pod) return [];
  const out: string[] = [];
  for (const { list, container } of containersOf(pod.spec)) {
    if (list !== 'containers') continue;
    for (const e of asArray(container.env)) {
      const value = field(e, 'value');
      if (field(e, 'name') === 'ALLOWED_HOSTS' && typeof value === 'string') out.push(value);
    }
  }
  return out;
}

function checkTargets(obj: K8sObject, objects: readonly K8sObject[], out: Finding[]): void {
  const pods = podTemplates(objects);
  if (obj.kind === 'Service') {
    const selector = asStringMap(field(obj.object, 'spec', 'selector'));
    if (Object.keys(selector).length === 0) {
      out.push(finding(obj, 'error', 'chart/service-selector', 'Service has no selector'));
      return;
    }
    const targets = pods.filter((p) => p.obj.kind !== 'Pod' && subset(selector, p.labels));
    if (targets.length === 0) {
      out.push(
        finding(obj, 'error', 'chart/service-selector', 'Service selector matches no workload of the chart'),
      );
      return;
    }
    for (const port of asArray(field(obj.object, 'spec', 'ports'))) {
      const target = field(port, 'targetPort') ?? field(port, 'port');
      if (!targets.every((t) => portDeclared(target, t.ports))) {
        out.push(
          finding(
            obj,
            'error',
            'chart/service-selector',
            `targetPort ${String(target)} is not a container port of the selected pods`,
          ),
        );
      }
    }
  }
  if (obj.kind === 'PodDisruptionBudget') {
    const selector = asStringMap(field(obj.object, 'spec', 'selector', 'matchLabels'));
    if (!pods.some((p) => p.obj.kind !== 'Pod' && subset(selector, p.labels))) {
      out.push(
        finding(obj, 'error', 'chart/pdb-selector', 'PodDisruptionBudget selects no workload of the chart'),
      );
    }
  }
  if (obj.kind === 'HorizontalPodAutoscaler') {
    const ref = field(obj.object, 'spec', 'scaleTargetRef');
    const target = objects.find((o) => o.kind === field(ref, 'kind') && o.name === field(ref, 'name'));
    if (!target) {
      out.push(finding(obj, 'error', 'chart/hpa-target', 'scaleTargetRef names no object of the chart'));
    } else if (field(target.object, 'spec', 'replicas') !== undefined) {
      out.push(
        finding(
          target,
          'error',
          'chart/hpa-replicas',
          `spec.replicas is set although HPA ${obj.name} owns the replica count`,
        ),
      );
    }
  }
  if (obj.kind === 'Ingress') {
    const services = new Map(objects.filter((o) => o.kind === 'Service').map((o) => [o.name, o]));
    const warned = new Set<string>();
    for (const rule of asArray(field(obj.object, 'spec', 'rules'))) {
      for (const p of asArray(field(rule, 'http', 'paths'))) {
        const svcName = field(p, 'backend', 'service', 'name');
        const svc = typeof svcName === 'string' ? services.get(svcName) : undefined;
        if (!svc) {
          out.push(
            finding(
              obj,
              'error',
              'chart/ingress-backend',
              `backend service ${String(svcName)} is not in the chart`,
            ),
          );
          continue;
        }
        // Django answers 400 Bad Request to a Host header its ALLOWED_HOSTS does not admit.
        const host = field(rule, 'host');
        const selector = asStringMap(field(svc.object, 'spec', 'selector'));
        if (typeof host === 'string' && host !== '' && Object.keys(selector).length > 0) {
          for (const target of pods.filter((t) => t.obj.kind !== 'Pod' && subset(selector, t.labels))) {
            for (const allowed of allowedHostsOf(target.obj)) {
              const key = `${host}\n${target.obj.kind}/${target.obj.name}\n${allowed}`;
              if (djangoAllows(allowed, host) || warned.has(key)) continue;
              warned.add(key);
              out.push(
                finding(
                  obj,
                  'warning',
                  'chart/allowed-hosts',
                  `host ${host} is not in ALLOWED_HOSTS of ${target.obj.kind} ${target.obj.name} ("${allowed}"): Django would answer 400 Bad Request`,
                ),
              );
            }
          }
        }
        const portName = field(p, 'backend', 'service', 'port', 'name');
        const portNumber = field(p, 'backend', 'service', 'port', 'number');
        const ok = asArray(field(svc.object, 'spec', 'ports')).some(
          (sp) =>
            (portName !== undefined && field(sp, 'name') === portName) ||
            (portNumber !== undefined && field(sp, 'port') === portNumber),
        );
        if (!ok)
          out.push(
            finding(
              obj,
              'error',
              'chart/ingress-backend',
              `backend port is not a port of Service ${svc.name}`,
            ),
          );
      }
    }
  }
}

function checkNetworkPolicy(obj: K8sObject, objects: readonly K8sObject[], out: Finding[]): void {
  if (obj.kind !== 'NetworkPolicy') return;
  const podSelector = asStringMap(field(obj.object, 'spec', 'podSelector', 'matchLabels'));
  const pods = podTemplates(objects).filter((p) => p.obj.kind !== 'Pod' && subset(podSelector, p.labels));
  if (pods.length === 0) {
    out.push(
      finding(
        obj,
        'error',
        'chart/networkpolicy-selector',
        'spec.podSelector selects no workload of the chart',
      ),
    );
  }
  const rules = asArray(field(obj.object, 'spec', 'ingress'));
  let combined = false;
  for (const rule of rules) {
    for (const peer of asArray(field(rule, 'from'))) {
      const hasNs = field(peer, 'namespaceSelector') !== undefined;
      const hasPod = field(peer, 'podSelector') !== undefined;
      if (hasNs && hasPod) combined = true;
      if (hasNs && !hasPod) {
        out.push(
          finding(
            obj,
            'warning',
            'chart/networkpolicy-peer',
            'a peer with only a namespaceSelector admits every pod of those namespaces',
          ),
        );
      }
      if (hasNs && Object.keys(asStringMap(field(peer, 'namespaceSelector', 'matchLabels'))).length === 0) {
        out.push(
          finding(
            obj,
            'error',
            'chart/networkpolicy-peer',
            'an empty namespaceSelector admits every namespace',
          ),
        );
      }
    }
    for (const port of asArray(field(rule, 'ports'))) {
      const p = field(port, 'port');
      if (p !== undefined && !pods.every((t) => portDeclared(p, t.ports))) {
        out.push(
          finding(
            obj,
            'error',
            'chart/networkpolicy-port',
            `port ${String(p)} is not a container port of the selected pods`,
          ),
        );
      }
    }
  }
  if (rules.length > 0 && !combined) {
    out.push(
      finding(
        obj,
        'error',
        'chart/networkpolicy-peer',
        'no ingress peer holds both a namespaceSelector and a podSelector (the ingress controller must be matched by namespace AND pod labels)',
      ),
    );
  }
}

function probePort(probe: unknown): unknown {
  return field(probe, 'httpGet', 'port') ?? field(probe, 'tcpSocket', 'port') ?? field(probe, 'grpc', 'port');
}

function stable(value: unknown): string {
  return JSON.stringify(value, (_k, v) =>
    isObject(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );
}

function checkPodTemplate(obj: K8sObject, objects: readonly K8sObject[], out: Finding[]): void {
  const pod = podSpecOf(obj);
  if (!pod) return;
  const spec = pod.spec;
  const longRunning = workloadKinds.has(obj.kind);
  const hook = field(obj.object, 'metadata', 'annotations', 'helm.sh/hook');

  if (spec.automountServiceAccountToken !== false) {
    out.push(
      finding(obj, 'error', 'chart/service-account-token', 'automountServiceAccountToken must be false'),
    );
  }
  if (longRunning && (spec.serviceAccountName === undefined || spec.serviceAccountName === 'default')) {
    out.push(
      finding(
        obj,
        'warning',
        'chart/service-account',
        'pods run as the default ServiceAccount; use a dedicated one',
      ),
    );
  }
  const podGroup = field(spec, 'securityContext', 'runAsGroup');
  const mounts = new Map<string, string>();
  for (const { list, name, container } of containersOf(spec)) {
    const where = `${list}[${name}]`;
    const sc = isObject(container.securityContext) ? container.securityContext : {};
    if (sc.readOnlyRootFilesystem !== true) {
      out.push(
        finding(obj, 'error', 'chart/read-only-root', `${where}: readOnlyRootFilesystem must be true`),
      );
    }
    const group = sc.runAsGroup ?? podGroup;
    if (group === undefined || group === 0) {
      out.push(finding(obj, 'error', 'chart/run-as-group', `${where}: runAsGroup must be set and non-zero`));
    }
    for (const m of asArray(container.volumeMounts)) {
      const path = field(m, 'mountPath');
      if (typeof path === 'string') mounts.set(`${name}:${path}`, String(field(m, 'name')));
    }
    const image = container.image;
    if (typeof image !== 'string' || image === '') {
      out.push(finding(obj, 'error', 'chart/image', `${where}: image is missing`));
    } else {
      const digest = image.includes('@');
      const lastSegment = image.slice(image.lastIndexOf('/') + 1);
      const tag = lastSegment.includes(':') ? lastSegment.slice(lastSegment.indexOf(':') + 1) : '';
      if (!digest && (tag === '' || tag === 'latest')) {
        out.push(
          finding(
            obj,
            'error',
            'chart/image-pinned',
            `${where}: image ${image} is not pinned to a tag or digest`,
          ),
        );
      }
    }
    const resources = container.resources;
    for (const need of [
      ['requests', 'cpu'],
      ['requests', 'memory'],
      ['limits', 'memory'],
    ] as const) {
      if (field(resources, ...need) === undefined) {
        out.push(
          finding(obj, 'error', 'chart/resources', `${where}: resources.${need.join('.')} is not set`),
        );
      }
    }
    if (sc.readOnlyRootFilesystem === true && list !== 'ephemeralContainers' && !mounts.has(`${name}:/tmp`)) {
      out.push(
        finding(
          obj,
          'warning',
          'chart/tmp-volume',
          `${where}: read-only root filesystem without a writable /tmp volume`,
        ),
      );
    }
  }

  if (longRunning) {
    const main = containersOf(spec).filter((c) => c.list === 'containers');
    for (const { name, container } of main) {
      const where = `containers[${name}]`;
      const ports = asArray(container.ports).filter(isObject);
      const readiness = container.readinessProbe;
      const liveness = container.livenessProbe;
      if (!readiness) out.push(finding(obj, 'error', 'chart/probes', `${where}: no readinessProbe`));
      if (!liveness) out.push(finding(obj, 'error', 'chart/probes', `${where}: no livenessProbe`));
      if (!container.startupProbe)
        out.push(finding(obj, 'warning', 'chart/probes', `${where}: no startupProbe`));
      if (readiness && liveness && stable(readiness) === stable(liveness)) {
        out.push(
          finding(
            obj,
            'error',
            'chart/probes',
            `${where}: livenessProbe is identical to readinessProbe (a database outage would restart every pod)`,
          ),
        );
      }
      for (const [kind, probe] of [
        ['readinessProbe', readiness],
        ['livenessProbe', liveness],
        ['startupProbe', container.startupProbe],
      ] as const) {
        if (!probe) continue;
        const port = probePort(probe);
        if (port !== undefined && !portDeclared(port, ports)) {
          out.push(
            finding(
              obj,
              'error',
              'chart/probes',
              `${where}: ${kind} port ${String(port)} is not a declared container port`,
            ),
          );
        }
        if (field(probe, 'httpGet') !== undefined) {
          const headers = asArray(field(probe, 'httpGet', 'httpHeaders'));
          if (!headers.some((h) => String(field(h, 'name')).toLowerCase() === 'host')) {
            out.push(
              finding(
                obj,
                'warning',
                'chart/probe-host',
                `${where}: ${kind} sends no Host header (kubelet sends the pod IP)`,
              ),
            );
          }
        }
      }
    }
  }

  if (obj.kind === 'Deployment') {
    const strategy = field(obj.object, 'spec', 'strategy', 'type');
    if (strategy === undefined || strategy === 'RollingUpdate') {
      const maxUnavailable = field(obj.object, 'spec', 'strategy', 'rollingUpdate', 'maxUnavailable');
      if (maxUnavailable !== 0 && maxUnavailable !== '0%') {
        out.push(
          finding(obj, 'warning', 'chart/rolling-update', 'RollingUpdate should set maxUnavailable: 0'),
        );
      }
      const replicas = field(obj.object, 'spec', 'replicas');
      const scaled = objects.some(
        (o) =>
          o.kind === 'HorizontalPodAutoscaler' &&
          field(o.object, 'spec', 'scaleTargetRef', 'name') === obj.name,
      );
      if (
        (scaled || (typeof replicas === 'number' && replicas > 1)) &&
        !field(spec, 'affinity', 'podAntiAffinity') &&
        !spec.topologySpreadConstraints
      ) {
        out.push(
          finding(
            obj,
            'warning',
            'chart/spread',
            'several replicas without pod anti-affinity or topology spread constraints',
          ),
        );
      }
    }
  }

  // Pods roll when their Secret changes only if its checksum is in the pod template.
  if (longRunning) {
    const chartSecrets = new Set(
      objects
        .filter((o) => o.kind === 'Secret' && !field(o.object, 'metadata', 'annotations', 'helm.sh/hook'))
        .map((o) => o.name),
    );
    const used = secretsUsed(spec);
    if (
      [...used].some((s) => chartSecrets.has(s)) &&
      !Object.keys(pod.annotations).some((k) => k.startsWith('checksum/'))
    ) {
      out.push(
        finding(
          obj,
          'warning',
          'chart/checksum',
          'pods use a Secret of the chart but have no checksum/ annotation',
        ),
      );
    }
  }

  if (obj.kind === 'Job' && hook !== undefined) {
    for (const key of ['backoffLimit', 'activeDeadlineSeconds', 'ttlSecondsAfterFinished'] as const) {
      if (field(obj.object, 'spec', key) === undefined) {
        out.push(finding(obj, 'error', 'chart/hook-job', `hook Job should set spec.${key}`));
      }
    }
    if (spec.restartPolicy !== 'Never') {
      out.push(finding(obj, 'error', 'chart/hook-job', 'hook Job pods should use restartPolicy: Never'));
    }
  }
}

/** secretsUsed lists the Secret names a pod spec reads (envFrom, env, volumes). */
export function secretsUsed(spec: JsonObject): Set<string> {
  const out = new Set<string>();
  for (const { container } of containersOf(spec)) {
    for (const e of asArray(container.envFrom)) {
      const n = field(e, 'secretRef', 'name');
      if (typeof n === 'string') out.add(n);
    }
    for (const e of asArray(container.env)) {
      const n = field(e, 'valueFrom', 'secretKeyRef', 'name');
      if (typeof n === 'string') out.add(n);
    }
  }
  for (const v of asArray(spec.volumes)) {
    const n = field(v, 'secret', 'secretName');
    if (typeof n === 'string') out.add(n);
  }
  return out;
}

const hookEvents = new Set([
  'pre-install',
  'post-install',
  'pre-delete',
  'post-delete',
  'pre-upgrade',
  'post-upgrade',
  'pre-rollback',
  'post-rollback',
  'test',
  'test-success',
]);

function checkHooks(obj: K8sObject, objects: readonly K8sObject[], out: Finding[]): void {
  const annotations = asStringMap(field(obj.object, 'metadata', 'annotations'));
  const hook = annotations['helm.sh/hook'];
  if (hook === undefined) return;
  const events = hook.split(',').map((e) => e.trim());
  for (const e of events) {
    if (!hookEvents.has(e)) out.push(finding(obj, 'error', 'chart/hook', `unknown hook event "${e}"`));
  }
  const isTest = events.every((e) => e === 'test' || e === 'test-success');
  const weight = annotations['helm.sh/hook-weight'];
  if (!isTest && weight === undefined) {
    out.push(finding(obj, 'error', 'chart/hook', 'hook without an explicit helm.sh/hook-weight'));
  }
  if (weight !== undefined && !/^-?\d+$/.test(weight)) {
    out.push(finding(obj, 'error', 'chart/hook', `helm.sh/hook-weight "${weight}" is not an integer`));
  }
  const policy = annotations['helm.sh/hook-delete-policy'];
  if (
    policy === undefined ||
    !policy
      .split(',')
      .map((p) => p.trim())
      .includes('before-hook-creation')
  ) {
    out.push(
      finding(
        obj,
        'error',
        'chart/hook',
        'hook without helm.sh/hook-delete-policy: before-hook-creation (a re-run would fail on the old object)',
      ),
    );
  }
  if (obj.kind === 'Job' && !isTest && annotations['helm.sh/hook-output-log-policy'] === undefined) {
    out.push(finding(obj, 'warning', 'chart/hook', 'hook Job without helm.sh/hook-output-log-policy'));
  }
  // Helm: pre-install hooks run before any non-hook object exists, so they can only read Secrets that
  // are made outside the chart or are hooks themselves with a lower weight.
  if (events.includes('pre-install')) {
    const pod = podSpecOf(obj);
    if (!pod) return;
    const myWeight = Number(weight ?? 0);
    for (const name of secretsUsed(pod.spec)) {
      const secret = objects.find((o) => o.kind === 'Secret' && o.name === name);
      if (!secret) continue;
      const sa = asStringMap(field(secret.object, 'metadata', 'annotations'));
      const sHook = sa['helm.sh/hook'];
      if (sHook === undefined) {
        out.push(
          finding(
            obj,
            'error',
            'chart/hook-secret',
            `pre-install hook reads Secret ${name}, which does not exist yet at install time`,
          ),
        );
      } else if (
        !sHook.split(',').includes('pre-install') ||
        Number(sa['helm.sh/hook-weight'] ?? 0) >= myWeight
      ) {
        out.push(
          finding(
            obj,
            'error',
            'chart/hook-secret',
            `hook Secret ${name} must be a pre-install hook with a lower weight than this hook`,
          ),
        );
      }
    }
  }
}

/** checkChartRules applies the chart rules of CHART.md that can be checked on rendered objects. */
export function checkChartRules(objects: readonly K8sObject[]): Finding[] {
  const out: Finding[] = [];
  for (const obj of objects) {
    if (!obj.kind) continue;
    checkLabels(obj, out);
    checkName(obj, out);
    checkSelector(obj, out);
    checkTargets(obj, objects, out);
    checkNetworkPolicy(obj, objects, out);
    checkPodTemplate(obj, objects, out);
    checkHooks(obj, objects, out);
  }
  return out;
}
