import { useRef } from 'react';
import type { EndpointView } from '../../../../shared/contract';
import { useKindInfo } from '../../queries/use-kinds';
import { useUiStore } from '../../state/ui-store';
import { CapabilityButton } from '../ui/CapabilityButton';
import { HiddenFileInput } from './HiddenFileInput';

/**
 * "Upload backup file…" for the backups toolbar. Kinds that take uploads declare an `uploadNote`;
 * for the others the button is left out rather than shown disabled on every endpoint.
 */
export function UploadFileButton({ endpoint }: { endpoint: EndpointView }) {
  const kind = useKindInfo(endpoint.kind);
  const openDialog = useUiStore((state) => state.openDialog);
  const inputRef = useRef<HTMLInputElement>(null);
  const capability = endpoint.capabilities.upload;
  if (!capability.enabled && !kind?.uploadNote) return null;
  return (
    // The toolbar's controls are 8 units tall; CapabilityButton's small size is 7.
    <div className="[&_button]:h-8">
      <CapabilityButton size="sm" testId="upload-file" capability={capability} onClick={() => inputRef.current?.click()}>
        Upload backup file…
      </CapabilityButton>
      <HiddenFileInput inputRef={inputRef} testId="upload-file-input" onFile={(file) => openDialog({ type: 'upload', endpointId: endpoint.id, file })} />
    </div>
  );
}
