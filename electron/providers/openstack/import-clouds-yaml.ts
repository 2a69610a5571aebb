import type { ImportedConfig } from '../provider';
import { parseCloudsYaml } from './clouds-yaml';

/** `Provider.importConfigFile` for both OpenStack kinds: one cloud of a clouds.yaml. */
export function importCloudsYaml(text: string, cloud?: string): ImportedConfig {
  const parsed = parseCloudsYaml(text, cloud);
  // parseCloudsYaml fills `entry` on its own when the file has a single cloud; only an explicit choice imports.
  if (!cloud || !parsed.entry) return { entries: parsed.clouds, warnings: parsed.entry?.warnings ?? [] };
  const { url, settings, secrets, warnings } = parsed.entry;
  return { entries: parsed.clouds, config: { url, settings }, secrets, warnings };
}
