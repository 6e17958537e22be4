/** Sprig's `uuidv4`: a random (version 4, RFC 4122 variant) UUID from the injected randomness. */
import { type FuncMap, goFunc, randIntn, type SprigEnv } from './func';

/** uuidv4 formats 16 random bytes as a version 4 UUID. */
export function uuidv4(env: SprigEnv): string {
  const b = Array.from({ length: 16 }, () => randIntn(env, 256));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** uuidFuncs returns sprig's uuidv4. */
export function uuidFuncs(env: SprigEnv): FuncMap {
  return { uuidv4: goFunc('uuidv4', [], () => uuidv4(env)) };
}
