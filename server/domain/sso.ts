// Rules for single sign-on answers: which email to trust, and which role a group brings.
import type { Role } from '../contracts/index.js';

/** From most to least able: when someone is in several mapped groups, the most able role wins. */
const ROLE_ORDER: readonly Role[] = ['admin', 'participation', 'owner', 'board', 'viewer'];

/**
 * The person's email, only when the provider vouches for it: `email_verified: true`. Entra ID
 * does not send email_verified; there the tenant manages its own addresses, so its `email` (or
 * the sign-in name, `preferred_username`) is taken as the council's word.
 */
export function ssoEmail(claims: Record<string, unknown>, issuerHost: string): string | null {
  const clean = (v: unknown) =>
    typeof v === 'string' && /^[^\s@]+@[^\s@]+$/.test(v.trim()) ? v.trim().toLowerCase() : null;
  if (claims.email_verified === true) return clean(claims.email);
  if (issuerHost === 'login.microsoftonline.com' && claims.email_verified === undefined)
    return clean(claims.email) ?? clean(claims.preferred_username);
  return null;
}

/** The role a new account gets from its groups, or null when no group is mapped. */
export function pickSsoRole(groups: readonly string[], map: Readonly<Record<string, Role>>): Role | null {
  const roles = new Set(groups.map((g) => map[g]).filter((r): r is Role => r !== undefined));
  return ROLE_ORDER.find((r) => roles.has(r)) ?? null;
}
