import { isAppUrl, type AppOrigin } from './url-policy';

/** The parts of `IpcMainInvokeEvent` the check reads (structural, so tests need no Electron). */
export interface SenderEventLike {
  readonly sender: { readonly id: number };
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null;
}

export interface WebContentsLike {
  readonly id: number;
  isDestroyed(): boolean;
}

export interface TrustedSenderOptions {
  origin: AppOrigin;
  /** The main window's web contents; undefined while there is no window. */
  getMainWebContents: () => WebContentsLike | undefined;
  platform?: NodeJS.Platform;
}

export type SenderCheck = (event: SenderEventLike) => boolean;

/**
 * An IPC call is trusted only when it comes from the top frame of our main window while that
 * frame shows our own renderer. A navigated-away page, an iframe or another window gets nothing.
 */
export function createTrustedSenderCheck(options: TrustedSenderOptions): SenderCheck {
  return (event) => {
    const main = options.getMainWebContents();
    if (!main || main.isDestroyed() || event.sender.id !== main.id) return false;
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null) return false;
    return isAppUrl(frame.url, options.origin, options.platform);
  };
}
