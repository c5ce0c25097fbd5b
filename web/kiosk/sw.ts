// The kiosk's service worker: keeps the kiosk's page and assets, and the last answer of every
// public API call it made, so the kiosk keeps working when the venue's Wi-Fi drops. It forgets as
// eagerly as it keeps: data is network-first with a short timeout (the kept copy only when the
// network fails), and every contact with the server (each summary, each navigation, coming back
// online) revalidates every kept answer, replacing it or deleting it, so words that were
// withdrawn, flagged or sent back leave every cache at once. A kept answer is marked with
// x-pt-offline and carries x-pt-saved-at, so the kiosk can refuse to show day-old data as current.
// Built by scripts/build.ts, which fills in the asset list and a version per build.
declare const __KIOSK_ASSETS__: string[];
declare const __KIOSK_VERSION__: string;

// The DOM lib has no service worker types, and the WebWorker lib clashes with it in one program:
// the few pieces used here, typed by hand.
type ExtendableEvent = Event & { waitUntil(p: Promise<unknown>): void };
type FetchEvent = ExtendableEvent & { request: Request; respondWith(r: Promise<Response>): void };
type Scope = {
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  addEventListener(type: 'install' | 'activate', fn: (e: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', fn: (e: FetchEvent) => void): void;
};
const sw = self as unknown as Scope;

const SHELL = `pt-kiosk-shell-${__KIOSK_VERSION__}`;
const DATA = 'pt-kiosk-data';
const API = '/api/v1/public/';
/** How long the network may take before the kept copy answers instead. */
const NETWORK_TIMEOUT_MS = 4000;

sw.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(SHELL)
      .then((cache) => cache.addAll(__KIOSK_ASSETS__))
      .then(() => sw.skipWaiting()),
  );
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== SHELL && k !== DATA).map((k) => caches.delete(k))))
      .then(() => sw.clients.claim()),
  );
});

async function fromCache(request: Request | string, cacheName: string): Promise<Response | undefined> {
  const cache = await caches.open(cacheName);
  return cache.match(request);
}

/** The server's answer, revalidated past the HTTP cache; a network that hangs counts as none. */
async function fresh(url: string): Promise<Response> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), NETWORK_TIMEOUT_MS);
  try {
    return await fetch(url, {
      credentials: 'omit',
      cache: 'no-cache',
      headers: { accept: 'application/json' },
      signal: abort.signal,
    });
  } finally {
    clearTimeout(timer);
  }
}

/** Keeps a good answer stamped with when it was saved; forgets the kept copy of any other. */
async function keep(url: string, response: Response): Promise<void> {
  const cache = await caches.open(DATA);
  if (!response.ok) {
    // Gone (withdrawn, archived) or refused: whatever was kept for it must not be shown again.
    if (response.status >= 400 && response.status < 500) await cache.delete(url);
    return;
  }
  const headers = new Headers(response.headers);
  headers.set('x-pt-saved-at', new Date().toISOString());
  await cache.put(url, new Response(await response.blob(), { status: response.status, headers }));
}

const promiseIdOf = (url: string) => /\/promises\/(\d+)$/.exec(new URL(url).pathname)?.[1];

let queue: Promise<void> = Promise.resolve();
let queued = false;
let latest: Response | null = null;

/**
 * After a fresh summary: every other kept answer is fetched again and replaced, and a promise
 * the summary no longer lists is deleted outright, even if the network drops before its turn.
 * A navigation and the page's own summary come together: at most one pass waits behind the
 * running one, with the newest summary, so no contact is skipped and none is repeated needlessly.
 */
function revalidateKept(summary: Response): Promise<void> {
  latest = summary;
  if (queued) return queue;
  queued = true;
  queue = queue
    .then(() => {
      queued = false;
      return revalidateKeptOnce(latest!);
    })
    .catch(() => undefined);
  return queue;
}

async function revalidateKeptOnce(summary: Response): Promise<void> {
  let listed: Set<string> | null = null;
  try {
    const body = (await summary.json()) as { promises?: { id: number }[] };
    listed = new Set((body.promises ?? []).map((p) => String(p.id)));
  } catch {
    // An answer that is not the summary's shape: revalidate without deleting.
  }
  const cache = await caches.open(DATA);
  const kept = (await cache.keys()).map((r) => r.url).filter((u) => !u.endsWith(`${API}summary`));
  await Promise.all(
    kept.map(async (url) => {
      const id = promiseIdOf(url);
      if (listed && id && !listed.has(id)) return void (await cache.delete(url));
      try {
        await keep(url, await fresh(url));
      } catch {
        // Offline again: the next contact tries again.
      }
    }),
  );
}

/** One contact with the server: a fresh summary, and with it every kept answer revalidated. */
async function revalidateAll(): Promise<void> {
  try {
    const response = await fresh(`${API}summary`);
    await keep(`${API}summary`, response.clone());
    if (response.ok) await revalidateKept(response);
  } catch {
    // Offline: nothing to learn yet.
  }
}

/** Fresh from the network, kept for later; the kept copy (marked) when the network fails. */
async function networkFirstData(event: FetchEvent): Promise<Response> {
  const url = event.request.url;
  try {
    const response = await fresh(url);
    // Both copies are taken now: the page may have read the original by the time they are used.
    const toKeep = response.clone();
    const toRead = url.endsWith(`${API}summary`) && response.ok ? response.clone() : null;
    event.waitUntil(keep(url, toKeep).then(() => (toRead ? revalidateKept(toRead) : undefined)));
    return response;
  } catch (err) {
    const kept = await fromCache(url, DATA);
    if (!kept) throw err;
    const headers = new Headers(kept.headers);
    headers.set('x-pt-offline', '1');
    return new Response(await kept.blob(), { status: kept.status, headers });
  }
}

async function page(event: FetchEvent): Promise<Response> {
  // Every navigation is a contact: revalidate everything kept while the page loads.
  event.waitUntil(revalidateAll());
  try {
    return await fetch(event.request);
  } catch (err) {
    const kept = (await fromCache('/kiosk', SHELL)) ?? (await fromCache('/kiosk/', SHELL));
    if (!kept) throw err;
    return kept;
  }
}

async function asset(event: FetchEvent): Promise<Response> {
  const kept = await fromCache(event.request, SHELL);
  return kept ?? fetch(event.request);
}

sw.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== location.origin) return;
  // The kiosk's writes (POST) pass by above; its reads are all under the public API.
  if (url.pathname.startsWith(API)) event.respondWith(networkFirstData(event));
  else if (request.mode === 'navigate') event.respondWith(page(event));
  else if (url.pathname.startsWith('/assets/')) event.respondWith(asset(event));
});
