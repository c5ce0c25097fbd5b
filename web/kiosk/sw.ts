// The kiosk's service worker: keeps the kiosk's page and assets, and the last answer of every
// public API call it made, so the kiosk keeps working when the venue's Wi-Fi drops. Data is
// network-first (fresh when online), marked with x-pt-offline when it comes from the cache.
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

/** Fresh from the network, kept for later; the kept copy (marked) when the network fails. */
async function networkFirstData(event: FetchEvent): Promise<Response> {
  try {
    const response = await fetch(event.request);
    if (response.ok) {
      const copy = response.clone();
      event.waitUntil(caches.open(DATA).then((cache) => cache.put(event.request, copy)));
    }
    return response;
  } catch (err) {
    const kept = await fromCache(event.request, DATA);
    if (!kept) throw err;
    const headers = new Headers(kept.headers);
    headers.set('x-pt-offline', '1');
    return new Response(await kept.blob(), { status: kept.status, headers });
  }
}

async function page(event: FetchEvent): Promise<Response> {
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
  if (url.pathname.startsWith('/api/v1/public/')) event.respondWith(networkFirstData(event));
  else if (request.mode === 'navigate') event.respondWith(page(event));
  else if (url.pathname.startsWith('/assets/')) event.respondWith(asset(event));
});
