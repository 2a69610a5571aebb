import { useEndpoints } from '../../queries/use-endpoints';
import { useUiStore } from '../../state/ui-store';
import { Button } from '../ui/Button';

export function NoEndpointSelected() {
  const { data: endpoints } = useEndpoints();
  const openDialog = useUiStore((state) => state.openDialog);
  if (!endpoints) return null;
  return (
    <div className="flex flex-1 items-center justify-center p-8">
      <div className="max-w-md space-y-3 text-center">
        <h1 className="text-lg font-semibold">No endpoints yet</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          An endpoint is a system whose backups Backup Console manages. Add one, or import the lines printed by a
          simulator or another installation.
        </p>
        <div className="flex justify-center gap-2">
          <Button variant="primary" onClick={() => openDialog({ type: 'endpoint-form' })}>
            Add endpoint
          </Button>
          <Button onClick={() => openDialog({ type: 'import-endpoints' })}>Import…</Button>
        </div>
      </div>
    </div>
  );
}
