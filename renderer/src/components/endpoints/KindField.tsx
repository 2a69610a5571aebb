import { useId } from 'react';
import type { EndpointKind, KindInfo } from '../../../../shared/domain';
import { FieldNote, inputClass } from '../ui/TextField';

export interface KindFieldProps {
  kinds: readonly KindInfo[];
  value: EndpointKind | '';
  onChange(kind: EndpointKind): void;
  error?: string;
  /** The kind of a saved endpoint is fixed: its backups and secrets belong to that kind. */
  locked: boolean;
}

export function KindField({ kinds, value, onChange, error, locked }: KindFieldProps) {
  const id = useId();
  const selected = kinds.find((kind) => kind.kind === value);
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-800 dark:text-slate-200">
        Kind
      </label>
      <select
        id={id}
        data-testid="endpoint-kind"
        value={value}
        disabled={locked}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-note`}
        onChange={(event) => {
          const next = kinds.find((kind) => kind.kind === event.target.value);
          if (next) onChange(next.kind);
        }}
        className={`${inputClass} disabled:opacity-70`}
      >
        {value === '' && <option value="">Choose a kind…</option>}
        {kinds.map((kind) => (
          <option key={kind.kind} value={kind.kind}>
            {kind.label}
          </option>
        ))}
      </select>
      <FieldNote id={`${id}-note`} error={error} help={selected?.description} />
    </div>
  );
}
