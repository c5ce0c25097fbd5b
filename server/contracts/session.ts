import { z } from 'zod';
import { role } from './common.js';

export const signIn = z.object({
  email: z.string().trim().toLowerCase().min(1, 'Enter your email address').max(254),
  password: z.string().min(1, 'Enter your password').max(256),
});
export type SignIn = z.infer<typeof signIn>;

export const sessionUser = z.object({
  id: z.number().int(),
  email: z.string(),
  name: z.string(),
  role,
  jobTitle: z.string(),
  agency: z.string(),
});
export type SessionUser = z.infer<typeof sessionUser>;

export const sessionInfo = z.object({
  user: sessionUser,
  csrfToken: z.string(),
  councilName: z.string(),
  nation: z.enum(['england', 'wales']),
  /** The council's time zone: pages show times in it ("1 December 2026 at 9:51pm"). */
  timeZone: z.string(),
  /** The council's date today (YYYY-MM-DD) by the server's clock: pages default dates to it, never UTC's. */
  today: z.string(),
  expiresAt: z.string(),
});
export type SessionInfo = z.infer<typeof sessionInfo>;

/**
 * What GET /session answers: who is signed in, or that nobody is. Being signed out is a normal
 * state (every signed-out page load asks), so it is a 200 rather than a 401 error in the console.
 * `ended` says a session cookie came back for a session that has ended.
 */
export const signedOut = z.object({ signedIn: z.literal(false), ended: z.boolean() });
export const sessionState = z.discriminatedUnion('signedIn', [
  sessionInfo.extend({ signedIn: z.literal(true) }),
  signedOut,
]);
export type SessionState = z.infer<typeof sessionState>;
