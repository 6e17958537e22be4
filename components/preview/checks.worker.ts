/**
 * The checks worker: runs the Kubernetes checks (OpenAPI, Pod Security restricted, chart rules) of a
 * rendered output. It is apart from the render worker so that a check run (tens of ms while the code is
 * cold) never holds up the render of the next keystroke.
 */
import { checkManifests } from '@/lib/k8s';
import type { FromChecks, ToChecks } from './protocol';

const scope = globalThis as unknown as {
  onmessage: ((e: MessageEvent<ToChecks>) => void) | null;
  postMessage(message: FromChecks): void;
};

scope.onmessage = (e) => {
  const { id, key, docs } = e.data;
  scope.postMessage({ type: 'findings', id, key, findings: checkManifests(docs) });
};
