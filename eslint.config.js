import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Layer boundaries from STYLE.md: imports only point down. Each entry forbids a layer from
// reaching up or sideways; cheap to check and it keeps the architecture honest.
const noDeepImports = {
  group: ['@hikube/*/src/*', '@hikube/*/dist/*', '**/../sdk/src/*', '**/../packages/*/src/*'],
  message: 'Import another package only through its public entry points (its exports map).',
};

function forbid(files, patterns) {
  return {
    files,
    rules: { 'no-restricted-imports': ['error', { patterns: [noDeepImports, ...patterns] }] },
  };
}

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/dist-dev/**',
      '**/node_modules/**',
      '**/src/generated/**',
      '**/.hikube-local/**',
      '**/*.d.ts',
      'packages/cdktf-provider-hikube/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', URL: 'readonly', Buffer: 'readonly' },
    },
    rules: {
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-imports': ['error', { patterns: [noDeepImports] }],
      // Prettier wraps code at 160; what it cannot wrap is checked here. Long messages are split
      // into concatenated literals; the few literals still over it hold a regular expression,
      // code or data that a split would make harder to read.
      'max-len': ['error', { code: 160, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true, ignoreUrls: true }],
    },
  },
  { files: ['**/*.config.ts', '**/*.config.js', '**/*.config.mjs'], rules: { 'no-restricted-syntax': 'off' } },
  forbid(
    ['sdk/src/transport/**'],
    [{ group: ['../resources/*', '../waiters/*'], message: 'The transport knows no kinds: it must not import resources or waiters.' }],
  ),
  forbid(
    ['packages/local/src/api/**'],
    [{ group: ['node:child_process', 'child_process', '../engine/*'], message: 'api/ never spawns a process; it talks to controllers through the store.' }],
  ),
  forbid(
    ['packages/local/src/engine/**'],
    [{ group: ['../api/*', '../controllers/*', '../store/*', '@hikube/sdk'], message: 'engine/ acts only and knows nothing about API kinds.' }],
  ),
  forbid(
    ['provider/src/resources/**', 'provider/src/data-sources/**'],
    [{ group: ['@grpc/*', '@msgpack/*', 'undici'], message: 'Resources speak the framework and the SDK, never gRPC, msgpack or HTTP.' }],
  ),
);
