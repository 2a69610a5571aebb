import { useEffect, useId, useRef, useState } from 'react';
import type { EndpointView } from '../../../../shared/contract';
import type { KindInfo } from '../../../../shared/domain';
import { useUiStore } from '../../state/ui-store';
import { Button } from '../ui/Button';

/**
 * "More ▾" at the end of the endpoint header: the factory reset lives here, one click away from
 * nothing everyday. Hidden for kinds that never reset (no consequences declared and not enabled);
 * when the kind can but the endpoint cannot right now, the item stays visible with the reason.
 */
export function FactoryResetMenu({ endpoint, kind }: { endpoint: EndpointView; kind: KindInfo | undefined }) {
  const capability = endpoint.capabilities.factoryReset;
  const openDialog = useUiStore((state) => state.openDialog);
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const reasonId = useId();

  useEffect(() => {
    if (!open) return;
    const closeOutside = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', closeOutside);
    return () => document.removeEventListener('pointerdown', closeOutside);
  }, [open]);

  if (!capability.enabled && !kind?.factoryResetConsequences) return null;

  function close() {
    setOpen(false);
    triggerRef.current?.focus();
  }

  return (
    <div
      ref={rootRef}
      className="relative ml-1 border-l border-slate-200 pl-3 dark:border-slate-700"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation();
          close();
        }
      }}
    >
      <Button
        ref={triggerRef}
        variant="ghost"
        data-testid="endpoint-more-actions"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen((value) => !value)}
      >
        More
        <svg className="size-4" viewBox="0 0 20 20" fill="currentColor" aria-hidden="true">
          <path d="M5.3 7.3 10 12l4.7-4.7 1.1 1.1L10 14.2 4.2 8.4l1.1-1.1Z" />
        </svg>
      </Button>
      {open && (
        <div
          id={panelId}
          role="group"
          aria-label={`More actions for ${endpoint.name}`}
          className="absolute top-full right-0 z-20 mt-1 w-80 rounded-md border border-slate-200 bg-white p-1 shadow-lg dark:border-slate-700 dark:bg-slate-900"
        >
          <button
            type="button"
            data-testid="factory-reset-open"
            autoFocus
            aria-disabled={!capability.enabled || undefined}
            aria-describedby={capability.enabled ? undefined : reasonId}
            onClick={() => {
              if (!capability.enabled) return;
              setOpen(false);
              openDialog({ type: 'factory-reset', endpointId: endpoint.id });
            }}
            className="block w-full rounded px-3 py-2 text-left hover:bg-red-50 aria-disabled:cursor-not-allowed aria-disabled:opacity-60 dark:hover:bg-red-950/60"
          >
            <span className="block text-sm font-semibold text-red-700 dark:text-red-300">Factory reset…</span>
            <span className="block text-xs text-slate-600 dark:text-slate-400">Erases {endpoint.name} and returns it to its initial configuration.</span>
            {!capability.enabled && (
              <span id={reasonId} className="mt-0.5 block text-xs text-slate-700 dark:text-slate-300">
                {capability.reason ?? 'Not available for this endpoint right now.'}
              </span>
            )}
          </button>
        </div>
      )}
    </div>
  );
}
