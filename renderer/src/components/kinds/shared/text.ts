import type { OperationOptions } from '../../../../../shared/domain';

/** Trove's `non_empty_string` (and a sensible rule for Cinder names): at least one letter or digit. */
export function hasLetterOrDigit(text: string): boolean {
  return /[0-9a-zA-Z]/.test(text);
}

/** Adds `key: trimmed text` only when the text is not blank, so optional fields left empty are not sent. */
export function putText(options: OperationOptions, key: string, text: string): void {
  const trimmed = text.trim();
  if (trimmed !== '') options[key] = trimmed;
}

/** The length limit most OpenStack text fields share. */
export function tooLong(text: string, max = 255): string | undefined {
  return text.trim().length > max ? `Keep it to ${max} characters or fewer` : undefined;
}
