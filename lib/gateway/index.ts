export * from './environments';
export * from './export';
export * from './form-model';
export * from './overlay';
export * from './schema';
