import { mv, type Microversion } from './microversion';
import { badRequest } from './model';

/**
 * Cinder validates request bodies with JSON schemas (cinder/api/schemas/backups.py) that set
 * additionalProperties: false, so a field from a later microversion is a 400, not ignored.
 */
type Check = (value: unknown) => string | undefined;

const repr = (value: unknown) => JSON.stringify(value) ?? 'None';
const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
const BOOLEAN_STRINGS = ['true', 'false', '1', '0', 'on', 'off', 'yes', 'no', 'y', 'n', 't', 'f'];

const text =
  (max = 255, nullable = true): Check =>
  (v) => {
    if (v === null && nullable) return undefined;
    if (typeof v !== 'string') return `${repr(v)} is not of type 'string'${nullable ? ", 'null'" : ''}`;
    return v.length > max ? `${repr(v)} is too long` : undefined;
  };
const uuid =
  (nullable: boolean): Check =>
  (v) => {
    if (v === null && nullable) return undefined;
    return typeof v === 'string' && UUID.test(v) ? undefined : `${repr(v)} is not a 'uuid'`;
  };
const bool: Check = (v) =>
  typeof v === 'boolean' || (typeof v === 'string' && BOOLEAN_STRINGS.includes(v.toLowerCase())) ? undefined : `${repr(v)} is not one of the boolean values`;
const metadata: Check = (v) => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return `${repr(v)} is not of type 'object'`;
  for (const [key, value] of Object.entries(v)) {
    if (key.length === 0 || key.length > 255) return `${repr(key)} does not match any of the regexes`;
    if (typeof value !== 'string' || value.length > 255) return `${repr(value)} is not of type 'string'`;
  }
  return undefined;
};

interface Problem {
  path: string[];
  value: unknown;
  reason: string;
}

function objectOf(props: Record<string, Check | Nested>, required: string[] = [], nullable = false): Nested {
  return (v) => {
    const here = (reason: string): Problem => ({ path: [], value: v, reason });
    if (v === null && nullable) return undefined;
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return here(`${repr(v)} is not of type 'object'${nullable ? ", 'null'" : ''}`);
    const record = v as Record<string, unknown>;
    const extra = Object.keys(record).filter((k) => !(k in props));
    if (extra.length) return here(`Additional properties are not allowed (${extra.map((k) => `'${k}'`).join(', ')} ${extra.length === 1 ? 'was' : 'were'} unexpected)`);
    const missing = required.find((k) => !(k in record));
    if (missing) return here(`'${missing}' is a required property`);
    for (const [key, check] of Object.entries(props)) {
      if (!(key in record)) continue;
      const problem = check(record[key]);
      if (typeof problem === 'string') return { path: [key], value: record[key], reason: problem };
      if (problem) return { ...problem, path: [key, ...problem.path] };
    }
    return undefined;
  };
}

type Nested = (value: unknown) => Problem | undefined;

/** Cinder's ValidationError text: "Invalid input for field/attribute backup/volume_id. Value: .... <reason>". */
function validate(root: string, check: Nested, body: unknown): void {
  const problem = objectOf({ [root]: check }, [root])(body);
  if (!problem) return;
  const path = problem.path.length ? problem.path.join('/') : root;
  throw badRequest(`Invalid input for field/attribute ${path}. Value: ${repr(problem.value)}. ${problem.reason}`);
}

export function validateCreate(body: unknown, version: Microversion): void {
  const props: Record<string, Check | Nested> = {
    volume_id: uuid(false),
    container: text(),
    description: text(),
    incremental: bool,
    force: bool,
    name: text(),
    snapshot_id: uuid(true),
  };
  if (version >= mv.backupMetadata) props.metadata = metadata;
  if (version >= mv.backupAz) props.availability_zone = text();
  validate('backup', objectOf(props, ['volume_id']), body);
}

export function validateUpdate(body: unknown, version: Microversion): void {
  const props: Record<string, Check | Nested> = { name: text(), description: text() };
  if (version >= mv.backupMetadata) props.metadata = metadata;
  validate('backup', objectOf(props), body);
}

export function validateRestore(body: unknown): void {
  validate('restore', objectOf({ name: text(), volume_id: uuid(true) }, [], true), body);
}

export function validateImport(body: unknown): void {
  validate('backup-record', objectOf({ backup_service: text(255, false), backup_url: text(65_535, false) }, ['backup_service', 'backup_url']), body);
}

export function validateResetStatus(body: unknown): void {
  validate('os-reset_status', objectOf({ status: text(255, false) }, ['status']), body);
}

/** parameter_types.boolean accepts strings too. */
export function truthy(value: unknown): boolean {
  return value === true || (typeof value === 'string' && ['true', '1', 'on', 'yes', 'y', 't'].includes(value.toLowerCase()));
}
