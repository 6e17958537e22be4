import { describe, expect, it } from 'vitest';
import { parseManifests } from './manifest';
import { openApiKinds, validateOpenApi } from './openapi';

function validate(text: string): string[] {
  const { objects } = parseManifests([{ path: 'x.yaml', text }]);
  return objects.flatMap((o) => validateOpenApi(o).map((f) => `${f.rule} ${f.message}`));
}

describe('validateOpenApi', () => {
  const valid: { name: string; input: string }[] = [
    {
      name: 'Namespace with labels',
      input: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n  labels: {app: web}\n',
    },
    {
      name: 'ClusterRole with rules',
      input:
        'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: r}\nrules:\n- apiGroups: [""]\n  resources: [pods]\n  verbs: [get]\n',
    },
    {
      name: 'HPA v2 with a memory metric',
      input:
        'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: h}\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: d}\n  maxReplicas: 3\n  metrics:\n  - type: Resource\n    resource: {name: memory, target: {type: Utilization, averageUtilization: 70}}\n',
    },
    {
      name: 'PVC with a storage request',
      input:
        'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: p}\nspec:\n  accessModes: [ReadWriteOnce]\n  resources: {requests: {storage: 1Gi}}\n',
    },
    {
      name: 'Service with a named target port',
      input:
        'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  ports: [{port: 80, targetPort: http}]\n',
    },
  ];
  for (const { name, input } of valid) {
    it(`accepts ${name}`, () => {
      expect(validate(input)).toEqual([]);
    });
  }

  const invalid: { name: string; input: string; want: string }[] = [
    {
      name: 'an unknown field in metadata',
      input: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n  label: {app: web}\n',
      want: 'openapi/unknown-field /metadata/label: field is not part of v1/Namespace',
    },
    {
      name: 'a port as a string where an integer is wanted',
      input: 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  ports: [{port: "80"}]\n',
      want: 'openapi/schema /spec/ports/0/port: must be of type integer',
    },
    {
      name: 'a rule without verbs',
      input:
        'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: r}\nrules:\n- resources: [pods]\n',
      want: 'openapi/schema /rules/0: missing required field "verbs"',
    },
    {
      name: 'an unknown kind',
      input: 'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n',
      want: 'openapi/unknown-kind no schema for example.com/v1/Widget: not validated',
    },
  ];
  for (const { name, input, want } of invalid) {
    it(`reports ${name}`, () => {
      expect(validate(input)).toContain(want);
    });
  }

  it('knows the kinds a chart usually renders', () => {
    expect(openApiKinds).toEqual(
      expect.arrayContaining([
        'apps/v1/Deployment',
        'batch/v1/Job',
        'networking.k8s.io/v1/NetworkPolicy',
        'v1/Secret',
      ]),
    );
  });
});
