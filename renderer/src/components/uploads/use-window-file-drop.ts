import { useEffect, useEffectEvent, useRef, useState } from 'react';
import type { EndpointView } from '../../../../shared/contract';
import { useSelectedEndpoint } from '../../hooks/use-selected-endpoint';
import { carriesFiles, draggedFileCount, dropVerdict, type DropVerdict } from '../../lib/upload-drop';
import { useEndpoints } from '../../queries/use-endpoints';
import { useUiStore } from '../../state/ui-store';

/** Marks an element (a sidebar endpoint) whose drops go to that endpoint instead of the selected one. */
export const dropEndpointAttribute = 'data-drop-endpoint-id';

export interface WindowDrag {
  verdict: DropVerdict;
  /** Set while the pointer is over a sidebar endpoint, which then is the target. */
  overEndpointId: string | null;
}

/**
 * Any open dialog owns drops (record import, config-file import): the window-level upload stays
 * out of it. Radix marks its dialogs with role="dialog".
 */
function dialogIsOpen(): boolean {
  return useUiStore.getState().dialog !== null || document.querySelector('[role="dialog"], [role="alertdialog"]') !== null;
}

function endpointIdUnder(target: EventTarget | null): string | null {
  return target instanceof Element ? (target.closest(`[${dropEndpointAttribute}]`)?.getAttribute(dropEndpointAttribute) ?? null) : null;
}

/**
 * A file dragged anywhere over the window goes to the endpoint under the pointer in the sidebar,
 * else to the selected one. Listens on the window in the bubble phase, so a drop zone that took a
 * drop (`preventDefault`) keeps it. Returns what the overlay shows, and why the last drop was refused.
 */
export function useWindowFileDrop() {
  const { data: endpoints } = useEndpoints();
  const selected = useSelectedEndpoint();
  const openDialog = useUiStore((state) => state.openDialog);
  const selectEndpoint = useUiStore((state) => state.selectEndpoint);
  const [drag, setDrag] = useState<WindowDrag | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const depth = useRef(0);

  const targetFor = (overEndpointId: string | null): EndpointView | undefined =>
    (overEndpointId ? endpoints?.find((endpoint) => endpoint.id === overEndpointId) : undefined) ?? selected;

  const onDragEnter = useEffectEvent((event: DragEvent) => {
    if (!carriesFiles(event.dataTransfer)) return;
    depth.current += 1;
  });

  const onDragOver = useEffectEvent((event: DragEvent) => {
    if (!carriesFiles(event.dataTransfer) || event.defaultPrevented) return;
    // Always claim the drag: a file dropped where nothing takes it would otherwise replace the page.
    event.preventDefault();
    if (dialogIsOpen()) {
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'none';
      setDrag(null);
      return;
    }
    const overEndpointId = endpointIdUnder(event.target);
    const verdict = dropVerdict(targetFor(overEndpointId), draggedFileCount(event.dataTransfer));
    if (event.dataTransfer) event.dataTransfer.dropEffect = verdict.ok ? 'copy' : 'none';
    setDrag((current) => (current && current.overEndpointId === overEndpointId && current.verdict.message === verdict.message ? current : { verdict, overEndpointId }));
  });

  const onDragLeave = useEffectEvent((event: DragEvent) => {
    if (!carriesFiles(event.dataTransfer)) return;
    depth.current = Math.max(0, depth.current - 1);
    // relatedTarget null: the pointer left the window (the counter alone can miss a leave).
    if (depth.current === 0 || event.relatedTarget === null) end();
  });

  const onDrop = useEffectEvent((event: DragEvent) => {
    if (!carriesFiles(event.dataTransfer)) return;
    end();
    if (event.defaultPrevented) return;
    event.preventDefault();
    if (dialogIsOpen()) return;
    const files = Array.from(event.dataTransfer?.files ?? []);
    if (files.length === 0) return;
    const verdict = dropVerdict(targetFor(endpointIdUnder(event.target)), files.length);
    if (!verdict.ok) return setRefusal(verdict.message);
    setRefusal(null);
    selectEndpoint(verdict.endpoint.id);
    openDialog({ type: 'upload', endpointId: verdict.endpoint.id, file: files[0] });
  });

  function end() {
    depth.current = 0;
    setDrag(null);
  }
  const onDragEnd = useEffectEvent(end);

  useEffect(() => {
    const listeners = { dragenter: onDragEnter, dragover: onDragOver, dragleave: onDragLeave, drop: onDrop, dragend: onDragEnd } as const;
    for (const [type, listener] of Object.entries(listeners)) window.addEventListener(type, listener as EventListener);
    return () => {
      for (const [type, listener] of Object.entries(listeners)) window.removeEventListener(type, listener as EventListener);
    };
  }, []);

  return { drag, refusal, dismissRefusal: () => setRefusal(null) };
}
