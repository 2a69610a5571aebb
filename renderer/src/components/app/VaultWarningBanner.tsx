import { useVaultStatus } from '../../queries/use-vault';
import { useUiStore } from '../../state/ui-store';
import { Button } from '../ui/Button';
import { Banner } from './Banner';

/** Tells the operator when credential storage is weaker than they would assume (e.g. Linux basic_text). */
export function VaultWarningBanner() {
  const { data: vault } = useVaultStatus();
  const dismissed = useUiStore((state) => state.dismissedVaultWarning);
  const dismiss = useUiStore((state) => state.dismissVaultWarning);
  const warning = vault?.warning;
  if (!warning || warning === dismissed) return null;
  return (
    <Banner
      tone="warning"
      testId="vault-warning"
      action={
        <Button size="sm" variant="ghost" onClick={() => dismiss(warning)}>
          Dismiss
        </Button>
      }
    >
      {warning}
    </Banner>
  );
}
