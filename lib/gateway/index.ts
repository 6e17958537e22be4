export * from './environments';
export * from './form-model';
export * from './overlay';
export * from './schema';
