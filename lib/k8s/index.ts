export * from './chart-rules';
export * from './check';
export * from './manifest';
export * from './openapi';
export * from './pod-security';
