import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { readdirSync } from 'node:fs';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** Folders of src/ that are plumbing shared by every module rather than a feature module. */
const SHARED = new Set(['engine', 'common', 'config', 'database', 'workers', 'types', 'clock']);
const MODULES = readdirSync(new URL('./src', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && !SHARED.has(entry.name))
  .map((entry) => entry.name);

/**
 * Each feature module owns its tables (docs/adr/0004-module-ownership-and-lock-order.md): its
 * entities and repositories are private to it; other modules call its services.
 */
const ownership = MODULES.map((module) => ({
  files: [`src/${module}/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            regex: `^(\\.\\./)+(?!${module}/)[a-z-]+/(entities|repositories)/`,
            message: `Another module's entities and repositories are its own: call its service (module ${module} owns only src/${module}).`,
          },
        ],
      },
    ],
  },
}));

/** Only repositories (and src/database, the plumbing) talk SQL or hold the data source. */
const DATA_ACCESS = [
  { selector: "CallExpression[callee.property.name='query']", message: 'SQL belongs in a repository (src/<module>/repositories/).' },
  {
    selector: 'CallExpression[callee.property.name=/^(getRepository|createQueryBuilder)$/]',
    message: 'Entity access belongs in a repository (src/<module>/repositories/).',
  },
  {
    selector: "Decorator[expression.callee.name='InjectDataSource']",
    message: 'Inject Database (src/database/database.ts) or a repository, not the data source.',
  },
];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', '.data/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: globals.node },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Not consistent-type-imports: Nest's DI needs constructor parameter types as runtime values.
    },
  },
  ...ownership,
  {
    files: ['src/**/*.ts'],
    ignores: ['src/**/repositories/**', 'src/database/**', 'src/**/*.spec.ts'],
    rules: { 'no-restricted-syntax': ['error', ...DATA_ACCESS] },
  },
  {
    // Domain code stays free of the framework and the ORM (see DESIGN.md, execution model).
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['@nestjs/*', 'typeorm', 'typeorm/*', 'pg'] }],
    },
  },
  {
    // The console runs in the browser, as React function components.
    files: ['console/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
    languageOptions: { globals: globals.browser },
  },
  // Formatting is Prettier's (npm run format); ESLint keeps to correctness.
  prettier,
);
