/** Sprig's `urlParse` and `urlJoin`, following Go's net/url parsing, escaping and String(). */
import { GoMap, GoPanic, type GoValue, goKindName, quoteString } from '../go';
import { fromUtf8, NIL_DEREF, strArg, utf8 } from './cast';
import { type FuncMap, goFunc } from './func';

type Mode = 'path' | 'host' | 'userPassword' | 'query' | 'fragment';

class UrlError extends Error {}

function shouldEscape(c: number, mode: Mode): boolean {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z0-9]/.test(ch)) return false;
  if (mode === 'host' && `!$&'()*+,;=:[]<>"`.includes(ch)) return false;
  if ('-_.~'.includes(ch)) return false;
  if ('$&+,/:;=?@'.includes(ch)) {
    switch (mode) {
      case 'userPassword':
        return '@/?:'.includes(ch);
      case 'path':
        return ch === '?';
      case 'query':
        return true;
      case 'fragment':
        return false;
      default:
        break;
    }
  }
  if (mode === 'fragment' && '!()*'.includes(ch)) return false;
  return true;
}

/** escape is net/url's escape: percent-encodes the UTF-8 bytes that the mode does not allow. */
function urlEscape(s: string, mode: Mode): string {
  let out = '';
  for (const b of utf8(s)) {
    if (shouldEscape(b, mode)) out += `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
    else out += String.fromCharCode(b);
  }
  return out;
}

/** unescape is net/url's unescape (invalid `%` sequences are errors). */
function urlUnescape(s: string, mode: Mode): string {
  const bytes = utf8(s);
  const out: number[] = [];
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 0x25) {
      const hex = String.fromCharCode(bytes[i + 1] ?? 0, bytes[i + 2] ?? 0);
      if (!/^[0-9a-fA-F]{2}$/.test(hex)) {
        const bad = fromUtf8(bytes.subarray(i, Math.min(i + 3, bytes.length)));
        throw new UrlError(`invalid URL escape ${quoteString(bad)}`);
      }
      // Go: in a host, only non-ASCII bytes may be percent-encoded (and `%25` in an IPv6 zone).
      if (mode === 'host' && parseInt(hex[0]!, 16) < 8 && hex !== '25') {
        throw new UrlError(`invalid URL escape ${quoteString(`%${hex}`)}`);
      }
      out.push(parseInt(hex, 16));
      i += 2;
    } else if (b === 0x2b && mode === 'query') out.push(0x20);
    else if (mode === 'host' && b < 0x80 && shouldEscape(b, 'host')) {
      throw new UrlError(`invalid character ${quoteString(String.fromCharCode(b))} in host name`);
    } else out.push(b);
  }
  return fromUtf8(Uint8Array.from(out));
}

interface Url {
  scheme: string;
  opaque: string;
  user?: { username: string; password?: string };
  host: string;
  path: string;
  rawQuery: string;
  forceQuery: boolean;
  fragment: string;
}

function userString(u: NonNullable<Url['user']>): string {
  let s = urlEscape(u.username, 'userPassword');
  if (u.password !== undefined) s += `:${urlEscape(u.password, 'userPassword')}`;
  return s;
}

function parseHost(host: string): string {
  if (host.startsWith('[')) {
    const i = host.lastIndexOf(']');
    if (i < 0) throw new UrlError("missing ']' in host");
    const port = host.slice(i + 1);
    if (port !== '' && !/^:\d*$/.test(port))
      throw new UrlError(`invalid port ${quoteString(port)} after host`);
    return urlUnescape(host, 'host');
  }
  const i = host.lastIndexOf(':');
  if (i >= 0) {
    const port = host.slice(i);
    if (!/^:\d*$/.test(port)) throw new UrlError(`invalid port ${quoteString(port)} after host`);
  }
  return urlUnescape(host, 'host');
}

function parse(raw: string): Url {
  const hash = raw.indexOf('#');
  const main = hash >= 0 ? raw.slice(0, hash) : raw;
  const u: Url = {
    scheme: '',
    opaque: '',
    host: '',
    path: '',
    rawQuery: '',
    forceQuery: false,
    fragment: '',
  };
  if (/[\x00-\x1f\x7f]/.test(raw)) throw new UrlError('net/url: invalid control character in URL');
  let rest = main;
  if (main !== '*') {
    const m = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(main);
    if (main.startsWith(':')) throw new UrlError('missing protocol scheme');
    if (m) {
      u.scheme = m[1]!.toLowerCase();
      rest = main.slice(m[0].length);
    }
    if (rest.endsWith('?') && rest.split('?').length === 2) {
      u.forceQuery = true;
      rest = rest.slice(0, -1);
    } else {
      const q = rest.indexOf('?');
      if (q >= 0) {
        u.rawQuery = rest.slice(q + 1);
        rest = rest.slice(0, q);
      }
    }
    if (!rest.startsWith('/')) {
      if (u.scheme !== '') {
        u.opaque = rest;
        rest = '';
      } else if (rest.split('/')[0]!.includes(':')) {
        throw new UrlError('first path segment in URL cannot contain colon');
      }
    }
    if (u.opaque === '' && (u.scheme !== '' || !rest.startsWith('///')) && rest.startsWith('//')) {
      const afterSlashes = rest.slice(2);
      const slash = afterSlashes.indexOf('/');
      const authority = slash >= 0 ? afterSlashes.slice(0, slash) : afterSlashes;
      rest = slash >= 0 ? afterSlashes.slice(slash) : '';
      const at = authority.lastIndexOf('@');
      if (at < 0) u.host = parseHost(authority);
      else {
        u.host = parseHost(authority.slice(at + 1));
        const info = authority.slice(0, at);
        if (!/^[A-Za-z0-9\-._:~!$&'()*+,;=%@]*$/.test(info)) throw new UrlError('net/url: invalid userinfo');
        const colon = info.indexOf(':');
        u.user =
          colon < 0
            ? { username: urlUnescape(info, 'userPassword') }
            : {
                username: urlUnescape(info.slice(0, colon), 'userPassword'),
                password: urlUnescape(info.slice(colon + 1), 'userPassword'),
              };
      }
    }
  }
  if (u.opaque === '') u.path = urlUnescape(rest, 'path');
  if (hash >= 0) u.fragment = urlUnescape(raw.slice(hash + 1), 'fragment');
  return u;
}

function hostname(host: string): string {
  if (host.startsWith('[')) {
    const i = host.indexOf(']');
    return i >= 0 ? host.slice(1, i) : host.slice(1);
  }
  const i = host.lastIndexOf(':');
  return i >= 0 ? host.slice(0, i) : host;
}

/** urlString is url.URL.String(). */
function urlString(u: Url): string {
  let out = '';
  if (u.scheme !== '') out += `${u.scheme}:`;
  if (u.opaque !== '') out += u.opaque;
  else {
    if (u.scheme !== '' || u.host !== '' || u.user) {
      if (u.host !== '' || u.path !== '' || u.user) out += '//';
      if (u.user) out += `${userString(u.user)}@`;
      if (u.host !== '') out += urlEscape(u.host, 'host');
    }
    const path = u.path === '*' ? '*' : urlEscape(u.path, 'path');
    if (path !== '' && path[0] !== '/' && u.host !== '') out += '/';
    if (out === '' && path.split('/')[0]!.includes(':')) out += './';
    out += path;
  }
  if (u.forceQuery || u.rawQuery !== '') out += `?${u.rawQuery}`;
  if (u.fragment !== '') out += `#${urlEscape(u.fragment, 'fragment')}`;
  return out;
}

function dictString(d: GoMap, key: string): string {
  if (!d.has(key)) return '';
  const v: GoValue = d.get(key)!;
  // Go: reflect.TypeOf(nil).Kind() dereferences a nil type.
  if (v === null) throw new GoPanic(NIL_DEREF);
  if (typeof v !== 'string') {
    const kind = goKindName(v);
    throw new GoPanic(`unable to parse ${key} key, must be of type string, but ${kind} found`);
  }
  return v;
}

/** urlFuncs returns sprig's urlParse and urlJoin. */
export function urlFuncs(): FuncMap {
  return {
    urlParse: goFunc('urlParse', ['string'], (s) => {
      const raw = strArg(s);
      let u: Url;
      try {
        u = parse(raw);
      } catch (e) {
        if (e instanceof UrlError)
          throw new GoPanic(`unable to parse url: parse ${quoteString(raw)}: ${e.message}`);
        throw e;
      }
      return new GoMap([
        ['scheme', u.scheme],
        ['host', u.host],
        ['hostname', hostname(u.host)],
        ['path', u.path],
        ['query', u.rawQuery],
        ['opaque', u.opaque],
        ['fragment', u.fragment],
        ['userinfo', u.user ? userString(u.user) : ''],
      ]);
    }),
    urlJoin: goFunc('urlJoin', ['map[string]interface {}'], (dv) => {
      const d = dv instanceof GoMap ? dv : new GoMap();
      const u: Url = {
        scheme: dictString(d, 'scheme'),
        host: dictString(d, 'host'),
        path: dictString(d, 'path'),
        rawQuery: dictString(d, 'query'),
        opaque: dictString(d, 'opaque'),
        fragment: dictString(d, 'fragment'),
        forceQuery: false,
      };
      const info = dictString(d, 'userinfo');
      if (info !== '') {
        try {
          u.user = parse(`proto://${info}@host`).user;
        } catch (e) {
          if (e instanceof UrlError) {
            throw new GoPanic(`unable to parse userinfo in dict: parse "proto://${info}@host": ${e.message}`);
          }
          throw e;
        }
      }
      return urlString(u);
    }),
  };
}
