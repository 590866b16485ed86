import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'jest.config.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', {
        selector: "ImportDeclaration[source.value=/^zod/]",
        message: "Import z from src/domain/zod.ts: one zod (mini, Japanese messages) for every schema.",
      }],
    },
  },
  { files: ['src/domain/zod.ts'], rules: { 'no-restricted-syntax': 'off' } },
  {
    // The core knows nothing of Apps Script (its globals are typed everywhere by tsconfig).
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', 'SpreadsheetApp', 'LockService', 'PropertiesService', 'Session', 'HtmlService', 'Utilities', 'ScriptApp'],
    },
  },
);
