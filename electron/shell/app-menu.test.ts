import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildAppMenuTemplate } from './app-menu';

function roles(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [
    ...(item.role ? [item.role] : []),
    ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
  ]);
}

describe('buildAppMenuTemplate', () => {
  const base = { appName: 'Backup Console', showAbout: () => {} };

  it('has reload and developer tools only in development', () => {
    const prod = roles(buildAppMenuTemplate({ ...base, isMac: false, isDev: false }));
    const dev = roles(buildAppMenuTemplate({ ...base, isMac: false, isDev: true }));
    for (const role of ['reload', 'forceReload', 'toggleDevTools']) {
      expect(prod).not.toContain(role);
      expect(dev).toContain(role);
    }
    expect(prod).toEqual(expect.arrayContaining(['quit', 'copy', 'paste', 'zoomIn', 'togglefullscreen', 'windowMenu']));
  });

  it('puts the app menu first on macOS', () => {
    const menu = buildAppMenuTemplate({ ...base, isMac: true, isDev: false });
    expect(menu[0].label).toBe('Backup Console');
    expect(roles([menu[0]])).toEqual(expect.arrayContaining(['hide', 'quit']));
    expect(menu.map((m) => m.label ?? m.role)).toEqual(['Backup Console', 'File', 'Edit', 'View', 'windowMenu', 'help']);
  });

  it('shows About from the Help menu', () => {
    const showAbout = vi.fn();
    const help = buildAppMenuTemplate({ ...base, showAbout, isMac: false, isDev: false }).find((m) => m.role === 'help');
    const about = Array.isArray(help?.submenu) ? help.submenu[0] : undefined;
    expect(about?.label).toBe('About Backup Console');
    (about?.click as () => void)();
    expect(showAbout).toHaveBeenCalledOnce();
  });
});
