/**
 * Sprig v3.3.0's function map (`TxtFuncMap`, 211 names with aliases) as Go function values.
 * Non-deterministic functions take their clock and randomness from {@link SprigOptions}.
 */
import { cryptoFuncs } from './crypto';
import { dateFuncs } from './dates';
import { defaultFuncs } from './defaults';
import { dictFuncs } from './dicts';
import { encodingFuncs } from './encoding';
import { flowFuncs } from './flow';
import type { FuncMap, SprigEnv } from './func';
import { listFuncs } from './lists';
import { networkFuncs } from './network';
import { numericFuncs } from './numeric';
import { pathFuncs } from './paths';
import { reflectFuncs } from './reflect';
import { regexFuncs } from './regex';
import { semverFuncs } from './semver';
import { stringFuncs } from './strings';
import { urlFuncs } from './url';
import { uuidFuncs } from './uuid';

export { deepEqual, isEmpty, strval, toFloat64, toInt64 } from './cast';
export { Certificate } from './certs';
export { GoTime } from './dates';
export type { FuncMap } from './func';
export {
  checkConstraints,
  parseConstraints,
  parseVersion,
  type SemConstraints,
  SemVersion,
  semverCompare,
} from './semver';

/** SprigOptions injects the clock, the randomness and the local time zone (default UTC). */
export interface SprigOptions {
  now?: () => Date;
  random?: () => number /* [0,1) */;
  /** timeZone is Go's `time.Local` as an IANA name ('UTC' by default), or a function read on every call. */
  timeZone?: string | (() => string);
}

/** NON_HERMETIC names the functions whose output depends on the clock, randomness or the network. */
export const NON_HERMETIC: ReadonlySet<string> = new Set([
  'now',
  'ago',
  'durationRound',
  'date',
  'dateInZone',
  'date_in_zone',
  'htmlDate',
  'htmlDateInZone',
  'randAlpha',
  'randAlphaNum',
  'randAscii',
  'randNumeric',
  'randInt',
  'randBytes',
  'shuffle',
  'uuidv4',
  'bcrypt',
  'htpasswd',
  'genPrivateKey',
  'genCA',
  'genCAWithKey',
  'genSelfSignedCert',
  'genSelfSignedCertWithKey',
  'genSignedCert',
  'genSignedCertWithKey',
  'encryptAES',
  'getHostByName',
  'env',
  'expandenv',
]);

/** sprigFuncs returns sprig's full function map (Helm removes and overrides some; see lib/helm). */
export function sprigFuncs(options: SprigOptions = {}): FuncMap {
  const zone = options.timeZone ?? 'UTC';
  const env: SprigEnv = {
    now: options.now ?? (() => new Date()),
    random: options.random ?? secureRandom,
    get timeZone() {
      return typeof zone === 'function' ? zone() : zone;
    },
  };
  return {
    ...stringFuncs(env),
    ...encodingFuncs(),
    ...listFuncs(),
    ...dictFuncs(),
    ...defaultFuncs(),
    ...numericFuncs(env),
    ...reflectFuncs(),
    ...pathFuncs(),
    ...regexFuncs(),
    ...semverFuncs(),
    ...dateFuncs(env),
    ...cryptoFuncs(env),
    ...uuidFuncs(env),
    ...networkFuncs(),
    ...urlFuncs(),
    ...flowFuncs(),
    ...osFuncs(),
  };
}

/**
 * secureRandom draws from the platform's cryptographic generator (Web Crypto, present in browsers,
 * workers and Node), as Go's crypto/rand does for sprig; Math.random only where it is missing.
 */
function secureRandom(): number {
  const webCrypto = (globalThis as { crypto?: { getRandomValues?: (a: Uint32Array) => Uint32Array } }).crypto;
  if (!webCrypto?.getRandomValues) return Math.random();
  return webCrypto.getRandomValues(new Uint32Array(1))[0]! / 2 ** 32;
}

/** osFuncs are sprig's `env` and `expandenv`: a browser has no process environment, so it is empty. */
function osFuncs(): FuncMap {
  return {
    env: { name: 'env', params: ['string'], fn: () => '' },
    expandenv: {
      name: 'expandenv',
      params: ['string'],
      fn: (s) => expandEmpty(typeof s === 'string' ? s : ''),
    },
  };
}

/** expandEmpty is os.ExpandEnv with an empty environment: every `$NAME`/`${NAME}` becomes "". */
function expandEmpty(s: string): string {
  // Go: `${…}` and `$name` expand (to ""), `${}` and an unclosed `${` are eaten, a `$` before
  // anything else (or at the end) stays.
  return s.replace(/\$(\{[*#$@!?\-0-9]\}|\{[^}]*\}|\{|[*#$@!?\-0-9]|[A-Za-z0-9_]+)/g, '');
}
