// A real OpenID provider for tests (oidc-provider), on 127.0.0.1 at a random port. Its login
// step signs in whoever the test names with `signInAs`, so a browser or a fetch loop can go
// through the whole redirect round trip without a login form.
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import Provider from 'oidc-provider';

export type TestPerson = { sub: string; email?: string; email_verified?: boolean; name?: string; groups?: string[] };

export type TestProvider = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  signInAs: (person: TestPerson) => void;
  close: () => Promise<void>;
};

export async function startProvider(redirectUris: string[]): Promise<TestProvider> {
  const clientId = 'promise-tracker';
  const clientSecret = 'a-test-client-secret-that-is-long-enough';
  let person: TestPerson | null = null;
  let handler: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.end();
  const server = createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = address && typeof address === 'object' ? address.port : 0;
  const issuer = `http://127.0.0.1:${port}`;

  // A fresh signing key per run: the ID token's signature is checked against this JWKS.
  const signingKey = {
    ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }),
    kid: 'test',
    alg: 'RS256',
    use: 'sig',
  };
  const provider = new Provider(issuer, {
    jwks: { keys: [signingKey as never] },
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: redirectUris,
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'groups'] },
    // Entra ID puts these in the ID token; so does this provider.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    cookies: { keys: ['test-cookie-key'] },
    pkce: { required: () => true },
    async findAccount(_ctx, sub) {
      const p = person && person.sub === sub ? person : null;
      if (!p) return undefined;
      return { accountId: sub, claims: async () => ({ ...p }) };
    },
  });

  const interaction = /^\/interaction\/([^/?]+)/;
  const callback = provider.callback();
  handler = (req, res) => {
    if (!interaction.test(req.url ?? '')) return void callback(req, res);
    void (async () => {
      try {
        const details = await provider.interactionDetails(req, res);
        if (!person) throw new Error('the test did not say who signs in');
        const grant = new provider.Grant({ accountId: person.sub, clientId });
        grant.addOIDCScope(String(details.params.scope ?? 'openid'));
        const grantId = await grant.save();
        await provider.interactionFinished(
          req,
          res,
          { login: { accountId: person.sub }, consent: { grantId } },
          { mergeWithLastSubmission: false },
        );
      } catch (err) {
        res.statusCode = 500;
        res.end(String(err));
      }
    })();
  };

  return {
    issuer,
    clientId,
    clientSecret,
    signInAs: (p) => void (person = p),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
