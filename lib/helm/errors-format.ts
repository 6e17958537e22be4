/**
 * Helm's rewriting of Go template errors into what `helm template` prints
 * (Helm: `pkg/engine/engine.go` cleanupParseError, reformatExecErrorMsg, TraceableError).
 *
 * Errors are handled as Go does: as the texts of an error's `Unwrap` chain, outermost first.
 */

import { goTrimSpace } from './output';

const warnStart = 'HELM_ERR_START';
const warnEnd = 'HELM_ERR_END';

/** warnWrap wraps a `required`/`fail` message in Helm's markers so the error rewrite can find it. */
export function warnWrap(msg: string): string {
  return warnStart + msg + warnEnd;
}

// Helm: warnRegex `HELM_ERR_START((?s).*)HELM_ERR_END`: first start marker to last end marker.
function findWarning(s: string): string | undefined {
  const start = s.indexOf(warnStart);
  if (start < 0) return undefined;
  const end = s.lastIndexOf(warnEnd);
  if (end < start + warnStart.length) return undefined;
  return s.slice(start + warnStart.length, end);
}

/**
 * formatParseError is Helm's cleanupParseError: `parse error at (<file>:<line>): <last segment>`,
 * where the Go message is split on `": "` and only its last segment is kept.
 */
export function formatParseError(filename: string, message: string): string {
  const tokens = message.split(': ');
  if (tokens.length === 1) return `parse error in (${filename}): ${message}`;
  return `parse error at (${tokens[1]}): ${tokens[tokens.length - 1]}`;
}

interface Traceable {
  location: string;
  message: string;
  executedFunction: string;
}

function traceableString(t: Traceable): string {
  let s = '';
  if (t.location !== '') s += `${t.location}\n  `;
  if (t.executedFunction !== '') s += `${t.executedFunction}\n    `;
  if (t.message !== '') s += `${t.message}\n`;
  return s;
}

function parseExecErrorString(s: string): Traceable | undefined {
  const prefix = 'template: ';
  if (!s.startsWith(prefix)) return undefined;
  const rest = s.slice(prefix.length);
  if (rest.startsWith('no template ')) return { location: '', message: s, executedFunction: '' };
  const idx = rest.indexOf(': executing ');
  if (idx !== -1) {
    const after = rest.slice(idx + ': executing '.length);
    if (after[0] === '"') {
      const endQuote = after.indexOf('"', 1);
      if (endQuote !== -1) {
        const functionName = after.slice(1, endQuote);
        const afterFunc = after.slice(endQuote + 1);
        if (afterFunc.startsWith(' at <')) {
          const afterAt = afterFunc.slice(' at <'.length);
          const endLoc = afterAt.indexOf('>: ');
          if (endLoc !== -1) {
            let message = afterAt.slice(endLoc + 3);
            // Helm: a chained inner error (` template: …`) is cut off; it gets its own block.
            const cut = message.indexOf(' template:');
            if (cut !== -1) message = message.slice(0, cut);
            return {
              location: rest.slice(0, idx),
              message,
              executedFunction: `executing "${functionName}" at <${afterAt.slice(0, endLoc)}>:`,
            };
          }
        }
      }
    }
    // Helm: a malformed "executing" form falls through to the simple form below.
  }
  const sep = rest.lastIndexOf(': ');
  if (sep === -1) return undefined;
  let message = rest.slice(sep + 2);
  const cut = message.indexOf(' template:');
  if (cut !== -1) message = message.slice(0, cut);
  return { location: rest.slice(0, sep), message, executedFunction: '' };
}

/**
 * formatExecError is Helm v4's reformatExecErrorMsg. `chain` holds the messages of the error's
 * Unwrap chain, outermost first; `isExecError` says whether the outermost error is a Go
 * `template.ExecError` (anything else is returned unchanged). Results:
 * - a `required`/`fail` marker anywhere → `execution error at (<file:line:col>): <message>`,
 *   at the position of the outermost call;
 * - every error in the chain a template error → the multi-line trace
 *   (`<file:line:col>\n  executing "<name>" at <<node>>:\n    <message>`, one block per level);
 * - otherwise the raw Go message.
 *
 * Helm v3 (cleanupExecError) only does the first rewrite and prints every other error raw.
 */
export function formatExecError(filename: string, chain: readonly string[], isExecError = true): string {
  const raw = chain[0] ?? '';
  if (!isExecError) return raw;
  const tokens = splitN(raw, ': ', 3);
  if (tokens.length !== 3) return `execution error in (${filename}): ${raw}`;
  const warning = findWarning(tokens[2]!);
  if (warning !== undefined) return `execution error at (${tokens[1]}): ${warning}`;
  const blocks: Traceable[] = [];
  for (const msg of chain) {
    const t = parseExecErrorString(msg);
    if (t === undefined) return raw;
    const last = blocks[blocks.length - 1];
    if (
      !last ||
      last.location !== t.location ||
      last.message !== t.message ||
      last.executedFunction !== t.executedFunction
    ) {
      blocks.push(t);
    }
  }
  return goTrimSpace(blocks.map(traceableString).join(''));
}

// Go: strings.SplitN.
function splitN(s: string, sep: string, n: number): string[] {
  const out: string[] = [];
  let rest = s;
  while (out.length < n - 1) {
    const i = rest.indexOf(sep);
    if (i < 0) break;
    out.push(rest.slice(0, i));
    rest = rest.slice(i + sep.length);
  }
  out.push(rest);
  return out;
}
