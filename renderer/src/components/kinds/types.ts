import type { ComponentType } from 'react';
import type { EndpointView } from '../../../../shared/contract';
import type { Backup, OperationOptions } from '../../../../shared/domain';

/** Field name → message; shown next to the field once the operator tried to submit. */
export type FieldErrors = Partial<Record<string, string>>;

export interface CreateContext {
  endpoint: EndpointView;
}

export interface RestoreContext {
  endpoint: EndpointView;
  backup: Backup;
}

export interface KindFormProps<Draft, Context> {
  context: Context;
  draft: Draft;
  onChange(patch: Partial<Draft>): void;
  errors: FieldErrors;
}

/**
 * One kind's create or restore form. The draft is what the fields show (it may keep extra facts,
 * such as the picked volume's status, for validation); `toOptions` turns it into what main parses.
 */
export interface KindForm<Draft, Context> {
  initialDraft(context: Context): Draft;
  validate(draft: Draft, context: Context): FieldErrors;
  toOptions(draft: Draft, context: Context): OperationOptions;
  Form: ComponentType<KindFormProps<Draft, Context>>;
}

export function hasErrors(errors: FieldErrors): boolean {
  return Object.values(errors).some(Boolean);
}
