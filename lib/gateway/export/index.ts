/** Export: the chart package, values and secrets files, the environments bundle and the helm command. */
export * from './bundle';
export * from './command';
export * from './package';
export * from './values-file';
export * from './version';
