/**
 * The slice of JSON Schema (Draft 4) that Trove's request schemas (trove/common/apischema.py) use, with the messages
 * Python's jsonschema writes, so a 400 "Validation error: backup['incremental'] True is not of type 'integer'" reads
 * like the real one.
 */

export type Schema =
  | { type: 'string'; minLength?: number; maxLength?: number; pattern?: string }
  | { type: 'integer' | 'number'; minimum?: number; maximum?: number }
  | { type: 'boolean' | 'null' }
  | { type: 'array'; maxItems?: number; items?: Schema }
  | { type: 'object'; required?: string[]; properties?: Record<string, Schema>; additionalProperties?: boolean }
  | { oneOf: Schema[] };

export interface SchemaError {
  path: Array<string | number>;
  message: string;
}

/** Python's repr() of a decoded JSON value. */
export function pyRepr(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return `[${value.map(pyRepr).join(', ')}]`;
  return `{${Object.entries(value as Record<string, unknown>)
    .map(([k, v]) => `${pyRepr(k)}: ${pyRepr(v)}`)
    .join(', ')}}`;
}

const jsonType = (value: unknown): string => {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  // Python's jsonschema never counts a bool as an integer or a number.
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
};

const isType = (value: unknown, type: string) => jsonType(value) === type || (type === 'number' && jsonType(value) === 'integer');

function check(schema: Schema, value: unknown, path: Array<string | number>, errors: SchemaError[]): void {
  const fail = (message: string) => errors.push({ path, message });
  if ('oneOf' in schema) {
    const matches = schema.oneOf.filter((option) => validate(option, value).length === 0).length;
    if (matches === 0) fail(`${pyRepr(value)} is not valid under any of the given schemas`);
    else if (matches > 1) fail(`${pyRepr(value)} is valid under each of the given schemas`);
    return;
  }
  if (!isType(value, schema.type)) {
    fail(`${pyRepr(value)} is not of type '${schema.type}'`);
    return;
  }
  switch (schema.type) {
    case 'string': {
      const text = value as string;
      if (schema.minLength !== undefined && text.length < schema.minLength) fail(`${pyRepr(text)} is too short`);
      if (schema.maxLength !== undefined && text.length > schema.maxLength) fail(`${pyRepr(text)} is too long`);
      if (schema.pattern !== undefined && !new RegExp(schema.pattern).test(text)) fail(`${pyRepr(text)} does not match ${pyRepr(schema.pattern)}`);
      return;
    }
    case 'integer':
    case 'number': {
      const n = value as number;
      if (schema.minimum !== undefined && n < schema.minimum) fail(`${n} is less than the minimum of ${schema.minimum}`);
      if (schema.maximum !== undefined && n > schema.maximum) fail(`${n} is greater than the maximum of ${schema.maximum}`);
      return;
    }
    case 'array': {
      const items = value as unknown[];
      if (schema.maxItems !== undefined && items.length > schema.maxItems) fail(`${pyRepr(items)} is too long`);
      if (schema.items) items.forEach((item, i) => check(schema.items as Schema, item, [...path, i], errors));
      return;
    }
    case 'object': {
      const object = value as Record<string, unknown>;
      for (const key of schema.required ?? []) if (!(key in object)) fail(`${pyRepr(key)} is a required property`);
      const properties = schema.properties ?? {};
      for (const [key, sub] of Object.entries(properties)) if (key in object) check(sub, object[key], [...path, key], errors);
      if (schema.additionalProperties === false) {
        const extra = Object.keys(object).filter((key) => !(key in properties));
        if (extra.length > 0) fail(`Additional properties are not allowed (${extra.map(pyRepr).join(', ')} ${extra.length === 1 ? 'was' : 'were'} unexpected)`);
      }
      return;
    }
    default:
      return;
  }
}

/** Errors in jsonschema's order: by path, then as the schema's keywords found them. */
export function validate(schema: Schema, value: unknown): SchemaError[] {
  const errors: SchemaError[] = [];
  check(schema, value, [], errors);
  const key = (e: SchemaError) => e.path.map(String).join('\u0000');
  return errors.map((e, i) => ({ e, i })).sort((a, b) => (key(a.e) < key(b.e) ? -1 : key(a.e) > key(b.e) ? 1 : a.i - b.i)).map(({ e }) => e);
}

/**
 * trove/common/wsgi.py format_validation_msg: `backup['incremental'] True is not of type 'integer'`.
 * It indexes path[0], so an error at the body's root (say, no "backup" key) raises IndexError there: undefined here,
 * which the caller turns into Trove's 500.
 */
export function formatValidationMessages(errors: SchemaError[]): string[] | undefined {
  if (errors.some((e) => e.path.length === 0)) return undefined;
  return errors.map((e) => `${e.path[0]}${e.path
    .slice(1)
    .map((p) => `[${pyRepr(p)}]`)
    .join('')} ${e.message}`);
}
