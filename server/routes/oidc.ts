// Single sign-on with OpenID Connect (Entra ID or any other provider): the authorisation code
// flow with PKCE, state and nonce, through openid-client, which checks the ID token's issuer,
// audience, expiry and signature (from the provider's JWKS). For Entra ID,
// OIDC_ISSUER_URL is https://login.microsoftonline.com/{tenant}/v2.0; openid-client accepts
// that discovery names the tenant by its id there, and checks tokens against that issuer.
//
// A person gets in only when an account with their verified email exists (an invitation, or an
// admin made one), or when their `groups` claim maps to a role in settings.ssoGroupRoles, which
// makes an account for them. Anyone else is refused with a page saying whom to ask, and audited.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import * as client from 'openid-client';
import { randomBytes } from 'node:crypto';
import { SESSION_COOKIE } from '../plugins/auth.js';
import { pickSsoRole, ssoEmail } from '../domain/sso.js';
import { createSession, deleteSession } from '../../db/repositories/sessions.js';
import { findUserByEmail, getUser, insertUser, type UserRow } from '../../db/repositories/users.js';
import { findLinkForUser, findLinkedUserId, linkAccount } from '../../db/repositories/account-links.js';
import { retireTokens } from '../../db/repositories/account-tokens.js';
import { recordAudit } from '../../db/repositories/audit.js';
import { getSettings } from '../../db/repositories/settings.js';
import { write } from '../../db/repositories/write.js';

const PENDING_COOKIE = 'pt_oidc';
const PENDING_MS = 10 * 60_000;
const MAX_PENDING = 10_000;

type Pending = { state: string; nonce: string; verifier: string; expires: number };
/** Why a sign-in was refused: the sign-in page explains each in plain words. */
export type SsoRefusal = 'not-set-up' | 'failed' | 'expired' | 'disabled';

