import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const debianChromium = '/usr/bin/chromium';

async function playwrightChromium() {
  try {
    const { chromium } = await import('@playwright/test');
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Playwright's own Chromium when it is installed, else Debian's. On a Debian machine where we are
 * root and neither exists, installs Debian's package (Playwright's browser download cannot work
 * on a machine without access to its CDN).
 */
export async function findChromium({ install = true } = {}) {
  const own = await playwrightChromium();
  if (own) return own;
  if (existsSync(debianChromium)) return debianChromium;
  const canApt = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (install && canApt) {
    console.log('No Chromium found: installing Debian\'s chromium package (apt-get install chromium)...');
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
    if (existsSync(debianChromium)) return debianChromium;
  }
  return undefined;
}
