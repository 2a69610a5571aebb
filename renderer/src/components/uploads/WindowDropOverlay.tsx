import type { WindowDrag } from './use-window-file-drop';

/**
 * Shown while a file is dragged over the window: where it will go, or why it cannot. It lets every
 * pointer event through (pointer-events-none), so the sidebar endpoints underneath still light up.
 */
export function WindowDropOverlay({ drag }: { drag: WindowDrag | null }) {
  if (!drag) return null;
  const { ok, message } = drag.verdict;
  return (
    <div
      data-testid="upload-drop-overlay"
      data-drop-ok={ok}
      className={`pointer-events-none fixed inset-0 z-40 flex items-center justify-center border-4 border-dashed p-6 ${
        ok ? 'border-blue-500 bg-blue-950/20 dark:border-blue-400 dark:bg-slate-950/50' : 'border-slate-400 bg-slate-950/30 dark:border-slate-500 dark:bg-slate-950/60'
      }`}
    >
      <div
        role="status"
        className="flex max-w-md items-center gap-3 rounded-lg border border-slate-200 bg-white px-5 py-4 text-slate-900 shadow-2xl dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
      >
        {ok ? (
          <svg className="size-8 shrink-0 text-blue-700 dark:text-blue-400" viewBox="0 0 20 20" fill="currentColor" aria-hidden="true">
            <path d="M9.1 13V5.6L6.4 8.3 5.1 7 10 2.1 14.9 7l-1.3 1.3-2.7-2.7V13H9.1ZM3 12h1.8v3.2h10.4V12H17v5H3v-5Z" />
          </svg>
        ) : (
          <svg className="size-8 shrink-0 text-slate-500 dark:text-slate-400" viewBox="0 0 20 20" fill="currentColor" aria-hidden="true">
            <path d="M10 1.5a8.5 8.5 0 1 0 0 17 8.5 8.5 0 0 0 0-17ZM3.3 10a6.7 6.7 0 0 1 10.8-5.3l-9.4 9.4A6.6 6.6 0 0 1 3.3 10Zm2.6 5.3 9.4-9.4a6.7 6.7 0 0 1-9.4 9.4Z" />
          </svg>
        )}
        <div className="min-w-0">
          <p data-testid="upload-drop-message" className="text-base font-semibold break-words">
            {message}
          </p>
          <p className="mt-0.5 text-xs text-slate-600 dark:text-slate-400">
            {ok ? 'Nothing is sent yet: the file is checked first.' : 'Drop it on an endpoint that takes backup files, in the sidebar, or select one first.'}
          </p>
        </div>
      </div>
    </div>
  );
}
