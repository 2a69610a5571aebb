import { parse } from 'yaml';
import { AppError } from '../../../shared/errors';
import type { ImportedConfig } from '../provider';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | undefined => (typeof v === 'string' || typeof v === 'number' ? String(v).trim() || undefined : undefined);

const notShowController = 'Paste or pick the output of `juju show-controller --show-password <name>` (YAML).';

/** `{<controller name>: {details, models, account, …}}`, as cmd/juju/controller/showcontroller.go writes it. */
function parseControllers(yamlText: string): Record<string, Record<string, unknown>> {
  let doc: unknown;
  try {
    doc = parse(yamlText);
  } catch (error) {
    const why = error instanceof Error ? error.message.split('\n')[0] : 'unreadable';
    throw new AppError('validation', `The file is not valid YAML: ${why}`, notShowController);
  }
  if (!isRecord(doc)) throw new AppError('validation', 'The file does not list any controller.', notShowController);
  const controllers = Object.fromEntries(Object.entries(doc).filter(([, v]) => isRecord(v) && isRecord(v.details))) as Record<string, Record<string, unknown>>;
  if (!Object.keys(controllers).length) throw new AppError('validation', 'The file has no controller with a "details" section.', notShowController);
  return controllers;
}

/** The model named "controller" (older clients qualify it: "admin/controller"); YAML says `model-uuid`, JSON and older releases `uuid`. */
function controllerModelUuid(models: unknown): string | undefined {
  if (!isRecord(models)) return undefined;
  const entry = Object.entries(models).find(([name]) => name === 'controller' || name.endsWith('/controller'))?.[1];
  return isRecord(entry) ? (text(entry['model-uuid']) ?? text(entry.uuid)) : undefined;
}

/** The logged-in account: `account` today, `accounts[current-account]` in the first 2.0 releases. */
function accountOf(controller: Record<string, unknown>): Record<string, unknown> | undefined {
  if (isRecord(controller.account)) return controller.account;
  const accounts = controller.accounts;
  if (!isRecord(accounts)) return undefined;
  const current = text(controller['current-account']);
  const chosen = (current && accounts[current]) || Object.values(accounts)[0];
  return isRecord(chosen) ? chosen : undefined;
}

/** Settings and secrets from one controller of `juju show-controller --show-password` output; without `entry`, only the names. */
export function importShowController(yamlText: string, entry?: string): ImportedConfig {
  const controllers = parseControllers(yamlText);
  const entries = Object.keys(controllers);
  if (!entry) return { entries, warnings: [] };
  const controller = controllers[entry];
  if (!controller) throw new AppError('validation', `The file has no controller named "${entry}".`, `It lists: ${entries.join(', ')}.`);
  const details = controller.details as Record<string, unknown>;
  const warnings: string[] = [];

  const endpoints = (Array.isArray(details['api-endpoints']) ? details['api-endpoints'] : []).map(text).filter((e): e is string => Boolean(e));
  if (!endpoints.length) throw new AppError('validation', `Controller "${entry}" lists no api-endpoints.`, 'Run `juju show-controller` again while the controller is reachable.');
  if (endpoints.length > 1) warnings.push(`The controller has ${endpoints.length} API addresses; Backup Console uses the first (${endpoints[0]}). Others: ${endpoints.slice(1).join(', ')}.`);

  const caPem = text(details['ca-cert']);
  if (!caPem) warnings.push("The file has no ca-cert: paste the controller's CA certificate before connecting (verification is never switched off).");

  const settings: Record<string, string> = {};
  const account = accountOf(controller);
  const user = text(account?.user);
  settings.username = user ?? 'admin';
  if (!user) warnings.push('The file names no account; the user was set to admin.');
  if (user?.includes('@')) warnings.push(`${user} is an external user (signs in through an identity provider); Backup Console needs a local user with a password.`);
  const access = text(account?.access);
  if (access && access !== 'superuser') warnings.push(`User ${settings.username} has "${access}" access to the controller, but backups need superuser: run \`juju grant ${settings.username} superuser\`.`);

  const modelUuid = controllerModelUuid(controller.models);
  if (modelUuid) settings.model_uuid = modelUuid;
  else warnings.push('The file does not show the controller model; Backup Console will look it up when it connects.');
  const agentVersion = text(details['agent-version']);
  if (agentVersion) settings.agent_version = agentVersion;

  const password = text(account?.password);
  const secrets = password ? { password } : undefined;
  if (!password) warnings.push('The file has no password: run `juju show-controller --show-password`, or type the password in.');

  return { entries, config: { url: `https://${endpoints[0]}`, settings, ...(caPem ? { caPem } : {}) }, secrets, warnings };
}
