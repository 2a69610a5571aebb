import { useId, useState, type KeyboardEvent } from 'react';
import { Button } from '../ui/Button';
import { inputClass } from '../ui/TextField';

/**
 * The same import from text copied out of a terminal (Juju: the output of
 * `juju show-controller --show-password`), for operators who have no file to pick.
 */
export function ConfigFilePaste({ label, disabled, onText }: { label: string; disabled: boolean; onText(text: string): void }) {
  const id = useId();
  const [text, setText] = useState('');
  const empty = text.trim() === '';
  const submit = () => {
    if (!empty && !disabled) onText(text);
  };
  // Ctrl/Cmd+Enter reads it, as in a chat box; a plain Enter is a new line.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      submit();
    }
  };
  return (
    <div className="space-y-2">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800 dark:text-slate-200">
        …or paste its content
      </label>
      <textarea
        id={id}
        data-testid="config-file-paste"
        value={text}
        rows={6}
        spellCheck={false}
        autoComplete="off"
        autoCapitalize="off"
        disabled={disabled}
        aria-describedby={`${id}-note`}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
        className={`${inputClass} font-mono text-xs`}
      />
      <div className="flex flex-wrap items-start justify-between gap-2">
        <p id={`${id}-note`} className="min-w-0 flex-1 text-xs text-slate-600 dark:text-slate-400">
          The whole text of {label}, as copied from a terminal. Passwords in it go straight to the encrypted store.
        </p>
        <Button size="sm" data-testid="config-file-paste-submit" disabled={disabled || empty} onClick={submit}>
          Read pasted text
        </Button>
      </div>
    </div>
  );
}
