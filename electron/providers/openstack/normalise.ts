const GIB = 2 ** 30;

/** Cinder and Trove report sizes in GiB (Trove as a float). */
export function gibToBytes(gib: number): number {
  return Math.round(gib * GIB);
}

/** The size exactly as the server reported it, so the UI can say it was not bytes. */
export function reportedGib(gib: number): string {
  return `${gib} GiB`;
}

/**
 * OpenStack services write UTC timestamps without a zone ("2023-06-23T11:56:02.509831"), and
 * JavaScript would read those as local time. Returns ISO UTC with milliseconds, or undefined.
 */
export function wireTimestampToIso(text: string | null | undefined): string | undefined {
  if (!text) return undefined;
  const trimmed = text.trim().replace(' ', 'T');
  const hasZone = /(Z|[+-]\d{2}:?\d{2})$/i.test(trimmed);
  // Date parses at most milliseconds reliably: cut the microseconds.
  const withMillis = trimmed.replace(/(\.\d{3})\d+/, '$1');
  const ms = Date.parse(hasZone ? withMillis : `${withMillis}Z`);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/** A wire value as a details-pane value: objects become JSON text, undefined is dropped. */
export function detailValue(value: unknown): string | number | boolean | null | undefined {
  if (value === undefined) return undefined;
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
}

/** Every wire field not already shown elsewhere, as details-pane values. */
export function detailsOf(wire: Record<string, unknown>, shownElsewhere: readonly string[]): Record<string, string | number | boolean | null> {
  const details: Record<string, string | number | boolean | null> = {};
  for (const [key, value] of Object.entries(wire)) {
    if (shownElsewhere.includes(key)) continue;
    const shown = detailValue(value);
    if (shown !== undefined) details[key] = shown;
  }
  return details;
}
