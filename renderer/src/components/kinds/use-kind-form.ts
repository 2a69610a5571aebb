import { useCallback, useEffect, useState, type RefObject } from 'react';
import type { OperationOptions } from '../../../../shared/domain';
import { focusFirstInvalid } from './shared/focus-fields';
import { hasErrors, type FieldErrors, type KindForm } from './types';

export interface KindFormState {
  draft: unknown;
  /** Empty until the operator first tries to submit; then live, so fixing a field clears its message. */
  errors: FieldErrors;
  onChange(patch: unknown): void;
  /** The options the draft stands for right now (undefined without a kind form). */
  options: OperationOptions | undefined;
  /** Validates; on failure shows the errors and focuses the first one (inside `container`). Returns whether to go on. */
  validateForSubmit(): boolean;
}

export function useKindForm<Context>(
  form: KindForm<unknown, Context> | undefined,
  context: Context,
  container: RefObject<HTMLElement | null>,
): KindFormState {
  const [draft, setDraft] = useState<unknown>(() => form?.initialDraft(context));
  const [failedAttempts, setFailedAttempts] = useState(0);
  const errors = form && failedAttempts > 0 ? form.validate(draft, context) : {};
  const options = form ? form.toOptions(draft, context) : undefined;

  useEffect(() => {
    if (failedAttempts > 0) focusFirstInvalid(container.current);
  }, [failedAttempts, container]);

  const onChange = useCallback((patch: unknown) => setDraft((current: unknown) => ({ ...(current as object), ...(patch as object) })), []);

  function validateForSubmit(): boolean {
    if (!form || !hasErrors(form.validate(draft, context))) return true;
    setFailedAttempts((n) => n + 1);
    return false;
  }

  return { draft, errors, onChange, options, validateForSubmit };
}
