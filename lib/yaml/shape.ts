/**
 * Shapes of YAML documents, for re-reading a document that differs from one read before only in some
 * simple scalar values (the studio re-renders a chart on every keystroke: most manifests come back
 * with one number or word changed, and Helm parses every manifest in full just for its head).
 *
 * A {@link YamlShape} is recorded from the events of a document that parsed without error. It lists the
 * scalars in value position (mapping values, sequence items) that are plain simple tokens or
 * double-quoted strings without escapes, each with the root mapping key it sits under.
 * {@link reshape} tells whether another text is the same text with only such values replaced by other
 * such values (same style): that text then parses to the same structure, without error, and to the
 * same value everywhere except at those scalars, which {@link ReshapeResult.changedRootKeys} names.
 * Anything it cannot prove (anchors, aliases, tags, several documents, a root that is no mapping, a
 * value of another form) makes it answer undefined: read the text in full.
 */
import { EVENT_ID, type Event, SCALAR_STYLE } from 'js-yaml';

/** YamlShape is a parsed document's text and its replaceable value scalars. */
export interface YamlShape {
  readonly text: string;
  /** spans holds [start, end, style, root key index, event index] per replaceable scalar, in text order. */
  readonly spans: readonly number[];
  /** rootKeys are the root mapping's keys as written (undefined: not a simple scalar key). */
  readonly rootKeys: readonly (string | undefined)[];
}

// A plain value token whose resolution can never fail or change the document's structure: a decimal
// integer that fits every Go integer type, or a word starting with a letter (a string, bool or null in
// YAML 1.1; never a number: those start with a digit, a sign or a dot).
const plainToken = /^(?:0|[1-9][0-9]{0,14}|[A-Za-z][A-Za-z0-9._/-]*)$/;

function plainChar(c: number): boolean {
  return (
    (c >= 0x30 && c <= 0x39) ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x61 && c <= 0x7a) ||
    c === 0x2e ||
    c === 0x5f ||
    c === 0x2f ||
    c === 0x2d
  );
}

// A double-quoted value's content: printable ASCII without `"` and `\` (no escapes, one line).
function quotedChar(c: number): boolean {
  return c >= 0x20 && c <= 0x7e && c !== 0x22 && c !== 0x5c;
}

function quotedToken(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!quotedChar(s.charCodeAt(i))) return false;
  return true;
}

/** SPAN is the number of fields of a span in {@link YamlShape.spans}. */
const SPAN = 5;

interface Frame {
  map: boolean;
  expectKey: boolean;
  /** root is the index of the root key this collection sits under (-1: the root mapping itself). */
  root: number;
}

/**
 * yamlShape records the shape of a document from its js-yaml events (the text must have parsed to
 * exactly these events without error), or returns undefined when the document is not simple enough.
 */
export function yamlShape(text: string, events: readonly Event[]): YamlShape | undefined {
  const spans: number[] = [];
  const rootKeys: (string | undefined)[] = [];
  const stack: Frame[] = [];
  let docs = 0;
  let pendingRoot = -1;
  for (let ei = 0; ei < events.length; ei++) {
    const e = events[ei]!;
    switch (e.type) {
      case EVENT_ID.DOCUMENT:
        if (++docs > 1) return undefined;
        continue;
      case EVENT_ID.ALIAS:
        return undefined;
      case EVENT_ID.POP: {
        if (stack.length === 0) continue; // the document's end
        stack.pop();
        const parent = stack[stack.length - 1];
        if (parent?.map) parent.expectKey = !parent.expectKey;
        continue;
      }
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE: {
        if (e.anchorStart >= 0 || e.tagStart >= 0) return undefined;
        const parent = stack[stack.length - 1];
        if (parent === undefined) {
          if (e.type !== EVENT_ID.MAPPING) return undefined;
          stack.push({ map: true, expectKey: true, root: -1 });
          continue;
        }
        // A collection as a key: its values are part of a key (keys have length limits, and a root key
        // would not be a simple string).
        if (parent.map && parent.expectKey) return undefined;
        const root = parent.root === -1 ? pendingRoot : parent.root;
        stack.push({ map: e.type === EVENT_ID.MAPPING, expectKey: true, root });
        continue;
      }
      case EVENT_ID.SCALAR: {
        if (e.anchorStart >= 0 || e.tagStart >= 0) return undefined;
        const parent = stack[stack.length - 1];
        if (parent === undefined) return undefined;
        const raw = text.slice(e.valueStart, e.valueEnd);
        if (parent.map && parent.expectKey) {
          if (raw === '<<') return undefined; // a merge key
          if (parent.root === -1) {
            pendingRoot = rootKeys.length;
            const simple =
              e.style === SCALAR_STYLE.PLAIN ||
              (e.style === SCALAR_STYLE.DOUBLE_QUOTED && e.fast && quotedToken(raw));
            rootKeys.push(simple ? raw : undefined);
          }
          parent.expectKey = false;
          continue;
        }
        const root = parent.root === -1 ? pendingRoot : parent.root;
        if (parent.map) parent.expectKey = true;
        if (e.style === SCALAR_STYLE.PLAIN && e.fast && plainToken.test(raw)) {
          spans.push(e.valueStart, e.valueEnd, SCALAR_STYLE.PLAIN, root, ei);
        } else if (e.style === SCALAR_STYLE.DOUBLE_QUOTED && e.fast && quotedToken(raw)) {
          spans.push(e.valueStart, e.valueEnd, SCALAR_STYLE.DOUBLE_QUOTED, root, ei);
        }
        continue;
      }
    }
  }
  if (docs !== 1) return undefined;
  return { text, spans, rootKeys };
}

