import { app, shell, type Session, type WebContents } from 'electron';
import type { Logger } from '../core/log/logger';
import { decideNavigation, decideWindowOpen, isPermissionAllowed } from './navigation-policy';

export interface NavigationGuardOptions {
  isAppUrl: (url: string) => boolean;
  log: Logger;
}

function openExternally(url: string, log: Logger): void {
  shell.openExternal(url).catch((error: unknown) => log.warn('could not open link in the browser', { url, error }));
}

function guardWebContents(contents: WebContents, options: NavigationGuardOptions): void {
  const { isAppUrl, log } = options;
  contents.setWindowOpenHandler(({ url }) => {
    if (decideWindowOpen(url) === 'open-external') openExternally(url, log);
    else log.warn('blocked window.open', { url });
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event) => {
    const decision = decideNavigation(event.url, { isAppUrl, isMainFrame: event.isMainFrame, isRedirect: false });
    if (decision === 'allow') return;
    event.preventDefault();
    if (decision === 'open-external') openExternally(event.url, log);
    else log.warn('blocked navigation', { url: event.url });
  });
  // will-navigate covers only the main frame; frames get their own event.
  contents.on('will-frame-navigate', (event) => {
    if (event.isMainFrame || isAppUrl(event.url)) return;
    event.preventDefault();
    log.warn('blocked frame navigation', { url: event.url });
  });
  contents.on('will-redirect', (event) => {
    if (decideNavigation(event.url, { isAppUrl, isMainFrame: event.isMainFrame, isRedirect: true }) === 'allow') return;
    event.preventDefault();
    log.warn('blocked redirect', { url: event.url });
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn('blocked <webview>');
  });
}

/** Applies to every WebContents ever created, including ones we did not create ourselves. */
export function installNavigationGuard(options: NavigationGuardOptions): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, options));
}

/** Denies every permission request and check, except what `isPermissionAllowed` names. */
export function installPermissionPolicy(session: Session, options: NavigationGuardOptions): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const allowed = isPermissionAllowed(permission, details.requestingUrl, options.isAppUrl);
    if (!allowed) options.log.warn('denied permission request', { permission, url: details.requestingUrl });
    callback(allowed);
  });
  session.setPermissionCheckHandler((contents, permission, _origin, details) =>
    isPermissionAllowed(permission, details.requestingUrl ?? contents?.getURL() ?? '', options.isAppUrl),
  );
  session.setDevicePermissionHandler(() => false);
}
