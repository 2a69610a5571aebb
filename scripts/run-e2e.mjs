// Runs the Playwright suite in whichever Chromium this machine has (see find-chromium.mjs).
import { spawnSync } from 'node:child_process';
import { findChromium } from './find-chromium.mjs';

const chromium = await findChromium();
if (!chromium) {
  console.error(
    'No Chromium to run the end-to-end tests in.\n' +
      '  Debian/Ubuntu: sudo apt-get install chromium\n' +
      '  elsewhere:     npx playwright install chromium\n' +
      'then run npm test again.',
  );
  process.exit(1);
}
console.log(`End-to-end tests use ${chromium}`);
const result = spawnSync('npx', ['playwright', 'test', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, BC_CHROMIUM_PATH: chromium },
});
process.exit(result.status ?? 1);
