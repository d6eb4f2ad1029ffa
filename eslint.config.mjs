import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * Layers form a stack: bot → services → db, bot → cards, and everything may use lib/ and config/.
 * Services never import cards or bot (posts queued in a transaction carry a card spec, rendered by
 * the delivery sender); cards use services' types only. See README "Project structure".
 */
const botbuilder = { group: ['botbuilder*', 'botframework-*'], message: 'Only bot/ may import botbuilder (see README, architecture).' };
const layer = (folder, why) => ({ group: [`**/${folder}`, `**/${folder}/**`], message: why });
const layerRules = (patterns) => ['error', { patterns }];

/** SQL lives in services/<module>/store.ts (or a store/ folder) and services/db/ only. */
const sqlStatement = /^\s*(SELECT\s|INSERT\s+INTO\s|UPDATE\s+\w+\s+SET\s|DELETE\s+FROM\s|WITH\s+\w+\s+AS\s*\(|EXPLAIN\s)/;
const sqlMessage = 'SQL belongs in the feature\'s store (services/<feature>/store.ts) or services/db/ (see README "Project structure").';
const noSql = ['error',
  { selector: `TemplateLiteral[quasis.0.value.raw=${sqlStatement}]`, message: sqlMessage },
  { selector: `Literal[value=${sqlStatement}]`, message: sqlMessage },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'artifacts/**', 'tab/public/vendor/**', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      'no-console': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-imports': layerRules([botbuilder]),
    },
  },
  {
    files: ['services/**/*.ts'],
    rules: {
      'no-restricted-imports': layerRules([
        botbuilder,
        layer('cards', 'services/ never imports cards/: queue a card spec (services/deliveries/card-spec.ts) and let bot/ render it.'),
        layer('bot', 'services/ never imports bot/: bot/ calls services, not the other way round.'),
        layer('tab', 'services/ never imports tab/.'),
      ]),
    },
  },
  {
    files: ['cards/**/*.ts'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': layerRules([
        botbuilder,
        { ...layer('services', 'cards/ may use services\' types only (import type); shared helpers belong in lib/ or config/.'), allowTypeImports: true },
        layer('bot', 'cards/ never imports bot/.'),
        layer('tab', 'cards/ never imports tab/.'),
      ]),
    },
  },
  {
    // Samples are fixtures for the card tests and the render script: realistic data through the real rules.
    files: ['cards/**/samples.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [botbuilder] }] },
  },
  {
    files: ['lib/**/*.ts', 'config/**/*.ts'],
    rules: {
      'no-restricted-imports': layerRules([
        botbuilder,
        ...['services', 'cards', 'bot', 'tab'].map((f) => layer(f, 'lib/ and config/ sit below every other layer and import none of them.')),
      ]),
    },
  },
  {
    files: ['bot/**/*.ts', 'cards/**/*.ts', 'services/**/*.ts', 'lib/**/*.ts', 'config/**/*.ts', 'tab/**/*.ts'],
    ignores: ['services/**/store.ts', 'services/**/store/**', 'services/db/**'],
    rules: { 'no-restricted-syntax': noSql },
  },
  {
    files: ['bot/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly', console: 'readonly' } },
  },
  {
    // The Overzicht page's scripts: ES modules run by the browser as they are (no build step).
    files: ['tab/public/**/*.js'],
    ignores: ['tab/public/config.js'],
    languageOptions: { sourceType: 'module', globals: { window: 'readonly', document: 'readonly', fetch: 'readonly', URL: 'readonly', sessionStorage: 'readonly' } },
  },
  {
    files: ['scripts/**/*.ts', 'bench/**/*.ts', 'test/**/*.ts', '**/*.js', '**/*.mjs'],
    rules: { 'no-console': 'off', '@typescript-eslint/no-require-imports': 'off' },
  },
);
