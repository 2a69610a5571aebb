import { events, type EventName, type EventPayload } from '../../../shared/contract';

/** Validates a pushed event payload; invalid ones are dropped with a warning, never passed on. */
export function parseEventPayload<E extends EventName>(event: E, raw: unknown): EventPayload<E> | undefined {
  const parsed = events[event].safeParse(raw);
  if (!parsed.success) {
    console.warn(`[client] dropped an invalid "${event}" event`, parsed.error.issues);
    return undefined;
  }
  return parsed.data as EventPayload<E>;
}
