import { allProjects, allUsers, applicationCredentials, rolesOn, type Project, type Role, type User } from './identity-data';

export type AuthOutcome =
  | { kind: 'ok'; methods: string[]; user: User; project: Project | undefined; roles: Role[]; applicationCredentialId?: string }
  | { kind: 'unauthorized' }
  | { kind: 'bad'; message: string };

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Keystone's ValidationError text in non-debug mode. */
function expecting(attribute: string, target: string): AuthOutcome {
  return {
    kind: 'bad',
    message: `Expecting to find ${attribute} in ${target}. The server could not comply with the request since it is either malformed or otherwise incorrect. The client is assumed to be in error.`,
  };
}

function domainMatches(ref: unknown, domain: { id: string; name: string }): boolean {
  if (!isObject(ref)) return false;
  if (ref.id !== undefined) return ref.id === domain.id;
  return ref.name === domain.name;
}

/** `{id}` or `{name, domain:{id|name}}`, as Keystone resolves users and projects. */
function findByRef<T extends { id: string; name: string; domain: { id: string; name: string } }>(ref: Json, all: T[]): T | undefined | 'no-domain' {
  if (text(ref.id)) return all.find((x) => x.id === ref.id);
  if (!text(ref.name)) return undefined;
  if (!isObject(ref.domain)) return 'no-domain';
  return all.find((x) => x.name === ref.name && domainMatches(ref.domain, x.domain));
}

function passwordIdentity(identity: Json): { user: User } | AuthOutcome {
  if (!isObject(identity.password)) return expecting('password', 'identity');
  const userRef = identity.password.user;
  if (!isObject(userRef)) return expecting('user', 'password');
  if (!text(userRef.id) && !text(userRef.name)) return expecting('id or name', 'user');
  const user = findByRef(userRef, allUsers);
  if (user === 'no-domain') return expecting('domain', 'user');
  if (!user || typeof userRef.password !== 'string' || userRef.password !== user.password) return { kind: 'unauthorized' };
  return { user };
}

function applicationCredentialIdentity(identity: Json): { user: User; credentialId: string } | AuthOutcome {
  const ref = identity.application_credential;
  if (!isObject(ref)) return expecting('application_credential', 'identity');
  if (!text(ref.secret)) return expecting('secret', 'application_credential');
  let credential = text(ref.id) ? applicationCredentials.find((c) => c.id === ref.id) : undefined;
  if (!text(ref.id)) {
    if (!text(ref.name)) return expecting('id or name', 'application_credential');
    if (!isObject(ref.user)) return expecting('user', 'application_credential');
    const owner = findByRef(ref.user, allUsers);
    if (owner === 'no-domain') return expecting('domain', 'user');
    credential = applicationCredentials.find((c) => c.name === ref.name && c.userId === owner?.id);
  }
  if (!credential || credential.secret !== ref.secret) return { kind: 'unauthorized' };
  const user = allUsers.find((u) => u.id === credential.userId);
  return user ? { user, credentialId: credential.id } : { kind: 'unauthorized' };
}

function scopedProject(scope: unknown): Project | undefined | AuthOutcome {
  if (scope === undefined || scope === 'unscoped') return undefined;
  if (!isObject(scope)) return expecting('project, domain or system', 'scope');
  // Domain and system scopes exist in Keystone, but nobody here holds a role on them.
  if (!isObject(scope.project)) return isObject(scope.domain) || isObject(scope.system) ? { kind: 'unauthorized' } : expecting('project', 'scope');
  if (!text(scope.project.id) && !text(scope.project.name)) return expecting('id or name', 'project');
  const project = findByRef(scope.project, allProjects);
  if (project === 'no-domain') return expecting('domain', 'project');
  return project ?? { kind: 'unauthorized' };
}

const isOutcome = (v: unknown): v is AuthOutcome => isObject(v) && typeof v.kind === 'string';

/** Resolves a `POST /v3/auth/tokens` body the way Keystone does, for the password and application_credential methods. */
export function resolveAuthRequest(body: unknown): AuthOutcome {
  if (!isObject(body) || !isObject(body.auth)) return expecting('auth', 'request body');
  const { identity, scope } = body.auth;
  if (!isObject(identity)) return expecting('identity', 'auth');
  const methods = identity.methods;
  if (!Array.isArray(methods) || methods.length === 0 || !methods.every((m) => typeof m === 'string')) return expecting('methods', 'identity');
  const method = methods as string[];

  if (method.includes('application_credential')) {
    const found = applicationCredentialIdentity(identity);
    if (isOutcome(found)) return found;
    // The scope comes from the credential; Keystone refuses a request that asks for one (401).
    if (scope !== undefined) return { kind: 'unauthorized' };
    const credential = applicationCredentials.find((c) => c.id === found.credentialId);
    const project = allProjects.find((p) => p.id === credential?.projectId);
    if (!credential || !project) return { kind: 'unauthorized' };
    return { kind: 'ok', methods: ['application_credential'], user: found.user, project, roles: credential.roles, applicationCredentialId: credential.id };
  }
  if (!method.includes('password')) return { kind: 'unauthorized' };
  const found = passwordIdentity(identity);
  if (isOutcome(found)) return found;
  const project = scopedProject(scope);
  if (isOutcome(project)) return project;
  if (!project) return { kind: 'ok', methods: ['password'], user: found.user, project: undefined, roles: [] };
  const roles = rolesOn(found.user.id, project.id);
  if (roles.length === 0) return { kind: 'unauthorized' };
  return { kind: 'ok', methods: ['password'], user: found.user, project, roles };
}
