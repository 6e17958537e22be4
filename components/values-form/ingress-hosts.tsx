'use client';
/** IngressHosts edits the ingress hosts (`Host`, its paths) and the TLS secret. */
import { useCallback, useRef } from 'react';
import { hostnameError, type IngressHostRow, ingressPathError } from '@/lib/gateway';
import { fieldId } from './field';
import { DraftInput } from './use-draft';
import { useRowFocus } from './use-refocus';

interface IngressHostsProps {
  hosts: readonly IngressHostRow[];
  tlsSecret: string;
  issues: Readonly<Record<string, string>>;
  disabled?: boolean;
  onHost(index: number, host: string): void;
  onPath(host: number, path: number, value: string): void;
  onAddPath(host: number): void;
  onRemovePath(host: number, path: number): void;
  onAddHost(): void;
  onRemoveHost(index: number): void;
  onTlsSecret(name: string): void;
}

/** IngressHosts renders one group per host with `Host`, its paths and `Add path`, then `Add host` and `TLS secret`. */
export function IngressHosts(props: IngressHostsProps) {
  const { hosts, tlsSecret, issues, disabled } = props;
  const hostInputs = useRef<(HTMLInputElement | null)[]>([]);
  // Add host focuses the new host's name; Remove host, the name of the host taking its place.
  const addButton = useRef<HTMLButtonElement>(null);
  const { adding, removing } = useRowFocus(
    hosts.length,
    useCallback((row: number) => hostInputs.current[row], []),
    addButton,
  );
  return (
    <div className="ingress-hosts">
      {hosts.map((h, i) => {
        const hostIssue = hostnameError(h.host) ?? issues[`ingress.hosts.${i}.host`];
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: hosts are a list edited in place; position is identity.
          <fieldset key={i} className="ingress-host">
            <legend>Host {i + 1}</legend>
            <div className={`field${hostIssue ? ' field--invalid' : ''}`}>
              <label htmlFor={fieldId(`ingress.hosts.${i}.host`)}>Host</label>
              <DraftInput
                ref={(el) => {
                  hostInputs.current[i] = el;
                }}
                id={fieldId(`ingress.hosts.${i}.host`)}
                value={h.host}
                disabled={disabled}
                spellCheck={false}
                autoComplete="off"
                aria-invalid={hostIssue ? true : undefined}
                onValue={(v) => props.onHost(i, v)}
              />
              {hostIssue ? <p className="field__error">{hostIssue}</p> : null}
            </div>
            <ul className="ingress-host__paths">
              {h.paths.map((p, j) => {
                const pathIssue = ingressPathError(p);
                return (
                  // biome-ignore lint/suspicious/noArrayIndexKey: paths are edited in place; position is identity.
                  <li key={j}>
                    <DraftInput
                      aria-label={`Path ${j + 1} of host ${i + 1}`}
                      value={p}
                      disabled={disabled}
                      spellCheck={false}
                      aria-invalid={pathIssue ? true : undefined}
                      onValue={(v) => props.onPath(i, j, v)}
                    />
                    <button
                      type="button"
                      className="button button--quiet"
                      disabled={disabled}
                      aria-label={`Remove path ${j + 1} of host ${i + 1}`}
                      onClick={() => props.onRemovePath(i, j)}
                    >
                      Remove
                    </button>
                    {pathIssue ? <p className="field__error">{pathIssue}</p> : null}
                  </li>
                );
              })}
            </ul>
            <div className="button-row">
              <button type="button" className="button" disabled={disabled} onClick={() => props.onAddPath(i)}>
                Add path
              </button>
              <button
                type="button"
                className="button button--quiet"
                disabled={disabled}
                aria-label={`Remove host ${i + 1}`}
                onClick={() => {
                  removing(i);
                  props.onRemoveHost(i);
                }}
              >
                Remove host
              </button>
            </div>
          </fieldset>
        );
      })}
      <button
        ref={addButton}
        type="button"
        className="button"
        disabled={disabled}
        onClick={() => {
          adding();
          props.onAddHost();
        }}
      >
        Add host
      </button>
      <div className="field">
        <label htmlFor={fieldId('ingress.tls.0.secretName')}>TLS secret</label>
        <DraftInput
          id={fieldId('ingress.tls.0.secretName')}
          value={tlsSecret}
          disabled={disabled}
          spellCheck={false}
          autoComplete="off"
          aria-describedby="tls-hint"
          onValue={(v) => props.onTlsSecret(v)}
        />
        <p id="tls-hint" className="field__hint">
          Name of the Secret with the certificate for the hosts above; empty means no TLS.
        </p>
      </div>
    </div>
  );
}
