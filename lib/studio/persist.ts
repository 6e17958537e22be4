/** Saving, restoring and sharing the studio document (never its secrets). */
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import { z } from 'zod';
import type { StudioDoc } from './state';

/** STORAGE_KEY is the browser storage key of the autosaved document. */
export const STORAGE_KEY = 'chart-studio:v1';
/** SHARE_PARAM is the URL fragment parameter that carries a shared document. */
export const SHARE_PARAM = 'state';

const docSchema = z.object({
  envs: z
    .array(z.object({ name: z.string().min(1), overlay: z.string() }))
    .min(1)
    .refine((envs) => new Set(envs.map((e) => e.name)).size === envs.length, 'duplicate environment'),
  current: z.string(),
  release: z.object({ name: z.string(), namespace: z.string() }),
});

function plainDoc(doc: StudioDoc): StudioDoc {
  // Only the fields of StudioDoc, so nothing else held beside them can leak into storage or links.
  return {
    envs: doc.envs.map((e) => ({ name: e.name, overlay: e.overlay })),
    current: doc.current,
    release: { name: doc.release.name, namespace: doc.release.namespace },
  };
}

/** serializeDoc returns the JSON text the studio autosaves. */
export function serializeDoc(doc: StudioDoc): string {
  return JSON.stringify({ v: 1, doc: plainDoc(doc) });
}

/** parseDoc reads an autosaved text back; null when it is missing, corrupt or of another version. */
export function parseDoc(text: string | null): StudioDoc | null {
  if (!text) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = z.object({ v: z.literal(1), doc: docSchema }).safeParse(raw);
  return parsed.success ? plainDoc(parsed.data.doc) : null;
}

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** encodeShare returns the URL fragment (without `#`) that carries the document, deflated and base64url-encoded. */
export function encodeShare(doc: StudioDoc): string {
  return `${SHARE_PARAM}=${toBase64Url(deflateSync(strToU8(serializeDoc(doc)), { level: 9 }))}`;
}

/** decodeShare reads a document from a URL fragment (with or without `#`); null when there is none or it is corrupt. */
export function decodeShare(fragment: string): StudioDoc | null {
  const params = new URLSearchParams(fragment.replace(/^#/, ''));
  const data = params.get(SHARE_PARAM);
  if (!data) return null;
  try {
    return parseDoc(strFromU8(inflateSync(fromBase64Url(data))));
  } catch {
    return null;
  }
}
