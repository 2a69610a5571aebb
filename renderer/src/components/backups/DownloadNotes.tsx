import { Callout } from './Callout';

/**
 * Said before any download starts: what downloading costs on this kind (Juju deletes its copy after
 * one download), and that no half-written file is ever left where the operator looks.
 */
export function DownloadNotes({ note }: { note: string | undefined }) {
  return (
    <div className="space-y-2">
      {note && (
        <div data-testid="download-note">
          <Callout tone="warning" title="Before you download">
            {note}
          </Callout>
        </div>
      )}
      <p className="text-xs text-slate-600 dark:text-slate-400">
        The file only appears once it is complete and its checksum matched. Until then it is written to a temporary file next to
        it ending in <span className="font-mono">.part</span>, which is removed if the download fails or is cancelled.
      </p>
    </div>
  );
}
