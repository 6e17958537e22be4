import { HelmError } from './errors';

/**
 * Helm's `.helmignore` rules: one pattern per line, `#` comments, `!` negation, a trailing `/` for
 * directories, a leading `/` anchors at the chart root, a pattern with a `/` matches the whole path and a
 * pattern without one matches the base name. Patterns use Go's `filepath.Match` syntax; `**` is rejected.
 */

/** globSyntaxError is Go's `filepath.ErrBadPattern` text. */
const globSyntaxError = 'syntax error in pattern';

type GlobToken =
  | { kind: 'star' }
  | { kind: 'any' }
  | { kind: 'char'; ch: number }
  | { kind: 'class'; negated: boolean; ranges: [number, number][] };

/** compileGlob parses a Go `filepath.Match` pattern into tokens; it throws on a malformed pattern. */
function compileGlob(pattern: string): GlobToken[] {
  const cps = Array.from(pattern, (c) => c.codePointAt(0) ?? 0);
  const out: GlobToken[] = [];
  const bad = () => new HelmError(globSyntaxError);
  let i = 0;
  const escaped = (): number => {
    // A class bound: `-` and `]` must be escaped; `\x` is x.
    let c = cps[i];
    if (c === undefined || c === 0x2d || c === 0x5d) throw bad();
    if (c === 0x5c) {
      i++;
      c = cps[i];
      if (c === undefined) throw bad();
    }
    i++;
    // Go: a class must be closed, so a bound can never be the last character.
    if (i >= cps.length) throw bad();
    return c;
  };
  while (i < cps.length) {
    const c = cps[i] as number;
    if (c === 0x2a) {
      out.push({ kind: 'star' });
      i++;
    } else if (c === 0x3f) {
      out.push({ kind: 'any' });
      i++;
    } else if (c === 0x5c) {
      i++;
      const n = cps[i];
      if (n === undefined) throw bad();
      out.push({ kind: 'char', ch: n });
      i++;
    } else if (c === 0x5b) {
      i++;
      let negated = false;
      if (cps[i] === 0x5e) {
        negated = true;
        i++;
      }
      const ranges: [number, number][] = [];
      for (;;) {
        if (cps[i] === 0x5d && ranges.length > 0) {
          i++;
          break;
        }
        const lo = escaped();
        let hi = lo;
        if (cps[i] === 0x2d) {
          i++;
          hi = escaped();
        }
        ranges.push([lo, hi]);
      }
      out.push({ kind: 'class', negated, ranges });
    } else {
      out.push({ kind: 'char', ch: c });
      i++;
    }
  }
  return out;
}

/** matchTokens reports whether the code points of a name match the tokens from position ti/ni. */
function matchTokens(tokens: GlobToken[], ti: number, name: number[], ni: number): boolean {
  while (ti < tokens.length) {
    const t = tokens[ti] as GlobToken;
    if (t.kind === 'star') {
      // Go: `*` matches any sequence of non-separator characters.
      for (let k = ni; k <= name.length; k++) {
        if (matchTokens(tokens, ti + 1, name, k)) return true;
        if (k < name.length && name[k] === 0x2f) return false;
      }
      return false;
    }
    const c = name[ni];
    if (c === undefined) return false;
    if (t.kind === 'any') {
      if (c === 0x2f) return false;
    } else if (t.kind === 'char') {
      if (c !== t.ch) return false;
    } else {
      const inClass = t.ranges.some(([lo, hi]) => lo <= c && c <= hi);
      if (inClass === t.negated) return false;
    }
    ti++;
    ni++;
  }
  return ni === name.length;
}

/**
 * globMatch is Go's `filepath.Match` with `/` as separator: `*` and `?` never match `/`, `[...]`
 * classes (`^` negates, `a-z` ranges) and `\` escapes. It throws a HelmError `syntax error in pattern`
 * for a malformed pattern, whatever the name.
 */
export function globMatch(pattern: string, name: string): boolean {
  const tokens = compileGlob(pattern);
  return matchTokens(
    tokens,
    0,
    Array.from(name, (c) => c.codePointAt(0) ?? 0),
    0,
  );
}

interface IgnoreRule {
  raw: string;
  pattern: string;
  tokens: GlobToken[] | undefined;
  negate: boolean;
  mustDir: boolean;
  mode: 'rooted' | 'path' | 'base';
}

