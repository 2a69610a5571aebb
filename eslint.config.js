import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const noElectron = {
  paths: [{ name: 'electron', message: 'The core and providers stay Electron-free: inject what you need from main.ts.' }],
};

export default tseslint.config(
  { ignores: ['out/**', 'release/**', 'node_modules/**', '.tmp/**', '.demo-data/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    files: ['electron/core/**/*.ts', 'electron/providers/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', noElectron] },
  },
  {
    // Only the IPC host and the preload may touch raw IPC; everything else goes through the contract.
    files: ['electron/**/*.ts'],
    ignores: ['electron/hosts/ipc.ts', 'electron/preload.ts', 'electron/preload-bridge.ts', 'electron/**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "ImportSpecifier[imported.name='ipcMain']", message: 'Register calls through electron/hosts/ipc.ts.' },
        { selector: "ImportSpecifier[imported.name='ipcRenderer']", message: 'Only the preload uses ipcRenderer.' },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/electron/**', 'electron', 'node:*'], message: 'The renderer talks to main only through its client.' }] },
      ],
    },
  },
);
