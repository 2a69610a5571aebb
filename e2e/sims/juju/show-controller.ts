import type { SimContext } from './context';

const indent = (text: string, spaces: number) =>
  text
    .trimEnd()
    .split('\n')
    .map((line) => ' '.repeat(spaces) + line)
    .join('\n');

/**
 * `juju show-controller --show-password <name>` (cmd/juju/controller/showcontroller.go, goyaml output):
 * details, controller-machines, models (sorted), current-model, account.
 */
export function showControllerYaml(ctx: SimContext, name: string, user = 'admin'): string {
  const account = ctx.users[user];
  const instance = `juju-${ctx.controllerModelUuid.slice(-6)}-0`;
  return [
    `${name}:`,
    '  details:',
    `    uuid: ${ctx.controllerUuid}`,
    `    api-endpoints: ['127.0.0.1:${ctx.port()}']`,
    '    ca-cert: |',
    indent(ctx.caPem, 6),
    `    cloud: ${ctx.profile.cloud}`,
    `    region: ${ctx.profile.cloud}`,
    `    agent-version: ${ctx.profile.version}`,
    '  controller-machines:',
    '    "0":',
    `      instance-id: ${instance}`,
    '  models:',
    '    controller:',
    `      uuid: ${ctx.controllerModelUuid}`,
    '      machine-count: 1',
    '      core-count: 4',
    '    default:',
    `      uuid: ${ctx.defaultModelUuid}`,
    `  current-model: ${user}/default`,
    '  account:',
    `    user: ${user}`,
    `    access: ${account.controllerAccess}`,
    `    password: ${account.password}`,
    '',
  ].join('\n');
}
