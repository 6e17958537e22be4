/** The studio's pure state logic: reducer, undo/redo, persistence, share links, diffs, name checks. */
export * from './diff';
export * from './persist';
export * from './release';
export * from './state';
