import type { OpenStackSim } from './types';

/**
 * A clouds.yaml as an operator keeps one: an unrelated cloud first, then `name`, which signs in to
 * the simulator as the member user. `verify: false` is there because real files have it, and the
 * app must report it instead of obeying it.
 */
export function cloudsYamlFor(sim: OpenStackSim, name: string): string {
  const c = sim.credentials.member;
  return [
    'clouds:',
    '  elsewhere:',
    '    auth: {auth_url: "https://keystone.example.invalid/v3", username: ops, password: not-this-one, project_name: ops, user_domain_name: Default, project_domain_name: Default}',
    `  ${name}:`,
    '    region_name: RegionOne',
    '    verify: false',
    '    auth:',
    `      auth_url: ${sim.authUrl}`,
    `      username: ${c.username}`,
    `      password: ${c.password}`,
    `      project_name: ${c.projectName}`,
    '      user_domain_name: Default',
    '      project_domain_name: Default',
  ].join('\n');
}
