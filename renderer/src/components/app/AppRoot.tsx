import { useAppInfo } from '../../queries/use-app-info';
import { useEndpoints } from '../../queries/use-endpoints';
import { useServerEvents } from '../../queries/use-server-events';
import { useVaultStatus } from '../../queries/use-vault';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Spinner } from '../ui/Spinner';
import { AppShell } from './AppShell';
import { VaultGate } from './VaultGate';

export type AppState = 'loading' | 'ready' | 'error';

/**
 * Owns the `data-app-state` marker e2e tests wait for: "ready" once app.info answered, the vault
 * is open and the first endpoints list arrived; "error" if one of those could not be loaded.
 */
export function AppRoot() {
  useServerEvents();
  const appInfo = useAppInfo();
  const vault = useVaultStatus();
  const unlocked = vault.data?.state === 'unlocked';
  const endpoints = useEndpoints(unlocked);

  const startupError = appInfo.error ?? vault.error;
  const appState: AppState =
    (startupError && (!appInfo.data || !vault.data)) || (endpoints.isError && !endpoints.data)
      ? 'error'
      : appInfo.data && unlocked && endpoints.data
        ? 'ready'
        : 'loading';

  return (
    <div data-testid="app-root" data-app-state={appState} className="flex h-full flex-col">
      {startupError && (!appInfo.data || !vault.data) ? (
        <CentredError
          error={startupError}
          retrying={appInfo.isFetching || vault.isFetching}
          onRetry={() => {
            void appInfo.refetch();
            void vault.refetch();
          }}
        />
      ) : !appInfo.data || !vault.data ? (
        <div className="flex flex-1 items-center justify-center gap-2 text-sm text-slate-600 dark:text-slate-400" role="status">
          <Spinner /> Starting Backup Console…
        </div>
      ) : unlocked ? (
        <AppShell appInfo={appInfo.data} />
      ) : (
        <VaultGate status={vault.data} />
      )}
    </div>
  );
}

function CentredError({ error, onRetry, retrying }: { error: unknown; onRetry(): void; retrying: boolean }) {
  return (
    <div className="flex flex-1 items-center justify-center p-6">
      <div className="w-full max-w-lg">
        <ErrorMessage title="Backup Console could not reach its core" error={error} onRetry={onRetry} retrying={retrying} />
      </div>
    </div>
  );
}
