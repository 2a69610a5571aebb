import { describe, expect, it } from 'vitest';
import { decideNavigation, decideWindowOpen, isPermissionAllowed } from './navigation-policy';

const isAppUrl = (url: string) => url.startsWith('file:///app/index.html');

describe('decideNavigation', () => {
  it('allows our own page', () => {
    expect(decideNavigation('file:///app/index.html#/x', { isAppUrl, isMainFrame: true, isRedirect: false })).toBe('allow');
  });

  it('sends a clicked web link to the browser instead of the window', () => {
    expect(decideNavigation('https://docs.example.com/', { isAppUrl, isMainFrame: true, isRedirect: false })).toBe('open-external');
  });

  it('blocks redirects, subframes and anything not http(s)', () => {
    expect(decideNavigation('https://docs.example.com/', { isAppUrl, isMainFrame: true, isRedirect: true })).toBe('block');
    expect(decideNavigation('https://docs.example.com/', { isAppUrl, isMainFrame: false, isRedirect: false })).toBe('block');
    expect(decideNavigation('file:///etc/passwd', { isAppUrl, isMainFrame: true, isRedirect: false })).toBe('block');
    expect(decideNavigation('javascript:alert(1)', { isAppUrl, isMainFrame: true, isRedirect: false })).toBe('block');
  });
});

describe('decideWindowOpen', () => {
  it('never opens a window: web links go to the browser, the rest nowhere', () => {
    expect(decideWindowOpen('https://example.com')).toBe('open-external');
    expect(decideWindowOpen('file:///app/index.html')).toBe('block');
    expect(decideWindowOpen('about:blank')).toBe('block');
  });
});

describe('isPermissionAllowed', () => {
  it('denies everything except clipboard writes from our own page', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', 'file:///app/index.html', isAppUrl)).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'https://evil.test/', isAppUrl)).toBe(false);
    for (const permission of ['clipboard-read', 'media', 'notifications', 'geolocation', 'openExternal', 'fullscreen', 'unknown']) {
      expect(isPermissionAllowed(permission, 'file:///app/index.html', isAppUrl)).toBe(false);
    }
  });
});
