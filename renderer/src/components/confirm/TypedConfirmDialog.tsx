import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { confirmationMatches } from '../../lib/confirmation';
import { Button } from '../ui/Button';
import { DialogFooter } from '../ui/DialogFooter';
import { ErrorMessage } from '../ui/ErrorMessage';
import { inputClass } from '../ui/TextField';
import { ModalDialog } from '../ui/ModalDialog';

export interface TypedConfirmDialogProps {
  title: string;
  /** What will happen, to what, and what it leaves behind. */
  children: ReactNode;
  /** When set, the operator must type exactly this before the action unlocks. */
  expectedText?: string;
  confirmLabel: string;
  pendingLabel: string;
  tone?: 'danger' | 'primary';
  pending: boolean;
  error: unknown;
  /** Receives what was typed (sent to main, which checks it again). */
  onConfirm(typed: string): void;
  onClose(): void;
}

/**
 * One confirmation dialog for every destructive action. With `expectedText` it is a typed
 * confirmation (PVE SafeDestroy style): focus starts in the input and the button stays disabled
 * until the text matches exactly. Without it, focus starts on Cancel, the safe choice.
 */
export function TypedConfirmDialog(props: TypedConfirmDialogProps) {
  const { title, children, expectedText, confirmLabel, pendingLabel, tone = 'danger', pending, error, onConfirm, onClose } = props;
  const [typed, setTyped] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const inputId = useId();
  const matches = expectedText === undefined || confirmationMatches(typed, expectedText);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!matches || pending) return;
    onConfirm(typed);
  }

  return (
    <ModalDialog title={title} onClose={onClose} testId="confirm-dialog" initialFocus={expectedText !== undefined ? inputRef : cancelRef}>
      <form onSubmit={submit} noValidate className="space-y-4 text-sm">
        <div className="space-y-3">{children}</div>
        {expectedText !== undefined && (
          <div>
            <label htmlFor={inputId} className="mb-1 block font-medium text-slate-800 dark:text-slate-200">
              Type <code className="rounded bg-slate-100 px-1 py-0.5 font-mono break-all text-slate-900 dark:bg-slate-800 dark:text-slate-100">{expectedText}</code> to confirm
            </label>
            <input
              ref={inputRef}
              id={inputId}
              data-testid="confirm-input"
              value={typed}
              autoComplete="off"
              autoCapitalize="off"
              spellCheck={false}
              aria-invalid={typed !== '' && !matches ? true : undefined}
              aria-describedby={`${inputId}-state`}
              onChange={(event) => setTyped(event.target.value)}
              className={`${inputClass} font-mono`}
            />
            <p id={`${inputId}-state`} className="mt-1 text-xs text-slate-600 dark:text-slate-400" aria-live="polite">
              {typed === '' ? 'Case-sensitive, exactly as shown.' : matches ? 'Matches.' : 'Does not match yet.'}
            </p>
          </div>
        )}
        {error !== null && error !== undefined && <ErrorMessage error={error} />}
        <DialogFooter>
          <Button ref={cancelRef} onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" variant={tone} data-testid="confirm-submit" disabled={!matches || pending}>
            {pending ? pendingLabel : confirmLabel}
          </Button>
        </DialogFooter>
      </form>
    </ModalDialog>
  );
}
