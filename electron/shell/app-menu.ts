import type { MenuItemConstructorOptions } from 'electron';

export interface AppMenuOptions {
  appName: string;
  isMac: boolean;
  /** Reload and developer tools appear only in development. */
  isDev: boolean;
  showAbout: () => void;
}

const separator: MenuItemConstructorOptions = { type: 'separator' };

function editMenu(isMac: boolean): MenuItemConstructorOptions {
  return {
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(isMac ? [{ role: 'pasteAndMatchStyle' } as const] : []),
      { role: 'delete' },
      separator,
      { role: 'selectAll' },
    ],
  };
}

function viewMenu(isDev: boolean): MenuItemConstructorOptions {
  const devItems: MenuItemConstructorOptions[] = isDev
    ? [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, separator]
    : [];
  return {
    label: 'View',
    submenu: [...devItems, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, separator, { role: 'togglefullscreen' }],
  };
}

/** The native menu as a template (pure, so the dev-only items are testable). */
export function buildAppMenuTemplate(options: AppMenuOptions): MenuItemConstructorOptions[] {
  const { appName, isMac, isDev, showAbout } = options;
  const about: MenuItemConstructorOptions = { label: `About ${appName}`, click: () => showAbout() };
  const macAppMenu: MenuItemConstructorOptions[] = isMac
    ? [
        {
          label: appName,
          submenu: [about, separator, { role: 'services' }, separator, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, separator, { role: 'quit' }],
        },
      ]
    : [];
  return [
    ...macAppMenu,
    { label: 'File', submenu: [isMac ? { role: 'close' } : { role: 'quit' }] },
    editMenu(isMac),
    viewMenu(isDev),
    { role: 'windowMenu' },
    { role: 'help', submenu: [about] },
  ];
}
