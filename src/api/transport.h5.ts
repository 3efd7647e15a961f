import type { Envelope } from '../domain/envelope';
import { getDevCaller } from '../settings/dev-caller';
import type { Transport } from './transport.types';

let base = '';

/** Where the local server is, when it is not the page's own origin (page tests). */
export function setApiBase(url: string): void {
  base = url.replace(/\/$/, '');
}

/** The local server's address ('' when it is the page's own origin). */
export function apiBase(): string {
  return base;
}

/** H5: POST /api/<function> on the local server; the demo caller rides in X-Dev-Openid. */
export const transport: Transport = async (functionName, event) => {
  const response = await fetch(`${base}/api/${functionName}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-dev-openid': getDevCaller() },
    body: JSON.stringify(event),
  });
  return (await response.json()) as Envelope<unknown>;
};
