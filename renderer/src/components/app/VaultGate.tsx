import { useRef, useState, type FormEvent } from 'react';
import type { VaultStatus } from '../../../../shared/domain';
import { useUnlockVault } from '../../queries/use-vault';
import { Button } from '../ui/Button';
import { ErrorMessage } from '../ui/ErrorMessage';
import { TextField } from '../ui/TextField';

/** Mirrors main's rule for new vaults, for instant feedback (main checks again). */
const minNewPassphraseLength = 8;

/** Asks for the vault passphrase (or creates the vault on first run) before anything else shows. */
export function VaultGate({ status }: { status: VaultStatus }) {
  const creating = status.state === 'uninitialised';
  const unlock = useUnlockVault();
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const passphraseRef = useRef<HTMLInputElement>(null);

  const tooShort = creating && passphrase.length < minNewPassphraseLength;
  const passphraseError = !submitted
    ? undefined
    : passphrase === ''
      ? 'Enter the passphrase'
      : tooShort
        ? `Use at least ${minNewPassphraseLength} characters`
        : undefined;
  const confirmationError =
    submitted && creating && confirmation !== passphrase ? 'The two passphrases are not the same' : undefined;

  function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (passphrase === '' || tooShort || (creating && confirmation !== passphrase)) return;
    unlock.mutate(passphrase, {
      onError: () => {
        setPassphrase('');
        setConfirmation('');
        setSubmitted(false);
        passphraseRef.current?.focus();
      },
    });
  }

  return (
    <div className="flex flex-1 items-center justify-center p-6">
      <form
        onSubmit={submit}
        noValidate
        aria-labelledby="vault-title"
        className="w-full max-w-md space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-700 dark:bg-slate-900"
      >
        <div className="space-y-1">
          <h1 id="vault-title" className="text-lg font-semibold">
            {creating ? 'Create a vault passphrase' : 'Unlock the credential vault'}
          </h1>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {creating
              ? 'Endpoint passwords and tokens are encrypted with a key made from this passphrase. It is not stored anywhere: if it is lost, the stored credentials have to be entered again.'
              : 'Endpoint credentials are encrypted. Enter the vault passphrase to use them.'}
          </p>
        </div>
        {status.warning && <p className="rounded-md bg-amber-50 p-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200">{status.warning}</p>}
        <TextField
          ref={passphraseRef}
          label="Passphrase"
          type="password"
          autoComplete={creating ? 'new-password' : 'current-password'}
          autoFocus
          testId="vault-passphrase"
          value={passphrase}
          onChange={(event) => setPassphrase(event.target.value)}
          error={passphraseError}
          help={creating ? `At least ${minNewPassphraseLength} characters. A long phrase you can type at 3 a.m. beats a short complex one.` : undefined}
        />
        {creating && (
          <TextField
            label="Confirm passphrase"
            type="password"
            autoComplete="new-password"
            testId="vault-passphrase-confirm"
            value={confirmation}
            onChange={(event) => setConfirmation(event.target.value)}
            error={confirmationError}
          />
        )}
        {unlock.error && <ErrorMessage error={unlock.error} />}
        <Button type="submit" variant="primary" className="w-full" data-testid="vault-unlock" disabled={unlock.isPending}>
          {unlock.isPending ? 'Opening the vault…' : creating ? 'Create vault' : 'Unlock'}
        </Button>
      </form>
    </div>
  );
}
