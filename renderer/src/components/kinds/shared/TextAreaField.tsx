import type { ReactNode, TextareaHTMLAttributes } from 'react';
import { inputClass, LabelledField } from '../../ui/TextField';

export interface TextAreaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> {
  label: ReactNode;
  help?: ReactNode;
  error?: string;
  testId?: string;
}

export function TextAreaField({ label, help, error, testId, className, ...textarea }: TextAreaFieldProps) {
  return (
    <LabelledField
      label={label}
      help={help}
      error={error}
      className={className}
      control={(field) => <textarea {...field} data-testid={testId} rows={2} className={inputClass} {...textarea} />}
    />
  );
}