/** ReshapeResult is a text of a known shape: its own shape and the root keys of the values that changed. */
export interface ReshapeResult {
  shape: YamlShape;
  /** changedRootKeys are the root keys (as written; undefined when not simple) with a changed value under them. */
  changedRootKeys: (string | undefined)[];
}

/**
 * reshape returns the shape of `text` when it is `shape`'s text with some recorded value scalars
 * replaced by other tokens of the same style, else undefined.
 */
export function reshape(shape: YamlShape, text: string): ReshapeResult | undefined {
  const old = shape.text;
  if (text === old) return { shape, changedRootKeys: [] };
  const spans = shape.spans;
  const out: number[] = new Array(spans.length);
  const changed: (string | undefined)[] = [];
  let p = 0;
  let q = 0;
  for (let i = 0; i < spans.length; i += SPAN) {
    const start = spans[i]!;
    const end = spans[i + 1]!;
    const style = spans[i + 2]!;
    // The text between two replaceable values must be unchanged.
    const gap = start - p;
    if (q + gap > text.length || old.slice(p, start) !== text.slice(q, q + gap)) return undefined;
    q += gap;
    let r = q;
    if (style === SCALAR_STYLE.PLAIN) {
      while (r < text.length && plainChar(text.charCodeAt(r))) r++;
    } else {
      while (r < text.length && quotedChar(text.charCodeAt(r))) r++;
    }
    const same = r - q === end - start && old.slice(start, end) === text.slice(q, r);
    if (!same) {
      if (style === SCALAR_STYLE.PLAIN && !plainToken.test(text.slice(q, r))) return undefined;
      changed.push(shape.rootKeys[spans[i + 3]!]);
    }
    out[i] = q;
    out[i + 1] = r;
    out[i + 2] = style;
    out[i + 3] = spans[i + 3]!;
    out[i + 4] = spans[i + 4]!;
    p = end;
    q = r;
  }
  if (text.length - q !== old.length - p || old.slice(p) !== text.slice(q)) return undefined;
  return { shape: { text, spans: out, rootKeys: shape.rootKeys }, changedRootKeys: changed };
}

/**
 * shiftedEvents returns the events of `to`'s text made from the events of `from`'s text (of which `to` is
 * a {@link reshape}): the same events, each offset moved by the length changes of the values before it
 * and the replaced values given their new ranges. They are the events js-yaml makes of the new text:
 * the values replaced are tokens that read the same way in the same place, so nothing else changes.
 */
export function shiftedEvents(events: readonly Event[], from: YamlShape, to: YamlShape): Event[] {
  const out: Event[] = new Array(events.length);
  const a = from.spans;
  const b = to.spans;
  let next = 0; // the next span
  let delta = 0; // the length change of the spans already passed
  const shift = (x: number) => (x < 0 ? x : x + delta);
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    if (next < a.length && a[next + 4] === i && e.type === EVENT_ID.SCALAR) {
      out[i] = { ...e, valueStart: b[next]!, valueEnd: b[next + 1]! };
      delta += b[next + 1]! - b[next]! - (a[next + 1]! - a[next]!);
      next += SPAN;
      continue;
    }
    switch (e.type) {
      case EVENT_ID.SCALAR:
        out[i] = delta === 0 ? e : { ...e, valueStart: shift(e.valueStart), valueEnd: shift(e.valueEnd) };
        break;
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE:
        out[i] = delta === 0 ? e : { ...e, start: shift(e.start) };
        break;
      default:
        // Documents and ends carry no offsets; a shaped document has no aliases.
        out[i] = e;
    }
  }
  return out;
}
