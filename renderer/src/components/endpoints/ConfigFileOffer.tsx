import type { KindInfo } from '../../../../shared/domain';
import { Button } from '../ui/Button';

/** Points operators who already keep a config file (clouds.yaml) at the import instead of retyping it. */
export function ConfigFileOffer({ kind, onImport }: { kind: KindInfo & { configFileLabel: string }; onImport(): void }) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-blue-200 bg-blue-50 px-3 py-2 text-sm text-blue-950 dark:border-blue-900 dark:bg-blue-950/50 dark:text-blue-100">
      <p>
        Already have a <span className="font-mono text-xs">{kind.configFileLabel}</span>? Import a cloud from it, or drop the file here.
      </p>
      <Button size="sm" data-testid="import-config-file" onClick={onImport}>
        Import {kind.configFileLabel}…
      </Button>
    </div>
  );
}
