/**
 * Sprig's path functions: Go's `path` package (slash-separated) and `path/filepath`, which on the
 * reference platform (Linux) behaves the same.
 */
import { strArg } from './cast';
import { type FuncMap, goFunc } from './func';

/** clean is path.Clean: the shortest equivalent path by lexical processing. */
export function clean(p: string): string {
  if (p === '') return '.';
  const rooted = p.startsWith('/');
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
      continue;
    }
    out.push(part);
  }
  const joined = out.join('/');
  if (rooted) return `/${joined}`;
  return joined === '' ? '.' : joined;
}

/** base is path.Base: the last element, trailing slashes removed ("." for "", "/" for slashes). */
export function base(p: string): string {
  if (p === '') return '.';
  const trimmed = p.replace(/\/+$/, '');
  if (trimmed === '') return '/';
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** dir is path.Dir: everything before the last element, cleaned. */
export function dir(p: string): string {
  return clean(p.slice(0, p.lastIndexOf('/') + 1));
}

/** ext is path.Ext: the suffix from the final dot of the last element ("" without one). */
export function ext(p: string): string {
  for (let i = p.length - 1; i >= 0 && p[i] !== '/'; i--) {
    if (p[i] === '.') return p.slice(i);
  }
  return '';
}

/** pathFuncs returns base, dir, clean, ext, isAbs and their `os*` (filepath) twins. */
export function pathFuncs(): FuncMap {
  const S = ['string'] as const;
  const fns: Record<string, (p: string) => string | boolean> = {
    base,
    dir,
    clean,
    ext,
    isAbs: (p) => p.startsWith('/'),
  };
  const out: FuncMap = {};
  for (const [name, f] of Object.entries(fns)) {
    const os = `os${name[0]!.toUpperCase()}${name.slice(1)}`;
    out[name] = goFunc(name, S, (p) => f(strArg(p)));
    out[os] = goFunc(os, S, (p) => f(strArg(p)));
  }
  return out;
}
