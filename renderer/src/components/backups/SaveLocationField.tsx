import { useEffect, useId, useRef } from 'react';
import { Button } from '../ui/Button';
import { FieldNote, inputClass } from '../ui/TextField';
import { SaveConflict } from './SaveConflict';
import type { SaveLocation } from './use-save-location';

export interface SaveLocationFieldProps {
  location: SaveLocation;
  /** On the path input (browser mode). */
  testId: string;
  /** "Replace the existing file": the dialog sends again with `overwrite: true`. */
  onReplace(): void;
  disabled?: boolean;
}

/**
 * Where the file goes. On the desktop: the path the native save dialog gave, with a way to change
 * it. In browser mode: a path typed on the machine running Backup Console, prefilled by main.
 */
export function SaveLocationField({ location, testId, onReplace, disabled }: SaveLocationFieldProps) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const changeRef = useRef<HTMLButtonElement>(null);
  const { state } = location;
  const conflict = state.problem?.code === 'conflict' ? state.problem : undefined;
  const invalid = state.problem?.code === 'validation' ? [state.problem.message, state.problem.hint].filter(Boolean).join(' ') : undefined;

  const chooseAgain = () => {
    if (!location.asking) void location.ask();
  };

  useEffect(() => {
    if (state.focusToken > 0) (inputRef.current ?? changeRef.current)?.focus();
  }, [state.focusToken]);

  if (state.mode === 'typed') {
    return (
      <div className="space-y-2">
        <div>
          <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-800 dark:text-slate-200">
            Save to
          </label>
          <input
            id={id}
            ref={inputRef}
            data-testid={testId}
            value={state.path}
            onChange={(event) => location.edit(event.target.value)}
            disabled={disabled}
            spellCheck={false}
            autoComplete="off"
            aria-invalid={invalid || conflict ? true : undefined}
            aria-describedby={`${id}-note`}
            className={`${inputClass} font-mono`}
          />
          <FieldNote
            id={`${id}-note`}
            error={invalid}
            help="The full path of the file, including its name, on the machine running Backup Console (which may not be the computer showing this page). The folder must already exist."
          />
        </div>
        {conflict && <SaveConflict problem={conflict} disabled={disabled} onReplace={onReplace} onChangePath={() => inputRef.current?.select()} />}
      </div>
    );
  }

  return (
    <div>
      <p className="mb-1 text-sm font-medium text-slate-800 dark:text-slate-200">Save to</p>
      <div className="flex items-center gap-2">
        {state.mode === 'chosen' ? (
          <span data-testid={`${testId}-chosen`} className="min-w-0 flex-1 font-mono text-xs break-all">
            {state.path}
          </span>
        ) : (
          <span className="min-w-0 flex-1 text-xs text-slate-600 dark:text-slate-400">You choose the file when you start.</span>
        )}
        <Button ref={changeRef} size="sm" disabled={disabled} aria-busy={location.asking || undefined} onClick={chooseAgain}>
          {location.asking ? 'Choosing…' : state.mode === 'chosen' ? 'Change…' : 'Choose…'}
        </Button>
      </div>
      <FieldNote id={`${id}-note`} error={invalid} />
    </div>
  );
}
