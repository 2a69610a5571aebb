// Proves `electron-builder --dir` packaging works without downloading Electron.
//
// A stub "Electron distribution" (a non-runnable `electron` file carrying a real fuse wire) stands
// in for the runtime; electron-builder packs out/ into app.asar around it and flips the fuses from
// build/electron-builder.yml. The script then reads the asar header and the fuse wire back and
// checks both. The result is not runnable: it checks the packaging, not the app.
//
//   npx electron-vite build && node scripts/pack-dir-stub.mjs [--project <dir>]
// --project packs another copy of the app (with its own package.json and out/) using this config.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const repo = resolve(import.meta.dirname, '..');
const projectFlag = process.argv.indexOf('--project');
const root = projectFlag > 0 ? resolve(process.argv[projectFlag + 1]) : repo;
const work = join(repo, '.tmp', 'pack-stub');
const stubDist = join(work, 'electron-dist');
const output = join(work, 'release');
const ELECTRON_VERSION = '45.4.1';

// @electron/fuses: the wire Electron embeds after this sentinel ('1' enabled, '0' disabled).
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FUSES = [
  ['runAsNode', '1'],
  ['enableCookieEncryption', '0'],
  ['enableNodeOptionsEnvironmentVariable', '1'],
  ['enableNodeCliInspectArguments', '1'],
  ['enableEmbeddedAsarIntegrityValidation', '0'],
  ['onlyLoadAppFromAsar', '0'],
  ['loadBrowserProcessSpecificV8Snapshot', '0'],
  ['grantFileProtocolExtraPrivileges', '1'],
];
const EXPECTED_FUSES = {
  runAsNode: '0',
  enableCookieEncryption: '1',
  enableNodeOptionsEnvironmentVariable: '0',
  enableNodeCliInspectArguments: '0',
  enableEmbeddedAsarIntegrityValidation: '1',
  onlyLoadAppFromAsar: '1',
  loadBrowserProcessSpecificV8Snapshot: '0',
  grantFileProtocolExtraPrivileges: '1',
};

const failures = [];
const check = (ok, message) => {
  console.log(`${ok ? '  ok  ' : '  FAIL'} ${message}`);
  if (!ok) failures.push(message);
};

function makeStubDist() {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(join(stubDist, 'resources'), { recursive: true });
  const script = Buffer.from('#!/bin/sh\necho "stub Electron from scripts/pack-dir-stub.mjs: not runnable" >&2\nexit 1\n# ');
  const wire = Buffer.concat([Buffer.from(SENTINEL), Buffer.from([1, FUSES.length]), Buffer.from(FUSES.map(([, v]) => v).join(''))]);
  writeFileSync(join(stubDist, 'electron'), Buffer.concat([script, wire, Buffer.from('\n')]));
  chmodSync(join(stubDist, 'electron'), 0o755);
  writeFileSync(join(stubDist, 'version'), ELECTRON_VERSION);
  writeFileSync(join(stubDist, 'LICENSE'), 'stub');
}

function runBuilder() {
  const cli = createRequire(import.meta.url).resolve('electron-builder/cli.js');
  const args = [
    cli,
    '--projectDir', root,
    '--config', join(repo, 'build', 'electron-builder.yml'),
    '--linux', 'dir',
    '--x64',
    `-c.electronDist=${stubDist}`,
    `-c.directories.output=${output}`,
  ];
  console.log(`$ electron-builder ${args.slice(1).join(' ')}`);
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', timeout: 300_000 });
  return result.status === 0;
}

/** Lists the files in an asar archive from its JSON header (Pickle-framed, little-endian). */
function asarFiles(file) {
  const buf = readFileSync(file);
  const headerStringLength = buf.readUInt32LE(12);
  const header = JSON.parse(buf.subarray(16, 16 + headerStringLength).toString('utf8'));
  const out = [];
  const walk = (node, prefix) => {
    for (const [name, child] of Object.entries(node.files ?? {})) {
      const path = `${prefix}/${name}`;
      if (child.files) walk(child, path);
      else out.push(path);
    }
  };
  walk(header, '');
  return out;
}

function fuseWire(file) {
  const buf = readFileSync(file);
  const at = buf.indexOf(SENTINEL);
  if (at < 0) return undefined;
  const length = buf[at + SENTINEL.length + 1];
  const states = buf.subarray(at + SENTINEL.length + 2, at + SENTINEL.length + 2 + length).toString('latin1');
  return Object.fromEntries(FUSES.map(([name], i) => [name, states[i]]));
}

if (!existsSync(join(root, 'out', 'main', 'main.js'))) {
  console.error('out/main/main.js is missing: run `npx electron-vite build` first.');
  process.exit(1);
}
makeStubDist();
if (!runBuilder()) {
  console.error('\nelectron-builder failed (see above).');
  const deps = Object.keys(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).dependencies ?? {});
  const tooling = deps.filter((d) => ['electron', 'electron-builder', 'electron-vite', 'vite', 'typescript'].includes(d));
  if (tooling.length) {
    console.error(
      `package.json lists build tooling under "dependencies" (${tooling.join(', ')}). electron-builder refuses ` +
        'electron there and packs every runtime dependency into app.asar: keep only what out/main/main.js ' +
        'imports at run time in "dependencies" and move the rest to "devDependencies".',
    );
  }
  process.exit(1);
}

const unpacked = join(output, 'linux-unpacked');
const asar = join(unpacked, 'resources', 'app.asar');
console.log('\nChecking the packaged app:');
check(existsSync(asar), 'resources/app.asar exists');
if (existsSync(asar)) {
  const files = asarFiles(asar);
  const has = (path) => files.includes(path);
  check(has('/package.json'), 'app.asar has package.json');
  check(has('/out/main/main.js'), 'app.asar has out/main/main.js');
  check(has('/out/preload/preload.cjs'), 'app.asar has out/preload/preload.cjs');
  check(has('/out/renderer/index.html'), 'app.asar has out/renderer/index.html');
  const sources = files.filter((f) => /^\/(electron|renderer|shared|e2e|scripts|build)\//.test(f) || /^\/out\/.*\.map$/.test(f));
  check(sources.length === 0, `no sources, tests or source maps (${sources.slice(0, 3).join(', ') || 'none'})`);
  const modules = new Set(files.filter((f) => f.startsWith('/node_modules/')).map((f) => f.split('/').slice(2, f.split('/')[2].startsWith('@') ? 4 : 3).join('/')));
  const tooling = ['electron', 'electron-builder', 'vite', 'typescript', '@playwright/test', 'vitest'].filter((m) => modules.has(m));
  check(tooling.length === 0, `no build tooling in node_modules (${tooling.join(', ') || 'none'}); ${modules.size} packages packed`);
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  check(pkg.main === 'out/main/main.js', 'package.json main is out/main/main.js');
}
const executable = join(unpacked, 'backup-console');
check(existsSync(executable), 'the executable was renamed to backup-console');
if (existsSync(executable)) {
  const fuses = fuseWire(executable);
  const wrong = Object.entries(EXPECTED_FUSES).filter(([name, value]) => fuses?.[name] !== value);
  check(fuses !== undefined && wrong.length === 0, `fuses flipped as configured${wrong.length ? `: wrong ${wrong.map(([n]) => n).join(', ')}` : ''}`);
}

if (failures.length) {
  console.error(`\n${failures.length} check(s) failed.`);
  process.exit(1);
}
console.log(`\nPackaging works: ${unpacked}`);
