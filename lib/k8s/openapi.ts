import { validate as daemonSet } from 'kubernetes-models/_schemas/IoK8sApiAppsV1DaemonSet';
import { validate as deployment } from 'kubernetes-models/_schemas/IoK8sApiAppsV1Deployment';
import { validate as replicaSet } from 'kubernetes-models/_schemas/IoK8sApiAppsV1ReplicaSet';
import { validate as statefulSet } from 'kubernetes-models/_schemas/IoK8sApiAppsV1StatefulSet';
import { validate as hpaV1 } from 'kubernetes-models/_schemas/IoK8sApiAutoscalingV1HorizontalPodAutoscaler';
import { validate as hpa } from 'kubernetes-models/_schemas/IoK8sApiAutoscalingV2HorizontalPodAutoscaler';
import { validate as cronJob } from 'kubernetes-models/_schemas/IoK8sApiBatchV1CronJob';
import { validate as job } from 'kubernetes-models/_schemas/IoK8sApiBatchV1Job';
import { validate as configMap } from 'kubernetes-models/_schemas/IoK8sApiCoreV1ConfigMap';
import { validate as limitRange } from 'kubernetes-models/_schemas/IoK8sApiCoreV1LimitRange';
import { validate as namespace } from 'kubernetes-models/_schemas/IoK8sApiCoreV1Namespace';
import { validate as pv } from 'kubernetes-models/_schemas/IoK8sApiCoreV1PersistentVolume';
import { validate as pvc } from 'kubernetes-models/_schemas/IoK8sApiCoreV1PersistentVolumeClaim';
import { validate as pod } from 'kubernetes-models/_schemas/IoK8sApiCoreV1Pod';
import { validate as resourceQuota } from 'kubernetes-models/_schemas/IoK8sApiCoreV1ResourceQuota';
import { validate as secret } from 'kubernetes-models/_schemas/IoK8sApiCoreV1Secret';
import { validate as service } from 'kubernetes-models/_schemas/IoK8sApiCoreV1Service';
import { validate as serviceAccount } from 'kubernetes-models/_schemas/IoK8sApiCoreV1ServiceAccount';
import { validate as ingress } from 'kubernetes-models/_schemas/IoK8sApiNetworkingV1Ingress';
import { validate as ingressClass } from 'kubernetes-models/_schemas/IoK8sApiNetworkingV1IngressClass';
import { validate as networkPolicy } from 'kubernetes-models/_schemas/IoK8sApiNetworkingV1NetworkPolicy';
import { validate as pdb } from 'kubernetes-models/_schemas/IoK8sApiPolicyV1PodDisruptionBudget';
import { validate as clusterRole } from 'kubernetes-models/_schemas/IoK8sApiRbacV1ClusterRole';
import { validate as clusterRoleBinding } from 'kubernetes-models/_schemas/IoK8sApiRbacV1ClusterRoleBinding';
import { validate as role } from 'kubernetes-models/_schemas/IoK8sApiRbacV1Role';
import { validate as roleBinding } from 'kubernetes-models/_schemas/IoK8sApiRbacV1RoleBinding';
import { type Finding, finding, isObject, type K8sObject } from './manifest';

interface AjvError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

type Validator = ((data: unknown) => boolean) & { errors?: AjvError[] | null };

const validators: Record<string, Validator> = {
  'apps/v1/DaemonSet': daemonSet,
  'apps/v1/Deployment': deployment,
  'apps/v1/ReplicaSet': replicaSet,
  'apps/v1/StatefulSet': statefulSet,
  'autoscaling/v1/HorizontalPodAutoscaler': hpaV1,
  'autoscaling/v2/HorizontalPodAutoscaler': hpa,
  'batch/v1/CronJob': cronJob,
  'batch/v1/Job': job,
  'v1/ConfigMap': configMap,
  'v1/LimitRange': limitRange,
  'v1/Namespace': namespace,
  'v1/PersistentVolume': pv,
  'v1/ResourceQuota': resourceQuota,
  'v1/PersistentVolumeClaim': pvc,
  'v1/Pod': pod,
  'v1/Secret': secret,
  'v1/Service': service,
  'v1/ServiceAccount': serviceAccount,
  'networking.k8s.io/v1/Ingress': ingress,
  'networking.k8s.io/v1/IngressClass': ingressClass,
  'networking.k8s.io/v1/NetworkPolicy': networkPolicy,
  'policy/v1/PodDisruptionBudget': pdb,
  'rbac.authorization.k8s.io/v1/ClusterRole': clusterRole,
  'rbac.authorization.k8s.io/v1/ClusterRoleBinding': clusterRoleBinding,
  'rbac.authorization.k8s.io/v1/Role': role,
  'rbac.authorization.k8s.io/v1/RoleBinding': roleBinding,
};

