// Client-side routing with real URLs: links are intercepted, history is pushed, and back and
// forward replay through popstate. The server answers every page URL with index.html, so a
// deep link works on refresh.
type Listener = (path: string) => void;
const listeners = new Set<Listener>();

export function currentPath(): string {
  return location.pathname;
}

export function navigate(path: string, options: { replace?: boolean } = {}) {
  if (path === location.pathname + location.search) return notify();
  if (options.replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  window.scrollTo(0, 0);
  notify();
}

export function onRouteChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function notify() {
  for (const l of listeners) l(location.pathname);
}

/** Starts listening for link clicks and history moves. Call once. */
export function startRouter() {
  window.addEventListener('popstate', notify);
  document.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = (event.target as Element | null)?.closest('a');
    if (!link || link.target || link.hasAttribute('download') || link.origin !== location.origin) return;
    // In-page links (the error summary, the skip link) keep their native behaviour.
    if (link.pathname === location.pathname && link.hash) return;
    // The API, and single sign-on's redirect out to the council's provider, are not app pages.
    if (link.pathname.startsWith('/api/') || link.pathname.startsWith('/auth/')) return;
    event.preventDefault();
    navigate(link.pathname + link.search);
  });
}

/** Matches `/promises/:id/edit` style patterns; returns the params or null. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const p = pattern.split('/').filter(Boolean);
  const s = path.split('/').filter(Boolean);
  if (p.length !== s.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    const part = p[i]!;
    const seg = decodeURIComponent(s[i]!);
    if (part.startsWith(':')) params[part.slice(1)] = seg;
    else if (part !== seg) return null;
  }
  return params;
}
