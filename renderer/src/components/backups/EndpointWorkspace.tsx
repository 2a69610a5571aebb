import { useRef } from 'react';
import type { EndpointView } from '../../../../shared/contract';
import { BackupDetails } from './BackupDetails';
import { BackupLimitBanner } from './BackupLimitBanner';
import { BackupsSection } from './BackupsSection';
import { EndpointHeader } from './EndpointHeader';

/** Everything about one endpoint: header with actions, its backups and the selected backup's details. */
export function EndpointWorkspace({ endpoint }: { endpoint: EndpointView }) {
  const detailsHeadingRef = useRef<HTMLHeadingElement>(null);
  return (
    <>
      <EndpointHeader endpoint={endpoint} />
      <BackupLimitBanner endpoint={endpoint} />
      <div className="flex min-h-0 flex-1">
        <BackupsSection endpoint={endpoint} onOpenDetails={() => detailsHeadingRef.current?.focus()} />
        <BackupDetails endpoint={endpoint} headingRef={detailsHeadingRef} />
      </div>
    </>
  );
}
