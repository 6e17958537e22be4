import { describe, expect, it } from 'vitest';
import { loadChart } from './chart';
import { sortTemplates } from './engine';
import { helmTemplate } from './template-command';

const enc = new TextEncoder();
function chart(files: Record<string, string>) {
  return loadChart(Object.entries(files).map(([path, text]) => ({ path, data: enc.encode(text) })));
}
const chartYaml = 'apiVersion: v2\nname: c\nversion: 0.1.0\n';

describe('sortTemplates', () => {
  // ENGINE.md §1.8: deepest first, then reverse byte order of the full path.
  it('orders as Helm parses', () => {
    const input = [
      'c3/templates/_a.tpl',
      'c3/templates/main.yaml',
      'c3/charts/child/templates/_h.tpl',
      'c3/templates/sub/_c.tpl',
      'c3/templates/_b.tpl',
      'c3/charts/child/templates/cm.yaml',
    ];
    expect(sortTemplates(input)).toEqual([
      'c3/charts/child/templates/cm.yaml',
      'c3/charts/child/templates/_h.tpl',
      'c3/templates/sub/_c.tpl',
      'c3/templates/main.yaml',
      'c3/templates/_b.tpl',
      'c3/templates/_a.tpl',
    ]);
  });
});

describe('helmTemplate', () => {
  it('returns manifests with kind, name and hook, and the root notes', () => {
    const r = helmTemplate(
      chart({
        'Chart.yaml': chartYaml,
        'templates/NOTES.txt': 'Thanks {{ .Release.Name }}',
        'templates/a.yaml':
          'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: t\n  annotations:\n    helm.sh/hook: test\n',
      }),
      { releaseName: 'r' },
    );
    expect(r.exitCode).toBe(0);
    expect(r.notes).toBe('Thanks r');
    expect(r.manifests.map((m) => [m.path, m.kind, m.name, m.hook])).toEqual([
      ['c/templates/a.yaml', 'ConfigMap', 'a', undefined],
      ['c/templates/a.yaml', 'Pod', 't', 'test'],
    ]);
  });

  it('locates an execution error', () => {
    const r = helmTemplate(
      chart({ 'Chart.yaml': chartYaml, 'templates/a.yaml': 'a: 1\nb: {{ .Values.foo.bar }}\n' }),
    );
    expect(r.exitCode).toBe(1);
    expect(r.error).toMatchObject({ file: 'c/templates/a.yaml', line: 2, col: 13, valuePath: 'foo.bar' });
    expect(r.stderr).toBe(
      'Error: c/templates/a.yaml:2:13\n  executing "c/templates/a.yaml" at <.Values.foo.bar>:\n    nil pointer evaluating interface {}.bar\n\nUse --debug flag to render out invalid YAML\n',
    );
  });

  it('names the value of a failing required inside an include', () => {
    const r = helmTemplate(
      chart({
        'Chart.yaml': chartYaml,
        'templates/_h.tpl': '{{ define "h" }}{{ required "set host" .Values.host }}{{ end }}',
        'templates/a.yaml': 'a: {{ include "h" . }}\n',
      }),
    );
    expect(r.error).toMatchObject({
      message:
        'execution error at (c/templates/a.yaml:1:6): set host\n\nUse --debug flag to render out invalid YAML',
      valuePath: 'host',
    });
  });

  it('reports bad values without throwing', () => {
    const r = helmTemplate(chart({ 'Chart.yaml': chartYaml, 'templates/a.yaml': 'a: 1\n' }), { set: ['a'] });
    expect(r).toMatchObject({
      exitCode: 1,
      stdout: '',
      stderr: 'Error: failed parsing --set data: key "a" has no value\n',
    });
  });

  it('stops a runaway template at the step budget', () => {
    const r = helmTemplate(
      chart({
        'Chart.yaml': chartYaml,
        'templates/a.yaml': '{{ range until 100000 }}{{ range until 100000 }}x{{ end }}{{ end }}',
      }),
      { maxSteps: 100_000 },
    );
    expect(r.exitCode).toBe(1);
    expect(r.error?.file).toBe('c/templates/a.yaml');
  });

  it('takes the clock from the options', () => {
    const r = helmTemplate(
      chart({ 'Chart.yaml': chartYaml, 'templates/a.yaml': 'y: {{ now | date "2006" }}\n' }),
      { now: () => new Date(Date.UTC(2001, 5, 1)) },
    );
    expect(r.stdout).toBe('---\n# Source: c/templates/a.yaml\ny: 2001\n');
  });
});

describe('include recursion and the JavaScript stack', () => {
  const files = {
    'Chart.yaml': chartYaml,
    'templates/_h.tpl':
      '{{- define "down" -}}{{- if gt (int .) 0 -}}{{ include "down" (sub (int .) 1) }}{{- end -}}x{{- end -}}',
    'templates/cm.yaml': 'n: {{ include "down" .Values.depth | len }}\n',
  };
  it('a shallow recursion renders and is not marked', () => {
    const r = helmTemplate(chart(files), { valueFiles: ['depth: 50\n'] });
    expect(r.stdout).toContain('n: 51');
    expect(r.error).toBeUndefined();
  });
  it('a recursion cut by the stack before 1000 levels is marked, with Helm’s runaway message', () => {
    // Node's default stack (about 1 MB) ends well before 1000 levels of include; Helm would refuse at 1002.
    const r = helmTemplate(chart(files), { valueFiles: ['depth: 100000\n'] });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain(
      'rendering template has a nested reference name: down: unable to execute template',
    );
    expect(r.error?.stackLimited).toBe(true);
  });
});
