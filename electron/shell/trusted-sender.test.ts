import { describe, expect, it } from 'vitest';
import { createTrustedSenderCheck, type SenderEventLike, type WebContentsLike } from './trusted-sender';

const index = 'file:///app/out/renderer/index.html';
const main: WebContentsLike = { id: 7, isDestroyed: () => false };

function event(senderId: number, url: string | null, parent: unknown = null): SenderEventLike {
  return { sender: { id: senderId }, senderFrame: url === null ? null : { url, parent } };
}

describe('createTrustedSenderCheck', () => {
  const check = createTrustedSenderCheck({ origin: { rendererFileUrl: index }, getMainWebContents: () => main });

  it('trusts the top frame of the main window showing our renderer', () => {
    expect(check(event(7, index))).toBe(true);
    expect(check(event(7, `${index}#/jobs`))).toBe(true);
  });

  it('refuses another web contents, even on our page', () => {
    expect(check(event(8, index))).toBe(false);
  });

  it('refuses subframes, vanished frames and foreign pages', () => {
    expect(check(event(7, index, { url: index }))).toBe(false);
    expect(check(event(7, null))).toBe(false);
    expect(check(event(7, 'https://evil.test/'))).toBe(false);
    expect(check(event(7, 'file:///home/me/Downloads/evil.html'))).toBe(false);
  });

  it('refuses everything while there is no live window', () => {
    expect(createTrustedSenderCheck({ origin: { rendererFileUrl: index }, getMainWebContents: () => undefined })(event(7, index))).toBe(false);
    const gone: WebContentsLike = { id: 7, isDestroyed: () => true };
    expect(createTrustedSenderCheck({ origin: { rendererFileUrl: index }, getMainWebContents: () => gone })(event(7, index))).toBe(false);
  });

  it('trusts the dev server only when configured', () => {
    const devCheck = createTrustedSenderCheck({
      origin: { rendererFileUrl: index, devServerOrigin: 'http://localhost:5173' },
      getMainWebContents: () => main,
    });
    expect(devCheck(event(7, 'http://localhost:5173/'))).toBe(true);
    expect(check(event(7, 'http://localhost:5173/'))).toBe(false);
  });
});
