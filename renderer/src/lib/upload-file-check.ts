/** Every gzip stream starts with these two bytes (RFC 1952, ID1 ID2). */
export const gzipSignature = [0x1f, 0x8b] as const;

/** How many leading bytes `uploadFileProblems` needs. */
export const headBytesNeeded = gzipSignature.length;

const hex = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join(' ');

/**
 * What this window can tell from the size and first bytes before anything is sent, so browser
 * mode (where main sees the bytes only once they are uploaded) refuses the same files as the
 * desktop. Worded exactly like main's check (electron/core/files/upload-source.ts), so when both
 * answer, `mergeProblems` shows it once.
 */
export function uploadFileProblems(sizeBytes: number, head: Uint8Array): string[] {
  if (sizeBytes === 0) return ['The file is empty, so it cannot be a backup. Pick the .tgz file the appliance produced.'];
  const first = head.subarray(0, gzipSignature.length);
  if (first.length < gzipSignature.length || first[0] !== gzipSignature[0] || first[1] !== gzipSignature[1]) {
    return [
      `The file does not start like a gzip archive (its first bytes are ${hex(first)}, not 1f 8b). Appliance backups are .tgz files: pick the file downloaded from the appliance.`,
    ];
  }
  return [];
}

/** This window's findings first, then main's, each said once (case and spacing aside). */
export function mergeProblems(local: readonly string[], remote: readonly string[]): string[] {
  const seen = new Set<string>();
  const merged: string[] = [];
  for (const problem of [...local, ...remote]) {
    const key = problem.trim().toLowerCase().replace(/\s+/g, ' ');
    if (seen.has(key)) continue;
    seen.add(key);
    merged.push(problem);
  }
  return merged;
}
