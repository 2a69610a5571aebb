import { useMemo, type RefObject } from 'react';

/**
 * After a refused submit, moves focus to the first field that says it is invalid, so keyboard and
 * screen-reader users land on the problem. A group (a picker) gets its first enabled control focused.
 */
export function focusFirstInvalid(container: HTMLElement | null): void {
  const invalid = container?.querySelector<HTMLElement>('[aria-invalid="true"]');
  if (!invalid) return;
  if (invalid.matches('input, select, textarea, button')) return invalid.focus();
  // Inside a picker: the checked radio, else the first one that can be picked (not its Refresh button).
  const control =
    invalid.querySelector<HTMLElement>('input:checked:not(:disabled)') ??
    invalid.querySelector<HTMLElement>('input:not(:disabled), select:not(:disabled), textarea:not(:disabled)');
  (control ?? invalid).focus();
}

// A picker whose rows are still loading is focusable by script (tabindex -1), so it can come first.
const firstFieldSelector = '[role="radiogroup"][tabindex="-1"], input:not(:disabled):not([type="file"]), select:not(:disabled), textarea:not(:disabled)';

/**
 * For ModalDialog's `initialFocus`: the first field (or picker) inside `container` when the dialog
 * opens, instead of the header's Close button Radix would pick. Read only once mounted.
 */
export function useFirstFieldRef(container: RefObject<HTMLElement | null>): RefObject<HTMLElement | null> {
  return useMemo(
    () => ({
      get current() {
        return container.current?.querySelector<HTMLElement>(firstFieldSelector) ?? null;
      },
    }),
    [container],
  );
}
