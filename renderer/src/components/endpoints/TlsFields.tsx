import { useId } from 'react';
import type { DraftErrors } from '../../lib/endpoint-draft';
import { FieldNote, inputClass, TextField } from '../ui/TextField';

export interface TlsFieldsProps {
  caPem: string;
  fingerprint256: string;
  errors: DraftErrors;
  onChange(field: 'caPem' | 'fingerprint256', value: string): void;
  onBlur(field: 'caPem' | 'fingerprint256'): void;
}

/** Per-endpoint trust for self-signed servers. Collapsed unless something is set. */
export function TlsFields({ caPem, fingerprint256, errors, onChange, onBlur }: TlsFieldsProps) {
  const caId = useId();
  const hasValues = caPem !== '' || fingerprint256 !== '' || Boolean(errors.caPem || errors.fingerprint256);
  return (
    <details open={hasValues || undefined} className="rounded-md border border-slate-200 dark:border-slate-700">
      <summary className="cursor-pointer rounded-md px-3 py-2 text-sm font-medium select-none">
        TLS trust (self-signed servers)
      </summary>
      <div className="space-y-3 border-t border-slate-200 px-3 py-3 dark:border-slate-700">
        <p className="text-xs text-slate-600 dark:text-slate-400">
          Certificates are always verified. For a private CA paste its certificate; for a self-signed server paste the
          server&apos;s own certificate. A SHA-256 fingerprint, if given, is checked as well on the endpoint&apos;s own host (for OpenStack, Keystone),
          so a replaced certificate is refused; services the cloud names on other hosts need their CA pasted here too.
        </p>
        <div>
          <label htmlFor={caId} className="mb-1 block text-sm font-medium text-slate-800 dark:text-slate-200">
            CA certificate (PEM)
          </label>
          <textarea
            id={caId}
            rows={4}
            spellCheck={false}
            value={caPem}
            placeholder={'-----BEGIN CERTIFICATE-----\n…\n-----END CERTIFICATE-----'}
            aria-invalid={errors.caPem ? true : undefined}
            aria-describedby={`${caId}-note`}
            onChange={(event) => onChange('caPem', event.target.value)}
            onBlur={() => onBlur('caPem')}
            className={`${inputClass} font-mono text-xs`}
          />
          <FieldNote id={`${caId}-note`} error={errors.caPem} />
        </div>
        <TextField
          label="SHA-256 fingerprint"
          value={fingerprint256}
          spellCheck={false}
          placeholder="AB:CD:…:EF (32 bytes)"
          onChange={(event) => onChange('fingerprint256', event.target.value)}
          onBlur={() => onBlur('fingerprint256')}
          error={errors.fingerprint256}
        />
      </div>
    </details>
  );
}
