import type { Outcome, TroveFault } from './types';

/**
 * Trove's faults with the names trove/common/wsgi.py Fault gives them and the texts of trove/common/exception.py.
 * Note the status mapping looks up the exception's exact class, so e.g. FlavorNotFound and DatastoreVersionNotFound
 * (not listed in Controller.exception_map) end up as 400, while plain NotFound is 404.
 */
const fault = (status: number, name: string, message: string): TroveFault => ({ status, name, message });

export const troveErrors = {
  badRequest: (message: string) => fault(400, 'badRequest', message),
  validation: (messages: string[]) => fault(400, 'badRequest', `Validation error: ${messages.join('; ')}`),
  /** NotFound / ModelNotFoundError. */
  notFound: (id: string) => fault(404, 'itemNotFound', `Resource ${id} cannot be found.`),
  /** The router found no route: webob's HTTPNotFound explanation. */
  noRoute: () => fault(404, 'itemNotFound', 'The resource could not be found.'),
  /** keystonemiddleware token for another project than the one in the path (trove/common/auth.py TenantBasedAuth). */
  wrongTenant: (tokenProjectId: string) => fault(403, 'forbidden', `User with tenant id ${tokenProjectId} cannot access this resource.`),
  /** SwiftAuthError: Trove could not reach the project's object storage; Controller.exception_map sends it as 401. */
  swiftAuth: (projectId: string) => fault(401, 'unauthorized', `Swift account not accessible for tenant ${projectId}.`),
  policy: (action: string) => fault(403, 'forbidden', `Policy doesn't allow ${action} to be performed.`),
  operationAuth: (projectId: string) => fault(403, 'forbidden', `Operation not allowed for tenant ${projectId}.`),
  instanceBusy: (instanceId: string, statusType: 'instance' | 'task', status: string) =>
    fault(422, 'unprocessableEntity', `Instance ${instanceId} is not currently available for an action to be performed (${statusType} status was ${status}).`),
  backupRunning: (backupId: string) => fault(422, 'unprocessableEntity', `Backup ${backupId} cannot be deleted because it is running.`),
  instanceNotReady: (instanceId: string, status: string) => fault(422, 'unprocessableEntity', `Instance ${instanceId} is not ready. (Status is ${status}).`),
  backupNotComplete: (backupId: string, state: string) =>
    fault(409, 'conflict', `Unable to create instance because backup ${backupId} is not completed. Actual state: ${state}.`),
  backupTooLarge: (backupSizeGb: number, diskSizeGb: number) =>
    fault(403, 'forbidden', `Backup is too large for given flavor or volume. Backup size: ${backupSizeGb} GBs. Available size: ${diskSizeGb} GBs.`),
  backupCreation: (message = 'Unable to create Backup.') => fault(400, 'badRequest', message),
  operationNotSupported: (operation: string, datastore: string) =>
    fault(501, 'notImplemented', `The '${operation}' operation is not supported for the '${datastore}' datastore.`),
  datastoreNotFound: (datastore: string) => fault(404, 'itemNotFound', `Datastore '${datastore}' cannot be found.`),
  datastoreVersionNotFound: (version: string) => fault(400, 'badRequest', `Datastore version '${version}' cannot be found.`),
  datastoreNoVersion: (datastore: string, version: string) => fault(400, 'badRequest', `Datastore '${datastore}' has no version '${version}'.`),
  datastoreMismatch: (backupDatastore: string, target: string) =>
    fault(
      400,
      'badRequest',
      `The datastore from which the backup was taken, ${backupDatastore}, does not match the destination datastore of ${target}.`,
    ),
  flavorNotFound: (flavorId: string) => fault(400, 'badRequest', `Resource ${flavorId} cannot be found.`),
  volumeSizeNotSpecified: () => fault(400, 'badRequest', 'Volume size was not specified.'),
  malformedBody: () => fault(400, 'badRequest', 'Malformed request body'),
  /** An unexpected exception in a controller (trove/common/wsgi.py Resource.execute_action). */
  internal: (errorId: string) =>
    fault(500, 'instanceFault', `Internal Server Error. Please keep this ID to help us figure out what went wrong: (${errorId}).`),
} as const;

export const refuse = <T>(f: TroveFault): Outcome<T> => ({ ok: false, fault: f });
export const accept = <T>(value: T): Outcome<T> => ({ ok: true, value });
