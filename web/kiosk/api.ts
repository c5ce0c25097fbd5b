// The kiosk reads only the public API. No cookies are sent (credentials: 'omit'), nothing is
// stored by the page itself: the service worker keeps the last answers for offline use and marks
// a kept answer with the x-pt-offline header.
import type { PublicPromise, PublicSummary, VerdictChoice } from '../../server/contracts/index.js';

export type Loaded<T> = { data: T; offline: boolean };

export class KioskApiError extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
  }
}

async function getJson<T>(url: string): Promise<Loaded<T>> {
  const res = await fetch(url, { credentials: 'omit', headers: { accept: 'application/json' } });
  if (!res.ok) throw new KioskApiError(res.status);
  return { data: (await res.json()) as T, offline: res.headers.get('x-pt-offline') === '1' };
}

async function postJson(url: string, body: unknown): Promise<void> {
  const res = await fetch(url, {
    method: 'POST',
    credentials: 'omit',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new KioskApiError(res.status);
}

export const loadSummary = () => getJson<PublicSummary>('/api/v1/public/summary');
export const loadPromise = (id: number) => getJson<PublicPromise>(`/api/v1/public/promises/${id}`);
export const joinVoting = (pin: string) => postJson('/api/v1/public/rating/join', { pin });
export const sendVerdict = (pin: string, voterToken: string, promiseId: number, verdict: VerdictChoice) =>
  postJson('/api/v1/public/rating/verdicts', { pin, voterToken, promiseId, verdict });
