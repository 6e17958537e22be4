import { checkChartRules } from './chart-rules';
import { type Finding, type ManifestDoc, parseManifests } from './manifest';
import { validateOpenApi } from './openapi';
import { checkPodSecurity } from './pod-security';

/** CheckOptions selects the families of checks checkManifests runs (all by default). */
export interface CheckOptions {
  openApi?: boolean;
  podSecurity?: boolean;
  chartRules?: boolean;
}

/**
 * checkManifests parses rendered manifests and checks every object: OpenAPI validity (types, required
 * and unknown fields), Pod Security `restricted` for every pod template, and the chart rules of CHART.md.
 */
export function checkManifests(docs: readonly ManifestDoc[], options: CheckOptions = {}): Finding[] {
  const { openApi = true, podSecurity = true, chartRules = true } = options;
  const { objects, findings } = parseManifests(docs);
  for (const obj of objects) {
    if (openApi) findings.push(...validateOpenApi(obj));
    if (podSecurity) findings.push(...checkPodSecurity(obj));
  }
  if (chartRules) findings.push(...checkChartRules(objects));
  return findings;
}
