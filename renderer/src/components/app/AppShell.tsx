import type { AppInfo } from '../../../../shared/contract';
import { useSelectedEndpoint } from '../../hooks/use-selected-endpoint';
import { useJobs } from '../../queries/use-jobs';
import { useKinds } from '../../queries/use-kinds';
import { EndpointWorkspace } from '../backups/EndpointWorkspace';
import { NoEndpointSelected } from '../endpoints/NoEndpointSelected';
import { EndpointSidebar } from '../endpoints/EndpointSidebar';
import { JobsPanel } from '../jobs/JobsPanel';
import { JobToasts } from '../jobs/JobToasts';
import { UploadNotices } from '../uploads/UploadNotices';
import { useWarnBeforeLeavingDuringUpload } from '../uploads/use-warn-before-leaving';
import { useWindowFileDrop } from '../uploads/use-window-file-drop';
import { WindowDropOverlay } from '../uploads/WindowDropOverlay';
import { ConnectionBanner } from './ConnectionBanner';
import { DialogHost } from './DialogHost';
import { TopBar } from './TopBar';
import { VaultWarningBanner } from './VaultWarningBanner';

export function AppShell({ appInfo }: { appInfo: AppInfo }) {
  useKinds();
  useJobs();
  const endpoint = useSelectedEndpoint();
  // A backup file dropped anywhere on the window (or on a sidebar endpoint) opens the upload dialog.
  const fileDrop = useWindowFileDrop();
  useWarnBeforeLeavingDuringUpload();
  return (
    <>
      <TopBar appInfo={appInfo} />
      <VaultWarningBanner />
      <ConnectionBanner />
      <div className="flex min-h-0 flex-1">
        <EndpointSidebar />
        <main className="flex min-w-0 flex-1 flex-col">
          <div className="flex min-h-0 flex-1 flex-col">
            {endpoint ? <EndpointWorkspace key={endpoint.id} endpoint={endpoint} /> : <NoEndpointSelected />}
          </div>
          <JobsPanel />
        </main>
      </div>
      <DialogHost />
      <JobToasts />
      <UploadNotices refusal={fileDrop.refusal} onDismissRefusal={fileDrop.dismissRefusal} />
      <WindowDropOverlay drag={fileDrop.drag} />
    </>
  );
}
