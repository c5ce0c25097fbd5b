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

/**
 * Where signing in lands: an action owner's work is their commitments, so they start on My
 * actions; everyone else starts on Promises.
 */
export function homePath(): string {
  return current?.user.role === 'owner' ? '/actions' : '/promises';
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