/** openApiKinds lists the `apiVersion/kind` pairs validateOpenApi knows. */
export const openApiKinds: readonly string[] = Object.keys(validators);

function describeError(e: AjvError): string {
  const at = e.instancePath || '/';
  switch (e.keyword) {
    case 'required':
      return `${at}: missing required field "${String(e.params.missingProperty)}"`;
    case 'type':
      return `${at}: must be of type ${String(e.params.type)}`;
    case 'enum':
      return `${at}: must be one of ${JSON.stringify(e.params.allowedValues)}`;
    case 'format':
      return `${at}: must match format "${String(e.params.format)}"`;
    default:
      return `${at}: ${e.message ?? e.keyword}`;
  }
}

/**
 * recordingProxy wraps an object tree so that every property the validator reads is recorded per
 * object. The generated validators read each property their schema declares (and enumerate the keys of
 * free-form maps), so a key that was never read is unknown to the schema.
 */
function recordingProxy(root: unknown, seen: WeakMap<object, Set<string>>): unknown {
  const wrap = (value: unknown): unknown => {
    if (value === null || typeof value !== 'object') return value;
    let keys = seen.get(value);
    if (!keys) {
      keys = new Set();
      seen.set(value, keys);
    }
    const read = keys;
    return new Proxy(value, {
      get(target, key, receiver) {
        if (typeof key === 'string') read.add(key);
        return wrap(Reflect.get(target, key, receiver));
      },
      has(target, key) {
        if (typeof key === 'string') read.add(key);
        return Reflect.has(target, key);
      },
      ownKeys(target) {
        for (const key of Reflect.ownKeys(target)) if (typeof key === 'string') read.add(key);
        return Reflect.ownKeys(target);
      },
    });
  };
  return wrap(root);
}

function unknownFields(
  value: unknown,
  path: string,
  seen: WeakMap<object, Set<string>>,
  out: string[],
): void {
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      unknownFields(item, `${path}/${i}`, seen, out);
    });
    return;
  }
  const read = seen.get(value);
  // An object whose keys were never read at all is free-form to the schema (e.g. RawExtension).
  const typed = read !== undefined && read.size > 0;
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    if (typed && !read.has(key)) {
      out.push(`${path}/${key}`);
      continue;
    }
    unknownFields(child, `${path}/${key}`, seen, out);
  }
}

/**
 * validateOpenApi validates an object against the Kubernetes OpenAPI schema of its apiVersion and kind
 * (types, enums, required fields) and reports fields the schema does not declare.
 */
export function validateOpenApi(obj: K8sObject): Finding[] {
  const key = `${obj.apiVersion}/${obj.kind}`;
  if (!obj.apiVersion || !obj.kind) {
    return [finding(obj, 'error', 'openapi/type-meta', 'object has no apiVersion or kind')];
  }
  const validate = validators[key];
  if (!validate) {
    return [finding(obj, 'warning', 'openapi/unknown-kind', `no schema for ${key}: not validated`)];
  }
  const seen = new WeakMap<object, Set<string>>();
  const ok = validate(recordingProxy(obj.object, seen));
  const findings: Finding[] = [];
  if (!ok) {
    for (const e of validate.errors ?? [])
      findings.push(finding(obj, 'error', 'openapi/schema', describeError(e)));
  }
  const unknown: string[] = [];
  if (isObject(obj.object)) unknownFields(obj.object, '', seen, unknown);
  for (const at of unknown) {
    findings.push(finding(obj, 'error', 'openapi/unknown-field', `${at}: field is not part of ${key}`));
  }
  return findings;
}
