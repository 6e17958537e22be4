import { describe, expect, it } from 'vitest';
import { formatExecError, formatParseError } from './errors-format';

// Inputs are Go error chains in text/template's documented formats; wants are what helm v4.1.4
// printed after `Error: ` for the same templates.
const a =
  'template: c/templates/a.yaml:1:6: executing "c/templates/a.yaml" at <include "x" .>: error calling include: ';

describe('formatExecError', () => {
  const cases: { name: string; input: string[]; want: string }[] = [
    {
      name: 'nil pointer in a file',
      input: [
        'template: c/templates/a.yaml:1:13: executing "c/templates/a.yaml" at <.Values.foo.bar>: nil pointer evaluating interface {}.bar',
      ],
      want: 'c/templates/a.yaml:1:13\n  executing "c/templates/a.yaml" at <.Values.foo.bar>:\n    nil pointer evaluating interface {}.bar',
    },
    {
      name: 'nil pointer inside an include',
      input: [
        `${a}template: c/templates/_h.tpl:1:26: executing "x" at <.Values.foo.bar>: nil pointer evaluating interface {}.bar`,
        'template: c/templates/_h.tpl:1:26: executing "x" at <.Values.foo.bar>: nil pointer evaluating interface {}.bar',
      ],
      want:
        'c/templates/a.yaml:1:6\n  executing "c/templates/a.yaml" at <include "x" .>:\n    error calling include:\n' +
        'c/templates/_h.tpl:1:26\n  executing "x" at <.Values.foo.bar>:\n    nil pointer evaluating interface {}.bar',
    },
    {
      name: 'missing template inside an include',
      input: [
        `${a}template: c/templates/_h.tpl:1:19: executing "x" at <include "y" .>: error calling include: template: no template "y" associated with template "gotpl"`,
        'template: c/templates/_h.tpl:1:19: executing "x" at <include "y" .>: error calling include: template: no template "y" associated with template "gotpl"',
        'template: no template "y" associated with template "gotpl"',
      ],
      want:
        'c/templates/a.yaml:1:6\n  executing "c/templates/a.yaml" at <include "x" .>:\n    error calling include:\n' +
        'c/templates/_h.tpl:1:19\n  executing "x" at <include "y" .>:\n    error calling include:\n' +
        'template: no template "y" associated with template "gotpl"',
    },
    {
      name: 'required inside an include reports the outer position',
      input: [
        `${a}template: c/templates/_h.tpl:2:3: executing "x" at <required "need it" .Values.q>: error calling required: HELM_ERR_STARTneed itHELM_ERR_END`,
        'template: c/templates/_h.tpl:2:3: executing "x" at <required "need it" .Values.q>: error calling required: HELM_ERR_STARTneed itHELM_ERR_END',
        'HELM_ERR_STARTneed itHELM_ERR_END',
      ],
      want: 'execution error at (c/templates/a.yaml:1:6): need it',
    },
    {
      name: 'a Go function error in the chain keeps the raw message',
      input: [
        `${a}template: c/templates/_h.tpl:1:19: executing "x" at <index .Values 1>: error calling index: value has type int; should be string`,
        'template: c/templates/_h.tpl:1:19: executing "x" at <index .Values 1>: error calling index: value has type int; should be string',
        'value has type int; should be string',
      ],
      want: `${a}template: c/templates/_h.tpl:1:19: executing "x" at <index .Values 1>: error calling index: value has type int; should be string`,
    },
    {
      name: 'tpl errors stay raw',
      input: [
        'template: c/templates/a.yaml:1:6: executing "c/templates/a.yaml" at <tpl "{{ .Values.a.b }}" .>: error calling tpl: error during tpl function execution for "{{ .Values.a.b }}": template: gotpl:1:10: executing "gotpl" at <.Values.a.b>: nil pointer evaluating interface {}.b',
        'error during tpl function execution for "{{ .Values.a.b }}": template: gotpl:1:10: executing "gotpl" at <.Values.a.b>: nil pointer evaluating interface {}.b',
        'template: gotpl:1:10: executing "gotpl" at <.Values.a.b>: nil pointer evaluating interface {}.b',
      ],
      want: 'template: c/templates/a.yaml:1:6: executing "c/templates/a.yaml" at <tpl "{{ .Values.a.b }}" .>: error calling tpl: error during tpl function execution for "{{ .Values.a.b }}": template: gotpl:1:10: executing "gotpl" at <.Values.a.b>: nil pointer evaluating interface {}.b',
    },
  ];
  for (const { name, input, want } of cases) {
    it(name, () => expect(formatExecError('c/templates/a.yaml', input)).toBe(want));
  }
  it('returns a non-exec error unchanged', () => {
    expect(formatExecError('f', ['rendering template failed: boom'], false)).toBe(
      'rendering template failed: boom',
    );
  });
});

describe('formatParseError', () => {
  const cases: { name: string; input: string; want: string }[] = [
    {
      name: 'keeps the location and the last segment',
      input: 'template: t/templates/t.yaml:1: illegal number syntax: "08"',
      want: 'parse error at (t/templates/t.yaml:1): "08"',
    },
    {
      name: 'function not defined',
      input: 'template: t/templates/t.yaml:3: function "env" not defined',
      want: 'parse error at (t/templates/t.yaml:3): function "env" not defined',
    },
  ];
  for (const { name, input, want } of cases) {
    it(name, () => expect(formatParseError('t/templates/t.yaml', input)).toBe(want));
  }
});
