import { zuluMicros } from '../ids';
import { buildCatalog } from './catalog';
import type { IssuedToken } from './tokens';

/** The `{"token": {...}}` body of POST/GET /v3/auth/tokens, in the key order of Keystone's api-ref sample. */
export function tokenBody(token: IssuedToken, baseUrl: string, withCatalog: boolean): { token: Record<string, unknown> } {
  const body: Record<string, unknown> = {
    methods: token.methods,
    user: {
      domain: { ...token.user.domain },
      id: token.user.id,
      name: token.user.name,
      password_expires_at: token.user.passwordExpiresAt,
    },
    audit_ids: [token.auditId],
    expires_at: zuluMicros(token.expiresAt, 887),
    issued_at: zuluMicros(token.issuedAt, 929),
  };
  if (token.project) {
    body.roles = token.roles.map((r) => ({ id: r.id, name: r.name }));
    body.project = { domain: { ...token.project.domain }, id: token.project.id, name: token.project.name };
    body.is_domain = false;
    if (withCatalog) body.catalog = buildCatalog(baseUrl, token.project.id);
  }
  if (token.applicationCredentialId) {
    body.application_credential = { id: token.applicationCredentialId, name: 'backup-console', restricted: true };
  }
  return { token: body };
}
