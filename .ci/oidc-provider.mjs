// A real OpenID Connect provider on loopback for the single sign-on tests: the certified npm oidc-provider, with its
// development sign-in pages (any account name, any password) and open dynamic client registration (RFC 7591), so each
// test registers its own client with its own redirect URI. An account name is the email address it signs in as,
// verified; "unverified:" before it gives the same address with email_verified false. Usage: node oidc-provider.mjs PORT
import Provider from 'oidc-provider';

const port = Number(process.argv[2]);
const issuer = `http://127.0.0.1:${port}`;
const provider = new Provider(issuer, {
  features: { devInteractions: { enabled: true }, registration: { enabled: true } },
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  async findAccount(ctx, id) {
    const unverified = id.startsWith('unverified:');
    const email = unverified ? id.slice('unverified:'.length) : id;
    return { accountId: id, async claims() { return { sub: id, email, email_verified: !unverified, name: email.split('@')[0] }; } };
  },
  // Short-lived test keys are generated at start; nothing is persisted.
  cookies: { keys: ['attest-ci-only-not-a-secret'] },
});
provider.proxy = false;
provider.listen(port, '127.0.0.1', () => console.log(`oidc provider at ${issuer}`));
