import type { AppInfo } from '../../../../shared/contract';

export function TopBar({ appInfo }: { appInfo: AppInfo }) {
  return (
    <header className="flex h-11 shrink-0 items-center justify-between gap-4 border-b border-slate-200 bg-white px-4 dark:border-slate-800 dark:bg-slate-900">
      <div className="flex items-baseline gap-2">
        <span className="text-sm font-semibold tracking-tight">Backup Console</span>
        <span className="text-xs text-slate-600 dark:text-slate-400">v{appInfo.version}</span>
      </div>
      <span className="truncate text-xs text-slate-600 dark:text-slate-400" title={`Data directory: ${appInfo.dataDir}`}>
        {appInfo.host === 'web' ? 'Browser mode' : 'Desktop'} · {appInfo.platform}
      </span>
    </header>
  );
}
