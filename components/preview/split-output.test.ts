import { describe, expect, it } from 'vitest';
import { splitOutput } from './split-output';

const stdout =
  '---\n# Source: api-gateway/templates/service.yaml\napiVersion: v1\nkind: Service\nmetadata:\n  name: rel-api-gateway\n  labels:\n    a: b\nspec: {}\n' +
  '---\n# Source: api-gateway/templates/deployment.yaml\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  labels:\n    x: "1"\n  name: "quoted"\n';

describe('splitOutput', () => {
  it('cuts documents that join back to the output', () => {
    const docs = splitOutput(stdout);
    expect(docs.map((d) => d.text).join('')).toBe(stdout);
    expect(docs.map((d) => [d.source, d.kind, d.name])).toEqual([
      ['api-gateway/templates/service.yaml', 'Service', 'rel-api-gateway'],
      ['api-gateway/templates/deployment.yaml', 'Deployment', 'quoted'],
    ]);
  });
  it('handles empty output', () => expect(splitOutput('')).toEqual([]));
  it('keeps text before the first document', () => {
    const docs = splitOutput(`preamble\n${stdout}`);
    expect(docs.map((d) => d.text).join('')).toBe(`preamble\n${stdout}`);
    expect(docs).toHaveLength(3);
  });
  it('does not split at a --- inside a block scalar', () => {
    const text = '---\n# Source: a.yaml\nkind: ConfigMap\ndata:\n  x: |\n    ---\n    y\n';
    expect(splitOutput(text)).toHaveLength(1);
  });
});
