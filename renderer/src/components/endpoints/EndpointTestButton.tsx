import { useState } from 'react';
import type { EndpointView } from '../../../../shared/contract';
import type { EndpointConfig } from '../../../../shared/domain';
import { configKey } from '../../lib/endpoint-draft';
import { useTestEndpoint } from '../../queries/use-endpoint-mutations';
import { Button } from '../ui/Button';
import { ConnectionTestResult } from './ConnectionTestResult';

export interface EndpointTestButtonProps {
  endpoint: EndpointView | undefined;
  /** Validates the draft (showing errors) and returns its config when valid. */
  validConfig(): EndpointConfig | undefined;
  /** Secrets typed in the form (shown fields only); a draft test uses them instead of stored ones. */
  secrets: Record<string, string> | undefined;
  /** Changes whenever the draft changes, so an old result is not shown as if it were current. */
  draftKey: string;
}

export function EndpointTestButton({ endpoint, validConfig, secrets, draftKey }: EndpointTestButtonProps) {
  const test = useTestEndpoint();
  const [testedKey, setTestedKey] = useState<string | null>(null);
  const [storedSecretsLeftOut, setStoredSecretsLeftOut] = useState(false);

  function run() {
    const config = validConfig();
    if (!config) return;
    // An unchanged saved endpoint is tested by id so its stored secrets are used.
    const unchanged = endpoint && !secrets && configKey(endpoint) === configKey(config);
    setTestedKey(draftKey);
    setStoredSecretsLeftOut(Boolean(endpoint && !unchanged && endpoint.secretsSet.length > 0 && !secrets));
    test.mutate(unchanged ? { endpointId: endpoint.id } : { config, secrets });
  }

  const current = testedKey === draftKey;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-3">
        <Button data-testid="endpoint-test" onClick={run} disabled={test.isPending}>
          {test.isPending ? 'Testing…' : 'Test connection'}
        </Button>
        {current && storedSecretsLeftOut && (
          <span data-testid="endpoint-test-note" className="text-xs text-slate-600 dark:text-slate-400">
            Unsaved changes are tested without the stored credentials: type them again, or save first.
          </span>
        )}
        {!current && testedKey !== null && !test.isPending && (
          <span className="text-xs text-slate-600 dark:text-slate-400">Settings changed since the last test.</span>
        )}
      </div>
      {current && !test.isPending && <ConnectionTestResult result={test.data} error={test.error} />}
    </div>
  );
}
