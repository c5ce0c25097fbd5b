// Invitations, password reset links, single sign-on options and the email outbox.
import { z } from 'zod';
import { role, shortText } from './common.js';
import { account } from './users.js';

const email = z.string().trim().toLowerCase().email('Enter an email address like name@example.org').max(254);

/** What the sign-in page needs to know before anyone is signed in. */
export const signInOptions = z.object({
  /** "Sign in with your council account" is offered. */
  sso: z.boolean(),
  /** Email and password sign-in is offered (off: only command-line accounts may use it). */
  localPasswords: z.boolean(),
  /** Reset links can be emailed. */
  email: z.boolean(),
});
export type SignInOptions = z.infer<typeof signInOptions>;

export const invitationCreate = z.object({
  email,
  name: shortText(120),
  role,
  jobTitle: z.string().trim().max(120).optional(),
  agency: z.string().trim().max(80).optional(),
});
export type InvitationCreate = z.infer<typeof invitationCreate>;

export const invitationCreated = z.object({
  account,
  /** True when the invitation is in the outbox to be emailed. */
  emailed: z.boolean(),
  /** Without email: the link to hand over, shown this once and never again. */
  link: z.string().nullable(),
  expiresAt: z.string(),
});
export type InvitationCreated = z.infer<typeof invitationCreated>;

export const resetRequest = z.object({
  email: z.string().trim().toLowerCase().min(1, 'Enter your email address').max(254),
});
export const resetRequested = z.object({ message: z.string() });

const token = z.string().trim().min(20, 'This link is not complete').max(200);
export const linkPurpose = z.enum(['invitation', 'reset']);
export const tokenCheck = z.object({ token, purpose: linkPurpose });
export const tokenInfo = z.object({
  email: z.string(),
  name: z.string(),
  purpose: linkPurpose,
  sso: z.boolean(),
  /** False: passwords are turned off for this account, so an invitation offers only single sign-on. */
  localPasswords: z.boolean(),
});
export type TokenInfo = z.infer<typeof tokenInfo>;
export const tokenPassword = z.object({ token, purpose: linkPurpose, password: z.string().max(256) });

export const outboxItem = z.object({
  id: z.number().int(),
  kind: z.string(),
  to: z.string(),
  subject: z.string(),
  status: z.enum(['waiting', 'sent', 'failed']),
  attempts: z.number().int(),
  nextAttemptAt: z.string(),
  lastError: z.string().nullable(),
  sentAt: z.string().nullable(),
  createdAt: z.string(),
});
export const outboxList = z.object({
  /** False: SMTP_URL is not set, so waiting email is not being sent. */
  sending: z.boolean(),
  counts: z.object({ waiting: z.number().int(), sent: z.number().int(), failed: z.number().int() }),
  items: z.array(outboxItem),
});
export type OutboxList = z.infer<typeof outboxList>;
