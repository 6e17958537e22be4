/** Go's value model and formatting, shared by every engine module. */

export * from './base64';
export * from './bytes';
export * from './fmt';
export * from './strconv';
export * from './value';
