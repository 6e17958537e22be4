/**
 * Export: values and secrets files, the helm command, chart version checks.
 * The chart package (`./package`, which pulls in the Helm archive writer) and the environments bundle
 * (`./bundle`, jszip) are separate entry points so a page can load them on first use.
 */
export * from './command';
export * from './values-file';
export * from './version';
