import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** The reference samples beside the project (../shared/reference/samples). */
export const samplesDir = path.resolve(__dirname, '../../../../../shared/reference/samples');

/** Every file under `samplesDir/sub`, as paths relative to it. */
export function sampleFiles(sub: string): string[] {
  const root = path.join(samplesDir, sub);
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? walk(full) : [path.relative(root, full)];
    });
  return walk(root).sort();
}

export function readSample(sub: string, file: string): string {
  return readFileSync(path.join(samplesDir, sub, file), 'utf8');
}

export function readJsonSample(sub: string, file: string): unknown {
  return JSON.parse(readSample(sub, file)) as unknown;
}