const oidcRoutes: FastifyPluginAsync = async (app) => {
  const { OIDC_ISSUER_URL, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, PUBLIC_URL } = app.config;
  const callbackUrl = `${PUBLIC_URL}/auth/oidc/callback`;
  const issuerUrl = new URL(OIDC_ISSUER_URL);
  // Plain http only for a provider on this machine (the tests' own provider).
  const local = issuerUrl.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(issuerUrl.hostname);
  // Between the redirect out and the answer coming back. Kept in memory: a restart only means
  // starting the sign-in again.
  const pending = new Map<string, Pending>();

  // One provider configuration per clock offset. The offset is the app clock's distance from
  // the system clock (0 in production), so tokens are judged by the app's own time.
  const configurations = new Map<number, Promise<client.Configuration>>();
  function configuration(): Promise<client.Configuration> {
    const skew = Math.round((app.clock.now().getTime() - Date.now()) / 1000);
    let found = configurations.get(skew);
    if (!found) {
      found = client.discovery(
        issuerUrl,
        OIDC_CLIENT_ID,
        { client_secret: OIDC_CLIENT_SECRET || undefined, [client.clockSkew]: skew },
        OIDC_CLIENT_SECRET ? client.ClientSecretPost(OIDC_CLIENT_SECRET) : client.None(),
        local ? { execute: [client.allowInsecureRequests] } : undefined,
      );
      // A provider that could not be reached is asked again next time.
      found.catch(() => configurations.delete(skew));
      configurations.set(skew, found);
    }
    return found;
  }

  const pendingCookie = () => ({
    path: '/auth/oidc',
    httpOnly: true,
    // Lax, not strict: the provider sends the browser back with a top-level cross-site GET.
    sameSite: 'lax' as const,
    secure: app.config.SECURE_COOKIES,
    maxAge: PENDING_MS / 1000,
  });

  function refuse(reply: FastifyReply, reason: SsoRefusal) {
    reply.clearCookie(PENDING_COOKIE, { path: '/auth/oidc' });
    return reply.redirect(`/sign-in?sso=${reason}`, 303);
  }

  app.get('/auth/oidc/start', { schema: { hide: true } }, async (request, reply) => {
    let config: client.Configuration;
    try {
      config = await configuration();
    } catch (err) {
      request.log.error({ err }, 'single sign-on provider could not be reached');
      return refuse(reply, 'failed');
    }
    const now = Date.now();
    if (pending.size >= MAX_PENDING) for (const [id, p] of pending) if (p.expires < now) pending.delete(id);
    if (pending.size >= MAX_PENDING) pending.delete(pending.keys().next().value!);
    const id = randomBytes(32).toString('base64url');
    const entry: Pending = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      verifier: client.randomPKCECodeVerifier(),
      expires: now + PENDING_MS,
    };
    pending.set(id, entry);
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: callbackUrl,
      scope: 'openid email profile',
      state: entry.state,
      nonce: entry.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(entry.verifier),
      code_challenge_method: 'S256',
    });
    reply.setCookie(PENDING_COOKIE, id, pendingCookie());
    return reply.redirect(url.href, 302);
  });

  app.get('/auth/oidc/callback', { schema: { hide: true } }, async (request, reply) => {
    const id = parseCookie(request)[PENDING_COOKIE];
    const entry = id ? pending.get(id) : undefined;
    if (id) pending.delete(id);
    if (!entry || entry.expires < Date.now()) return refuse(reply, 'expired');

    let claims: client.IDToken | undefined;
    try {
      const config = await configuration();
      const tokens = await client.authorizationCodeGrant(config, new URL(request.url, PUBLIC_URL), {
        pkceCodeVerifier: entry.verifier,
        expectedState: entry.state,
        expectedNonce: entry.nonce,
        idTokenExpected: true,
      });
      claims = tokens.claims();
    } catch (err) {
      request.log.warn({ err }, 'single sign-on answer refused');
      await recordAudit(app.db, request.actor, 'sso-failed', 'session', '', null, { reason: failureReason(err) });
      return refuse(reply, 'failed');
    }
    if (!claims) return refuse(reply, 'failed');

    const email = ssoEmail(claims, issuerUrl.hostname);
    const settings = getSettings(app.db);
    const linkedId = await findLinkedUserId(app.db, claims.iss, claims.sub);
    let user: UserRow | undefined = linkedId
      ? await getUser(app.db, linkedId)
      : email
        ? findUserByEmail(app.db, email)
        : undefined;
    // An account already tied to another identity at this provider is not taken over by a
    // second identity that shows the same email.
    if (user && !linkedId) {
      const other = await findLinkForUser(app.db, user.id, claims.iss);
      if (other && other.subject !== claims.sub) user = undefined;
    }
    const groups = Array.isArray(claims.groups) ? claims.groups.filter((g): g is string => typeof g === 'string') : [];
    const auditActor = { id: user?.id ?? null, email: email ?? '', ip: request.ip };
    if (user?.disabled) {
      await recordAudit(app.db, auditActor, 'sso-refused', 'session', '', null, { email, reason: 'disabled' });
      return refuse(reply, 'disabled');
    }
    const newRole = !user && email ? pickSsoRole(groups, settings.ssoGroupRoles) : null;
    if (!user && !newRole) {
      await recordAudit(app.db, auditActor, 'sso-refused', 'session', '', null, {
        email,
        reason: 'no account',
        groups,
      });
      return refuse(reply, 'not-set-up');
    }

    const now = app.clock.now();
    if (request.sessionId) await deleteSession(app.db, request.sessionId);
    const signedIn = await write(app.db, async (tx) => {
      const actor = { id: user?.id ?? null, email: email ?? '', ip: request.ip };
      const account =
        user ??
        (await insertUser(
          tx,
          { ...actor, email: 'single sign-on' },
          {
            email: email!,
            name: typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim().slice(0, 120) : email!,
            role: newRole!,
          },
          null,
        ));
      if (!linkedId) await linkAccount(tx, account.id, claims.iss, claims.sub);
      // Signed in with the council account: an invitation still open has done its job.
      await retireTokens(tx, account.id, 'invitation', now);
      await recordAudit(tx, { id: account.id, email: account.email, ip: request.ip }, 'sign-in', 'session', '', null, {
        via: 'sso',
        ...(user ? {} : { created: true, groups }),
      });
      return account;
    });
    const session = await createSession(app.db, signedIn.id, now);
    request.log.info({ userId: signedIn.id }, 'signed in with single sign-on');
    reply.clearCookie(PENDING_COOKIE, { path: '/auth/oidc' });
    reply.setCookie(SESSION_COOKIE, session.id, app.sessionCookieOptions());
    // The app's front door sends each person to their own start page (My actions for owners).
    return reply.redirect('/', 303);
  });

  function parseCookie(request: FastifyRequest): Record<string, string | undefined> {
    const header = request.headers.cookie;
    return header ? app.parseCookie(header) : {};
  }
};

export default oidcRoutes;

/** What went wrong, for the audit trail: openid-client's message and the check that failed. */
function failureReason(err: unknown): string {
  if (!(err instanceof Error)) return 'unknown';
  const cause = err.cause instanceof Error ? err.cause : null;
  const claim =
    cause && 'cause' in cause && typeof cause.cause === 'object' && cause.cause
      ? (cause.cause as { claim?: unknown }).claim
      : undefined;
  return [err.message, cause?.message, typeof claim === 'string' ? `claim ${claim}` : '']
    .filter(Boolean)
    .join(': ')
    .slice(0, 300);
}
