import { endpointImportSchema, type CallHandlers, type EndpointView } from '../../../shared/contract';
import { endpointConfigSchema } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import type { CoreDeps } from './deps';
import { addEndpoint } from './endpoint-handlers';

type ImportHandlers = Pick<CallHandlers, 'endpoints.import' | 'endpoints.importConfigFile'>;

export function endpointImportHandlers(deps: CoreDeps): ImportHandlers {
  return {
    /** One JSON object per line, as `npm run sims` prints them. A bad line is reported and skipped; the others still land. */
    'endpoints.import': async ({ text }) => {
      const added: EndpointView[] = [];
      const skipped: string[] = [];
      const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
      for (const [index, line] of lines.entries()) {
        let json: unknown;
        try {
          json = JSON.parse(line);
        } catch {
          skipped.push(`Line ${index + 1}: not JSON`);
          continue;
        }
        const parsed = endpointImportSchema.safeParse(json);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          skipped.push(`Line ${index + 1}: ${issue?.path.join('.') || 'value'}: ${issue?.message ?? 'invalid'}`);
          continue;
        }
        const { secrets, ...config } = parsed.data;
        try {
          added.push(await addEndpoint(deps, config, secrets));
        } catch (error) {
          skipped.push(`Line ${index + 1}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      return { added, skipped };
    },
    'endpoints.importConfigFile': async ({ text, kind, entry, name }) => {
      const provider = deps.providers.get(kind);
      if (!provider.importConfigFile) throw new AppError('unsupported', `${provider.info.label} endpoints have no configuration file to import.`);
      const imported = provider.importConfigFile(text, entry);
      if (!entry || !imported.config) return { entries: imported.entries, warnings: imported.warnings };
      const config = endpointConfigSchema.parse({
        kind,
        name: name?.trim() || `${entry} (${provider.info.label})`,
        url: imported.config.url,
        settings: imported.config.settings,
        tls: imported.config.caPem ? { caPem: imported.config.caPem } : {},
      });
      const added = await addEndpoint(deps, config, imported.secrets);
      deps.log.info('endpoint imported from a configuration file', { endpointId: added.id, kind });
      return { entries: imported.entries, added, warnings: imported.warnings };
    },
  };
}
