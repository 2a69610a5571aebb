import type { OperationOptions } from '../../../../../shared/domain';
import { putText } from '../shared/text';
import type { FieldErrors } from '../types';

/** npm.backup 1.0 stores a description of up to 250 characters with each backup. */
export const maxApplianceDescription = 250;

export interface ApplianceCreateDraft {
  description: string;
}

export function initialApplianceCreateDraft(): ApplianceCreateDraft {
  return { description: '' };
}

/** Counted as typed (the counter shows the same number), so what is sent, trimmed, always fits. */
export function validateApplianceCreate(draft: ApplianceCreateDraft): FieldErrors {
  const length = draft.description.length;
  return { description: length > maxApplianceDescription ? `Keep it to ${maxApplianceDescription} characters or fewer (now ${length})` : undefined };
}

/** A blank description is left out: the appliance then stores an empty one. */
export function applianceCreateOptions(draft: ApplianceCreateDraft): OperationOptions {
  const options: OperationOptions = {};
  putText(options, 'description', draft.description);
  return options;
}
