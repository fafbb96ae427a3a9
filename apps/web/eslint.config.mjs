// Lint config for apps/web: the workspace config plus what the Vue app needs.
// Run from the workspace root: `eslint --config apps/web/eslint.config.mjs apps/web`.
import tseslint from 'typescript-eslint';
import workspace from '../../eslint.config.mjs';

const tsconfigRootDir = new URL('.', import.meta.url).pathname;

export default [
  ...workspace,
  {
    // The workspace config registers the @typescript-eslint plugin for .ts files only, but its
    // shared rules (no-unused-vars…) also apply to .vue files.
    files: ['**/*.vue'],
    plugins: { '@typescript-eslint': tseslint.plugin },
    languageOptions: { parserOptions: { extraFileExtensions: ['.vue'] } },
  },
  {
    // Type-aware checks for the app's TypeScript modules.
    files: ['**/apps/web/src/**/*.ts'],
    languageOptions: {
      parserOptions: { project: ['./tsconfig.app.json'], tsconfigRootDir },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
    },
  },
  {
    files: ['**/*.ts', '**/*.vue'],
    rules: {
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      'vue/block-order': ['error', { order: ['script', 'template', 'style'] }],
      'vue/component-name-in-template-casing': [
        'error',
        'PascalCase',
        { registeredComponentsOnly: false },
      ],
      'vue/require-explicit-emits': 'error',
      'vue/no-unused-refs': 'error',
    },
  },
  {
    // Layout is Prettier's job (as eslint-config-prettier would switch these off).
    files: ['**/*.vue'],
    rules: {
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
      'vue/html-indent': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/html-closing-bracket-spacing': 'off',
      'vue/first-attribute-linebreak': 'off',
      'vue/mustache-interpolation-spacing': 'off',
    },
  },
];
