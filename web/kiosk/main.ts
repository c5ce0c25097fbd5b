// The kiosk's entry point: its own small bundle, apart from the staff app.
import './pt-kiosk-app.js';

if ('serviceWorker' in navigator) {
  // Scope /kiosk (the server allows it with Service-Worker-Allowed), so /kiosk itself is covered.
  void navigator.serviceWorker.register('/kiosk/sw.js', { scope: '/kiosk' }).catch(() => undefined);
}
