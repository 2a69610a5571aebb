import { randomBytes } from 'node:crypto';
import type { SimToken } from '../sim-service';
import type { Project, Role, User } from './identity-data';

export interface IssuedToken {
  id: string;
  methods: string[];
  user: User;
  project: Project | undefined;
  roles: Role[];
  issuedAt: number;
  expiresAt: number;
  auditId: string;
  applicationCredentialId?: string;
}

/** Fernet-looking ids: real clients treat tokens as opaque, but some log or size-check them. */
function newTokenId(): string {
  return `gAAAAAB${randomBytes(132).toString('base64url')}`;
}

/** Issued tokens; expiry is checked on use, revocation forgets them all. */
export class TokenStore {
  private tokens = new Map<string, IssuedToken>();

  constructor(private readonly now: () => number) {}

  issue(fields: Omit<IssuedToken, 'id' | 'issuedAt' | 'expiresAt' | 'auditId'>, ttlSeconds: number): IssuedToken {
    const issuedAt = this.now();
    const token: IssuedToken = {
      ...fields,
      id: newTokenId(),
      issuedAt,
      expiresAt: issuedAt + ttlSeconds * 1000,
      auditId: randomBytes(16).toString('base64url').slice(0, 22),
    };
    this.tokens.set(token.id, token);
    return token;
  }

  /** A live token, or undefined when unknown, revoked or expired. */
  find(id: string | undefined): IssuedToken | undefined {
    if (!id) return undefined;
    const token = this.tokens.get(id);
    if (!token) return undefined;
    if (token.expiresAt <= this.now()) return undefined;
    return token;
  }

  revoke(id: string): boolean {
    return this.tokens.delete(id);
  }

  revokeAll(): void {
    this.tokens.clear();
  }

  count(): number {
    return this.tokens.size;
  }
}

/** What keystonemiddleware hands the service: only project-scoped tokens reach Cinder and Trove. */
export function toSimToken(token: IssuedToken): SimToken | undefined {
  if (!token.project) return undefined;
  return {
    id: token.id,
    userId: token.user.id,
    userName: token.user.name,
    projectId: token.project.id,
    projectName: token.project.name,
    roles: token.roles.map((r) => r.name),
    expiresAt: token.expiresAt,
  };
}
