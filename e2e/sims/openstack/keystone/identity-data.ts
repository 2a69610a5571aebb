/** The fixed devstack-like identity world: one domain, two projects, two users, one application credential. */

export interface Domain {
  id: string;
  name: string;
}

export interface Project {
  id: string;
  name: string;
  domain: Domain;
}

export interface User {
  id: string;
  name: string;
  domain: Domain;
  password: string;
  passwordExpiresAt: string | null;
}

export interface Role {
  id: string;
  name: string;
}

export interface ApplicationCredential {
  id: string;
  name: string;
  secret: string;
  userId: string;
  projectId: string;
  roles: Role[];
}

export const defaultDomain: Domain = { id: 'default', name: 'Default' };

// Admin ids come from the published Keystone samples, so golden comparisons read naturally.
export const roles = {
  admin: { id: '51cc68287d524c759f47c811e6463340', name: 'admin' },
  member: { id: '9fe2ff9ee4384b1894a90878d3e92bab', name: 'member' },
  reader: { id: 'a4cd2f0a5c5e4f2f9d3b6c1e8f7a0b12', name: 'reader' },
} satisfies Record<string, Role>;

export const projects = {
  admin: { id: 'a6944d763bf64ee6a275f1263fae0352', name: 'admin', domain: defaultDomain },
  demo: { id: '3c5b8f3a0d7e4b6a9f1e2d4c6b8a0e13', name: 'demo', domain: defaultDomain },
} satisfies Record<string, Project>;

export const users = {
  admin: { id: 'ee4dfb6e5540447cb3741905149d9b6e', name: 'admin', domain: defaultDomain, password: 'admin-secret', passwordExpiresAt: null },
  demo: { id: '7d2f6a1c9b3e4f5a8c0d1e2f3a4b5c6d', name: 'demo', domain: defaultDomain, password: 'demo-secret', passwordExpiresAt: null },
} satisfies Record<string, User>;

/** Keystone lists implied roles in tokens too: admin implies member implies reader. */
const assignments: Array<{ userId: string; projectId: string; roles: Role[] }> = [
  { userId: users.admin.id, projectId: projects.admin.id, roles: [roles.admin, roles.member, roles.reader] },
  { userId: users.admin.id, projectId: projects.demo.id, roles: [roles.admin, roles.member, roles.reader] },
  { userId: users.demo.id, projectId: projects.demo.id, roles: [roles.member, roles.reader] },
];

export const applicationCredentials: ApplicationCredential[] = [
  {
    id: 'c1f2e3d4b5a697887766554433221100',
    name: 'backup-console',
    secret: 'demo-app-credential-secret',
    userId: users.demo.id,
    projectId: projects.demo.id,
    roles: [roles.member, roles.reader],
  },
];

export const allUsers: User[] = Object.values(users);
export const allProjects: Project[] = Object.values(projects);

export function rolesOn(userId: string, projectId: string): Role[] {
  return assignments.find((a) => a.userId === userId && a.projectId === projectId)?.roles ?? [];
}
