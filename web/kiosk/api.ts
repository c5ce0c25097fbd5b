// The kiosk reads only the public API. No cookies are sent (credentials: 'omit'), nothing is
// stored by the page itself: the service worker keeps the last answers for offline use and marks
// a kept answer with the x-pt-offline header and when it was saved (x-pt-saved-at).
import type { PublicPromise, PublicSummary, VerdictChoice, VerdictTapped } from '../../server/contracts/index.js';

/** Offline data older than this is not shown as current: the kiosk asks to connect instead. */
export const STALE_AFTER_MS = 24 * 60 * 60_000;

/**
 * `offline`: the service worker answered from what it kept; `stale`: and that was saved more than
 * a day ago (or before the worker stamped its copies), so it may hold words since withdrawn.
 */
export type Loaded<T> = { data: T; offline: boolean; stale: boolean };

export function isStale(offline: boolean, savedAt: string | null, nowMs: number): boolean {
  if (!offline) return false;
  const saved = savedAt ? Date.parse(savedAt) : NaN;
  return !Number.isFinite(saved) || nowMs - saved > STALE_AFTER_MS;
}

export class KioskApiError extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
  }
}

/** A refusal's error. Its body is not read, so it is let go: an unread body holds its connection open. */
async function refused(res: Response): Promise<KioskApiError> {
  await res.body?.cancel();
  return new KioskApiError(res.status);
}

async function getJson<T>(url: string): Promise<Loaded<T>> {
  const res = await fetch(url, { credentials: 'omit', headers: { accept: 'application/json' } });
  if (!res.ok) throw await refused(res);
  const offline = res.headers.get('x-pt-offline') === '1';
  return {
    data: (await res.json()) as T,
    offline,
    stale: isStale(offline, res.headers.get('x-pt-saved-at'), Date.now()),
  };
}

async function postJson<T>(url: string, body: unknown): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    credentials: 'omit',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw await refused(res);
  return (await res.json()) as T;
}

export const loadSummary = () => getJson<PublicSummary>('/api/v1/public/summary');
export const loadPromise = (id: number) => getJson<PublicPromise>(`/api/v1/public/promises/${id}`);
export const joinVoting = (pin: string) => postJson<unknown>('/api/v1/public/rating/join', { pin });
/** A 409 (KioskApiError) means every member present already has a verdict on this promise. */
export const sendVerdict = (pin: string, voterToken: string, promiseId: number, verdict: VerdictChoice) =>
  postJson<VerdictTapped>('/api/v1/public/rating/verdicts', { pin, voterToken, promiseId, verdict });
