import { useId, type ReactNode, type TextareaHTMLAttributes } from 'react';
import { FieldNote, inputClass } from '../../ui/TextField';

export interface TextAreaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> {
  label: ReactNode;
  help?: ReactNode;
  error?: string;
  testId?: string;
}

export function TextAreaField({ label, help, error, testId, className = '', ...textarea }: TextAreaFieldProps) {
  const id = useId();
  const noteId = `${id}-note`;
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-800 dark:text-slate-200">
        {label}
      </label>
      <textarea
        id={id}
        data-testid={testId}
        rows={2}
        aria-invalid={error ? true : undefined}
        aria-describedby={error || help ? noteId : undefined}
        className={inputClass}
        {...textarea}
      />
      <FieldNote id={noteId} error={error} help={help} />
    </div>
  );
}
