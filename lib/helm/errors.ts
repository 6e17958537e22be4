/**
 * HelmError is an error Helm itself would report; its message is exactly what `helm` prints after
 * `Error: ` (for example `validation: chart.metadata.name is required`).
 */
export class HelmError extends Error {
  override name = 'HelmError';
}
