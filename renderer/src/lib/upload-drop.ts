import type { EndpointView } from '../../../shared/contract';

export type DropVerdict = { ok: true; endpoint: EndpointView; message: string } | { ok: false; message: string };

/** The endpoint the window-level drop would go to, or why it cannot take the file. */
export function dropVerdict(endpoint: EndpointView | undefined, fileCount: number): DropVerdict {
  if (fileCount > 1) return { ok: false, message: `One file at a time: drop a single backup file (this is ${fileCount}).` };
  if (!endpoint) return { ok: false, message: 'Select an endpoint that takes backup files first' };
  const upload = endpoint.capabilities.upload;
  if (!upload.enabled) return { ok: false, message: upload.reason ?? 'Select an endpoint that takes backup files first' };
  return { ok: true, endpoint, message: `Drop to upload to ${endpoint.name}` };
}

/** Only file drags count; text or links dragged around the window are left alone. */
export function carriesFiles(dataTransfer: Pick<DataTransfer, 'types'> | null | undefined): boolean {
  return Array.from(dataTransfer?.types ?? []).includes('Files');
}

/**
 * Files in a drag. While dragging, the browser lists items but hides the files themselves; an
 * empty list (some sources) counts as one, so the drop decides.
 */
export function draggedFileCount(dataTransfer: Pick<DataTransfer, 'items' | 'files'> | null | undefined): number {
  if (!dataTransfer) return 0;
  const items = Array.from(dataTransfer.items ?? []).filter((item) => item.kind === 'file').length;
  return Math.max(items, dataTransfer.files?.length ?? 0, 1);
}