/** HelmIgnore is a parsed `.helmignore` rule set, evaluated by {@link HelmIgnore.ignores}. */
export class HelmIgnore {
  private readonly rules: IgnoreRule[] = [];

  /**
   * parse reads the text of a `.helmignore` file (a UTF-8 BOM is dropped). It throws a HelmError
   * with Helm's message for `**` or a malformed pattern.
   */
  static parse(text: string): HelmIgnore {
    const r = new HelmIgnore();
    const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
    // Go: bufio.ScanLines drops the `\n` and one `\r` before it.
    const lines = body.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    for (const line of lines) r.add(line.endsWith('\r') ? line.slice(0, -1) : line);
    return r;
  }

  /** withDefaults adds Helm's default rule `templates/.?*` (dotfiles in templates/) and returns this. */
  withDefaults(): HelmIgnore {
    this.add('templates/.?*');
    return this;
  }

  /** add parses one rule line; blank lines and `#` comments are skipped. */
  add(line: string): void {
    let rule = line.trim();
    if (rule === '' || rule.startsWith('#')) return;
    if (rule.includes('**')) throw new HelmError('double-star (**) syntax is not supported');
    globMatch(rule, 'abc');
    const raw = rule;
    let negate = false;
    let mustDir = false;
    if (rule.startsWith('!')) {
      negate = true;
      rule = rule.slice(1);
    }
    if (rule.endsWith('/')) {
      mustDir = true;
      rule = rule.slice(0, -1);
    }
    let mode: IgnoreRule['mode'];
    if (rule.startsWith('/')) {
      mode = 'rooted';
      rule = rule.slice(1);
    } else {
      mode = rule.includes('/') ? 'path' : 'base';
    }
    let tokens: GlobToken[] | undefined;
    try {
      tokens = compileGlob(rule);
    } catch {
      // Helm: a pattern that fails to compile at match time matches nothing.
      tokens = undefined;
    }
    this.rules.push({ raw, pattern: rule, tokens, negate, mustDir, mode });
  }

  /**
   * ignores reports whether a path (relative to the chart root, `/`-separated) is ignored. Rules are
   * tried in order and the first match decides.
   */
  ignores(path: string, isDir: boolean): boolean {
    if (path === '' || path === '.' || path === './') return false;
    // The path and its base name as code points, made once for all rules.
    let full: number[] | undefined;
    let base: number[] | undefined;
    const subject = (r: IgnoreRule) =>
      r.mode === 'base' ? (base ??= codePoints(baseName(path))) : (full ??= codePoints(path));
    for (const r of this.rules) {
      if (r.negate) {
        // Helm: a negated rule ignores every path it does not match (and every file when it names a
        // directory); a path it matches goes on to the next rule.
        if (r.mustDir && !isDir) return true;
        if (!r.tokens || !matchTokens(r.tokens, 0, subject(r), 0)) return true;
        continue;
      }
      if (r.mustDir && !isDir) continue;
      if (r.tokens && matchTokens(r.tokens, 0, subject(r), 0)) return true;
    }
    return false;
  }
}

function codePoints(s: string): number[] {
  return Array.from(s, (c) => c.codePointAt(0) ?? 0);
}

/** baseName is Go's `filepath.Base` for `/`-separated paths. */
function baseName(path: string): string {
  const p = path.replace(/\/+$/, '');
  if (p === '') return '/';
  const i = p.lastIndexOf('/');
  return i < 0 ? p : p.slice(i + 1);
}

/**
 * isPathIgnored applies a rule set to a list of file paths the way Helm's directory walk does: a
 * file is kept when none of its parent directories and not the file itself is ignored. `dirs`, shared
 * across the files of one chart, remembers each directory's answer (a chart has few directories).
 */
export function isPathIgnored(rules: HelmIgnore, path: string, dirs?: Map<string, boolean>): boolean {
  let end = path.indexOf('/');
  while (end >= 0) {
    const dir = path.slice(0, end);
    let ignored = dirs?.get(dir);
    if (ignored === undefined) {
      ignored = rules.ignores(dir, true);
      dirs?.set(dir, ignored);
    }
    if (ignored) return true;
    end = path.indexOf('/', end + 1);
  }
  return rules.ignores(path, false);
}
