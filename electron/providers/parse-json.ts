import type { z } from 'zod';

/** `text` read as JSON of `schema`'s shape; undefined when it is not JSON or not that shape (an error body, a proxy's page). */
export function parseJsonAs<T extends z.ZodType>(schema: T, text: string): z.output<T> | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  const result = schema.safeParse(parsed);
  return result.success ? result.data : undefined;
}
