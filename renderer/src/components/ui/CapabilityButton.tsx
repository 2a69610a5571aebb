import { useId, type ReactNode } from 'react';
import type { Capability } from '../../../../shared/domain';
import { Button, type ButtonSize, type ButtonVariant } from './Button';

export interface CapabilityButtonProps {
  capability: Capability | undefined;
  onClick(): void;
  children: ReactNode;
  testId: string;
  variant?: ButtonVariant;
  size?: ButtonSize;
  busy?: boolean;
}

/**
 * A button the endpoint's capabilities enable. When not enabled it stays focusable and says
 * why in text next to it (a tooltip alone is invisible to keyboard users).
 */
export function CapabilityButton({ capability, onClick, children, testId, variant, size, busy }: CapabilityButtonProps) {
  const reasonId = useId();
  const enabled = capability?.enabled ?? false;
  const reason = enabled ? undefined : (capability?.reason ?? 'Not available for this endpoint.');
  return (
    <span className="inline-flex min-w-0 flex-col items-end gap-0.5">
      <Button
        variant={variant}
        size={size}
        data-testid={testId}
        unavailable={!enabled || busy}
        aria-describedby={reason ? reasonId : undefined}
        aria-busy={busy || undefined}
        title={reason}
        onClick={onClick}
      >
        {children}
      </Button>
      {reason && (
        <span id={reasonId} className="max-w-64 text-right text-xs text-slate-600 dark:text-slate-400">
          {reason}
        </span>
      )}
    </span>
  );
}
