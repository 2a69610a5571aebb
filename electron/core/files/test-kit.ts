import { readdirSync } from 'node:fs';
import { basename, dirname } from 'node:path';

/** Partial files a download into `destination` left behind (there should be none once it ended). */
export function leftoverParts(destination: string): string[] {
  const name = basename(destination);
  return readdirSync(dirname(destination)).filter((file) => file.startsWith(`${name}.`) && file.endsWith('.part'));
}
