import { useIsMutating } from '@tanstack/react-query';
import { useEffect } from 'react';
import { uploadMutationKey } from './use-start-upload';

/**
 * In browser mode the tab itself sends the file: closing or reloading it cuts the upload off, so
 * the browser asks first while one is being sent. (On the desktop main sends it; nothing is pending here.)
 */
export function useWarnBeforeLeavingDuringUpload(): void {
  const sending = useIsMutating({ mutationKey: uploadMutationKey }) > 0;
  useEffect(() => {
    if (!sending) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [sending]);
}
