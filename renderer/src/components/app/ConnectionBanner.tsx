import { useConnectionStatus } from '../../hooks/use-connection-status';
import { Banner } from './Banner';

/** Browser mode only in practice: says when live updates are down, so stale progress is not trusted. */
export function ConnectionBanner() {
  const status = useConnectionStatus();
  if (status === 'reconnecting') {
    return (
      <Banner tone="warning" testId="connection-banner">
        Live updates are interrupted; reconnecting. Progress shown may be out of date until then.
      </Banner>
    );
  }
  if (status === 'unauthorized') {
    return (
      <Banner tone="danger" testId="connection-banner">
        The host no longer accepts this tab&apos;s access token (was it restarted?). Open the link it printed again.
      </Banner>
    );
  }
  return null;
}
