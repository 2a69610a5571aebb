import { describe, expect, it } from 'vitest';
import { isAppUrl, isSafeExternalUrl, toHttpOrigin, type AppOrigin } from './url-policy';

const packaged: AppOrigin = { rendererFileUrl: 'file:///opt/Backup%20Console/resources/app.asar/out/renderer/index.html' };
const dev: AppOrigin = { ...packaged, devServerOrigin: 'http://localhost:5173' };

describe('isAppUrl', () => {
  it('accepts our own index.html, with any hash or query', () => {
    expect(isAppUrl(packaged.rendererFileUrl, packaged)).toBe(true);
    expect(isAppUrl(`${packaged.rendererFileUrl}#/endpoints/42`, packaged)).toBe(true);
    expect(isAppUrl(`${packaged.rendererFileUrl}?tab=jobs`, packaged)).toBe(true);
  });

  it('treats percent-encoding and a literal space alike', () => {
    expect(isAppUrl('file:///opt/Backup Console/resources/app.asar/out/renderer/index.html', packaged)).toBe(true);
  });

  it('refuses every other local file, including siblings and traversal', () => {
    expect(isAppUrl('file:///etc/passwd', packaged)).toBe(false);
    expect(isAppUrl('file:///opt/Backup%20Console/resources/app.asar/out/renderer/other.html', packaged)).toBe(false);
    expect(isAppUrl('file:///opt/Backup%20Console/resources/app.asar/out/renderer/x/../../../../../../etc/passwd', packaged)).toBe(false);
    expect(isAppUrl('file://evil-host/opt/Backup%20Console/resources/app.asar/out/renderer/index.html', packaged)).toBe(false);
  });

  it('compares Windows paths without regard to case, and only on Windows', () => {
    const win: AppOrigin = { rendererFileUrl: 'file:///C:/Program%20Files/Backup%20Console/resources/app.asar/out/renderer/index.html' };
    const lower = 'file:///c:/program%20files/backup%20console/resources/app.asar/out/renderer/index.html';
    expect(isAppUrl(lower, win, 'win32')).toBe(true);
    expect(isAppUrl(lower, win, 'linux')).toBe(false);
  });

  it('accepts the dev server origin only when one is configured', () => {
    expect(isAppUrl('http://localhost:5173/', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5173/src/main.tsx', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5173/', packaged)).toBe(false);
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isAppUrl('https://localhost:5173/', dev)).toBe(false);
    expect(isAppUrl('http://localhost:5173.evil.test/', dev)).toBe(false);
  });

  it('refuses junk and other schemes', () => {
    for (const url of ['', 'not a url', 'about:blank', 'data:text/html,hi', 'javascript:alert(1)', 'devtools://devtools/bundled/x.html']) {
      expect(isAppUrl(url, dev)).toBe(false);
    }
  });
});

describe('toHttpOrigin', () => {
  it('normalises http(s) URLs and drops everything else', () => {
    expect(toHttpOrigin('http://localhost:5173/')).toBe('http://localhost:5173');
    expect(toHttpOrigin('HTTP://LOCALHOST:5173/index.html')).toBe('http://localhost:5173');
    expect(toHttpOrigin('file:///x')).toBeUndefined();
    expect(toHttpOrigin('nonsense')).toBeUndefined();
    expect(toHttpOrigin(undefined)).toBeUndefined();
  });
});

describe('isSafeExternalUrl', () => {
  it('allows plain web links', () => {
    expect(isSafeExternalUrl('https://docs.pieces.app/')).toBe(true);
    expect(isSafeExternalUrl('http://example.com/a?b=c#d')).toBe(true);
  });

  it('refuses other schemes, embedded credentials and absurd lengths', () => {
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://server/share',
      'ms-msdt:/id PCWDiagnostic',
      'mailto:a@b.c',
      'https://user:pass@example.com/',
      'https://user@example.com/',
      `https://example.com/${'a'.repeat(3000)}`,
      'not a url',
    ]) {
      expect(isSafeExternalUrl(url)).toBe(false);
    }
  });
});
