import {
  asArray,
  containersOf,
  type Finding,
  field,
  finding,
  isObject,
  type K8sObject,
  type PodSpecRef,
  podSpecOf,
} from './manifest';

// Volume types the restricted profile allows.
const restrictedVolumeTypes = new Set([
  'configMap',
  'csi',
  'downwardAPI',
  'emptyDir',
  'ephemeral',
  'persistentVolumeClaim',
  'projected',
  'secret',
]);

// Sysctls the baseline profile allows (Kubernetes 1.29 list).
const safeSysctls = new Set([
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.ip_unprivileged_port_start',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range',
  'net.ipv4.ip_local_reserved_ports',
  'net.ipv4.tcp_keepalive_time',
  'net.ipv4.tcp_fin_timeout',
  'net.ipv4.tcp_keepalive_intvl',
  'net.ipv4.tcp_keepalive_probes',
]);

function checkPod(obj: K8sObject, ref: PodSpecRef): Finding[] {
  const out: Finding[] = [];
  const spec = ref.spec;
  const at = ref.at || '/spec';
  const err = (rule: string, message: string) => out.push(finding(obj, 'error', `pss/${rule}`, message));
  const podSc = isObject(spec.securityContext) ? spec.securityContext : {};

  for (const ns of ['hostNetwork', 'hostPID', 'hostIPC'] as const) {
    if (spec[ns] === true) err('host-namespaces', `${at}/${ns} must not be true`);
  }
  for (const v of asArray(spec.volumes)) {
    if (!isObject(v)) continue;
    const types = Object.keys(v).filter((k) => k !== 'name');
    for (const t of types) {
      if (t === 'hostPath')
        err('host-path-volumes', `${at}/volumes ${String(v.name)}: hostPath volumes are forbidden`);
      else if (!restrictedVolumeTypes.has(t)) {
        err(
          'volume-types',
          `${at}/volumes ${String(v.name)}: volume type ${t} is not allowed by the restricted profile`,
        );
      }
    }
  }
  for (const s of asArray(field(podSc, 'sysctls'))) {
    const name = field(s, 'name');
    if (typeof name === 'string' && !safeSysctls.has(name))
      err('sysctls', `${at}: sysctl ${name} is not allowed`);
  }
  const podSeccomp = field(podSc, 'seccompProfile', 'type');
  if (podSeccomp !== undefined && podSeccomp !== 'RuntimeDefault' && podSeccomp !== 'Localhost') {
    err('seccomp', `${at}/securityContext/seccompProfile/type must be RuntimeDefault or Localhost`);
  }
  if (podSc.runAsUser === 0) err('run-as-user', `${at}/securityContext/runAsUser must not be 0`);
  const selinuxType = field(podSc, 'seLinuxOptions', 'type');
  if (
    typeof selinuxType === 'string' &&
    !['', 'container_t', 'container_init_t', 'container_kvm_t', 'container_engine_t'].includes(selinuxType)
  ) {
    err('selinux', `${at}/securityContext/seLinuxOptions/type ${selinuxType} is not allowed`);
  }

  for (const { list, name, container } of containersOf(spec)) {
    const where = `${at}/${list}[${name}]`;
    const sc = isObject(container.securityContext) ? container.securityContext : {};
    if (sc.privileged === true) err('privileged', `${where}: privileged must not be true`);
    if (sc.allowPrivilegeEscalation !== false) {
      err('allow-privilege-escalation', `${where}: securityContext.allowPrivilegeEscalation must be false`);
    }
    const runAsNonRoot = sc.runAsNonRoot ?? podSc.runAsNonRoot;
    if (runAsNonRoot !== true) {
      err(
        'run-as-non-root',
        `${where}: runAsNonRoot must be true (in the pod or the container securityContext)`,
      );
    }
    if (sc.runAsUser === 0) err('run-as-user', `${where}: securityContext.runAsUser must not be 0`);
    const seccomp = field(sc, 'seccompProfile', 'type') ?? podSeccomp;
    if (seccomp !== 'RuntimeDefault' && seccomp !== 'Localhost') {
      err(
        'seccomp',
        `${where}: seccompProfile.type must be RuntimeDefault or Localhost (in the pod or the container)`,
      );
    }
    const drop = asArray(field(sc, 'capabilities', 'drop'));
    if (!drop.includes('ALL')) err('capabilities', `${where}: capabilities.drop must include ALL`);
    for (const cap of asArray(field(sc, 'capabilities', 'add'))) {
      if (cap !== 'NET_BIND_SERVICE')
        err('capabilities', `${where}: capability ${String(cap)} may not be added`);
    }
    for (const p of asArray(container.ports)) {
      const hostPort = field(p, 'hostPort');
      if (typeof hostPort === 'number' && hostPort !== 0)
        err('host-ports', `${where}: hostPort ${hostPort} is forbidden`);
    }
    const procMount = sc.procMount;
    if (procMount !== undefined && procMount !== 'Default')
      err('proc-mount', `${where}: procMount must be Default`);
    const appArmor = field(sc, 'appArmorProfile', 'type');
    if (appArmor !== undefined && appArmor !== 'RuntimeDefault' && appArmor !== 'Localhost') {
      err('apparmor', `${where}: appArmorProfile.type must be RuntimeDefault or Localhost`);
    }
  }
  return out;
}

/**
 * checkPodSecurity checks the pod spec of a Pod, workload or CronJob against the Pod Security
 * Standards `restricted` profile (which includes `baseline`). Objects without a pod spec give nothing.
 */
export function checkPodSecurity(obj: K8sObject): Finding[] {
  const ref = podSpecOf(obj);
  return ref ? checkPod(obj, ref) : [];
}
