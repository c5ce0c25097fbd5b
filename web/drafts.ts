// Words typed on this device and not yet sent, kept in localStorage so a dropped connection or a
// closed tab loses nothing. Keyed by the signed-in person, so someone else signing in on the same
// tablet never sees them; cleared once saved and when that person signs out.
const PREFIX = 'pt.draft.';

/** The forum session form's draft: the one the session-ended page tells its user was kept. */
export const FORUM_SESSION_DRAFT = 'forum-session';

const keyFor = (userId: number, name: string) => `${PREFIX}${userId}.${name}`;

export function readDraft<T>(userId: number, name: string): T | null {
  try {
    const raw = localStorage.getItem(keyFor(userId, name));
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    // Storage turned off, or a draft from an older version that no longer parses.
    return null;
  }
}

/** False when the device would not keep it (storage full or turned off): the page says so. */
export function writeDraft(userId: number, name: string, value: unknown): boolean {
  try {
    localStorage.setItem(keyFor(userId, name), JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

export function clearDraft(userId: number, name: string) {
  try {
    localStorage.removeItem(keyFor(userId, name));
  } catch {
    // Nothing was kept.
  }
}

/** The names of the drafts this person has on this device (e.g. 'forum-session'). */
export function draftNames(userId: number): string[] {
  try {
    const mine = `${PREFIX}${userId}.`;
    const names: string[] = [];
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (key?.startsWith(mine)) names.push(key.slice(mine.length));
    }
    return names;
  } catch {
    return [];
  }
}

/** Every draft this person left on this device. */
export function clearDrafts(userId: number) {
  try {
    const mine = `${PREFIX}${userId}.`;
    for (let i = localStorage.length - 1; i >= 0; i--) {
      const key = localStorage.key(i);
      if (key?.startsWith(mine)) localStorage.removeItem(key);
    }
  } catch {
    // Nothing was kept.
  }
}

/** A fresh Idempotency-Key: a retry of the same send creates nothing twice. */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `draft-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
