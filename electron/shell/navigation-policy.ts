import { isSafeExternalUrl } from './url-policy';

export type NavigationDecision = 'allow' | 'block' | 'open-external';

/**
 * In-window navigation stays inside the app. A user clicking a plain web link in the main frame
 * gets it in their browser; everything else (other files, data:, javascript:, iframes wandering
 * off, server redirects) is simply stopped.
 */
export function decideNavigation(
  url: string,
  context: { isAppUrl: (url: string) => boolean; isMainFrame: boolean; isRedirect: boolean },
): NavigationDecision {
  if (context.isAppUrl(url)) return 'allow';
  if (!context.isRedirect && context.isMainFrame && isSafeExternalUrl(url)) return 'open-external';
  return 'block';
}

/** `window.open` and `target=_blank` never create a window; safe web links go to the browser. */
export function decideWindowOpen(url: string): Exclude<NavigationDecision, 'allow'> {
  return isSafeExternalUrl(url) ? 'open-external' : 'block';
}

/**
 * Permissions are denied, with one exception: our own page may write to the clipboard (the UI has
 * "copy" buttons for ids and fingerprints). Reading the clipboard, camera, notifications, etc. no.
 */
export function isPermissionAllowed(permission: string, requestingUrl: string, isAppUrl: (url: string) => boolean): boolean {
  return permission === 'clipboard-sanitized-write' && isAppUrl(requestingUrl);
}
