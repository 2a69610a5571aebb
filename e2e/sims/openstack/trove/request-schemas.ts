import { accept, refuse, troveErrors } from './errors';
import { formatValidationMessages, validate, type Schema } from './schema-check';
import type { Outcome } from './types';

/** trove/common/apischema.py, the parts the simulated routes read. */
const nonEmptyString: Schema = { type: 'string', minLength: 1, maxLength: 255, pattern: '^.*[0-9a-zA-Z]+.*$' };
const uuid: Schema = {
  type: 'string',
  minLength: 1,
  maxLength: 64,
  pattern: '^([0-9a-fA-F]){8}-([0-9a-fA-F]){4}-([0-9a-fA-F]){4}-([0-9a-fA-F]){4}-([0-9a-fA-F]){12}$',
};
const positiveIntegerString: Schema = { type: 'string', maxLength: 40, minLength: 1, pattern: '^0*[1-9]+[0-9]*$' };

const backupCreate: Schema = {
  type: 'object',
  required: ['backup'],
  properties: {
    backup: {
      type: 'object',
      required: ['name'],
      properties: {
        description: nonEmptyString,
        instance: uuid,
        name: nonEmptyString,
        parent_id: uuid,
        incremental: { type: 'integer', minimum: 0, maximum: 1 },
        swift_container: nonEmptyString,
      },
    },
  },
};

const instanceCreate: Schema = {
  type: 'object',
  required: ['instance'],
  properties: {
    instance: {
      type: 'object',
      required: ['name'],
      properties: {
        name: nonEmptyString,
        flavorRef: { oneOf: [nonEmptyString, { type: 'integer' }] },
        volume: { type: 'object', required: ['size'], properties: { size: { oneOf: [{ type: 'integer', minimum: 1 }, positiveIntegerString] } } },
        // The real schema says uuid; the API reference also allows an href, which Trove reduces with get_id_from_href.
        restorePoint: { type: 'object', required: ['backupRef'], properties: { backupRef: nonEmptyString } },
        datastore: { type: 'object', properties: { type: nonEmptyString, version: nonEmptyString } },
        nics: { type: 'array', maxItems: 1, items: { type: 'object' } },
      },
    },
  },
};

const strategyCreate: Schema = {
  type: 'object',
  required: ['backup_strategy'],
  properties: {
    backup_strategy: {
      type: 'object',
      additionalProperties: false,
      required: ['swift_container'],
      properties: { instance_id: uuid, swift_container: nonEmptyString },
    },
  },
};

export interface BackupCreateInput {
  name: string;
  instance: string | undefined;
  description: string | null;
  parentId: string | undefined;
  incremental: boolean;
  swiftContainer: string | undefined;
}

export interface InstanceCreateInput {
  name: string;
  flavorRef: string | undefined;
  volumeSize: number | undefined;
  datastoreType: string | undefined;
  datastoreVersion: string | undefined;
  backupRef: string | undefined;
}

export interface StrategyCreateInput {
  instanceId: string;
  swiftContainer: string;
}

function checked(schema: Schema, body: unknown, errorId: () => string): Outcome<Record<string, Record<string, unknown>>> {
  const messages = formatValidationMessages(validate(schema, body));
  if (messages === undefined) return refuse(troveErrors.internal(errorId()));
  if (messages.length > 0) return refuse(troveErrors.validation(messages));
  return accept(body as Record<string, Record<string, unknown>>);
}

const optionalString = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** `errorId` names the 500 that a body without its top-level key provokes in real Trove. */
export function parseBackupCreate(body: unknown, errorId: () => string): Outcome<BackupCreateInput> {
  const result = checked(backupCreate, body, errorId);
  if (!result.ok) return result;
  const backup = result.value.backup;
  return accept({
    name: backup.name as string,
    instance: optionalString(backup.instance),
    description: optionalString(backup.description) ?? null,
    parentId: optionalString(backup.parent_id),
    incremental: backup.incremental === 1,
    swiftContainer: optionalString(backup.swift_container),
  });
}

/** utils.get_id_from_href: the last path segment, without a query. */
export function idFromHref(ref: string): string {
  return ref.split('?')[0].replace(/\/+$/, '').split('/').pop() ?? ref;
}

export function parseInstanceCreate(body: unknown, errorId: () => string): Outcome<InstanceCreateInput> {
  const result = checked(instanceCreate, body, errorId);
  if (!result.ok) return result;
  const instance = result.value.instance;
  const flavorRef = instance.flavorRef;
  const volume = instance.volume as { size: number | string } | undefined;
  const datastore = (instance.datastore ?? {}) as Record<string, unknown>;
  const restorePoint = instance.restorePoint as { backupRef: string } | undefined;
  return accept({
    name: instance.name as string,
    flavorRef: flavorRef === undefined ? undefined : idFromHref(String(flavorRef)),
    volumeSize: volume === undefined ? undefined : Number(volume.size),
    datastoreType: optionalString(datastore.type),
    datastoreVersion: optionalString(datastore.version),
    backupRef: restorePoint && idFromHref(restorePoint.backupRef),
  });
}

export function parseStrategyCreate(body: unknown, errorId: () => string): Outcome<StrategyCreateInput> {
  const result = checked(strategyCreate, body, errorId);
  if (!result.ok) return result;
  const strategy = result.value.backup_strategy;
  return accept({ instanceId: optionalString(strategy.instance_id) ?? '', swiftContainer: strategy.swift_container as string });
}
