import { useId, type InputHTMLAttributes, type ReactNode, type Ref } from 'react';

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  label: ReactNode;
  /** Help shown under the field; replaced by the error when there is one. */
  help?: ReactNode;
  error?: string;
  testId?: string;
  ref?: Ref<HTMLInputElement>;
}

export const inputClass =
  'block w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-900 placeholder:text-slate-500 aria-invalid:border-red-600 dark:border-slate-600 dark:bg-slate-950 dark:text-slate-100 dark:placeholder:text-slate-400 dark:aria-invalid:border-red-400';

/** What the control inside a labelled field must carry so the label and the note reach assistive tech. */
export interface FieldControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/** Label, control and help-or-error note, wired together; shared by every text-like field. */
export function LabelledField({
  label,
  help,
  error,
  className = '',
  control,
}: {
  label: ReactNode;
  help?: ReactNode;
  error?: string;
  className?: string;
  control(props: FieldControlProps): ReactNode;
}) {
  const id = useId();
  const noteId = `${id}-note`;
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-800 dark:text-slate-200">
        {label}
      </label>
      {control({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': error || help ? noteId : undefined })}
      <FieldNote id={noteId} error={error} help={help} />
    </div>
  );
}

export function TextField({ label, help, error, testId, className, ...input }: TextFieldProps) {
  return (
    <LabelledField
      label={label}
      help={help}
      error={error}
      className={className}
      control={(field) => <input {...field} data-testid={testId} className={inputClass} {...input} />}
    />
  );
}

export function FieldNote({ id, error, help }: { id: string; error?: string; help?: ReactNode }) {
  if (error) {
    return (
      <p id={id} className="mt-1 text-xs font-medium text-red-700 dark:text-red-300">
        {error}
      </p>
    );
  }
  if (!help) return null;
  return (
    <p id={id} className="mt-1 text-xs text-slate-600 dark:text-slate-400">
      {help}
    </p>
  );
}
