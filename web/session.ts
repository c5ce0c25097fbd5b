// Who is signed in, shared by the shell and the pages. Pages read it; only the shell and the
// sign-in page change it.
import type { Role, SessionInfo } from '../server/contracts/index.js';
import { setCsrfToken } from './api/client.js';
import { clearDrafts } from './drafts.js';

let current: SessionInfo | null = null;

export function session(): SessionInfo | null {
  return current;
}

export function setSession(next: SessionInfo | null) {
  current = next;
  setCsrfToken(next?.csrfToken ?? null);
}

/** Signing out on purpose: what this person left unsent on the device goes too. (An ended
 * session keeps it: they sign in again and find it.) */
export function signOutOnDevice() {
  if (current) clearDrafts(current.user.id);
  setSession(null);
}

export function hasRole(...roles: Role[]): boolean {
  return !!current && roles.includes(current.user.role);
}

/** Who was signed in when the session ended under them (idle timeout, signed out elsewhere). */
let endedFor: number | null = null;

/** The session ended under them: unlike signing out on purpose, what they typed stays on the device. */
export function sessionEnded() {
  endedFor = current?.user.id ?? null;
  setSession(null);
}

/** The person whose session last ended in this tab, if it did: the session-ended page says what they kept. */
export function endedUserId(): number | null {
  return endedFor;
}

/**
 * Where signing in lands: each role starts on its own work. An action owner's is their
 * commitments (My actions); a participation worker's is their needs-doing list on Feedback;
 * everyone else starts on Promises.
 */
export function homePath(): string {
  const role = current?.user.role;
  if (role === 'owner') return '/actions';
  if (role === 'participation') return '/feedback';
  return '/promises';
}

/** The sections each role sees in the navigation, and may open. */
export type Section = 'promises' | 'feedback' | 'actions' | 'board' | 'kiosk' | 'admin';
export const SECTIONS_BY_ROLE: Record<Role, readonly Section[]> = {
  admin: ['promises', 'feedback', 'actions', 'board', 'kiosk', 'admin'],
  // Feedback holds children's own words (and safeguarding flags): participation and admin only.
  participation: ['promises', 'feedback', 'actions', 'board', 'kiosk'],
  owner: ['promises', 'actions', 'board', 'kiosk'],
  board: ['promises', 'actions', 'board', 'kiosk'],
  viewer: ['promises', 'board', 'kiosk'],
};

export function canSee(section: Section): boolean {
  return !!current && SECTIONS_BY_ROLE[current.user.role].includes(section);
}
