// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import rooms from './scripts/eslint-rooms.mjs';

export default tseslint.config(
  { ignores: ['dist/', 'dist-*/', 'node_modules/', '.astro/', 'test-results/', 'public/', 'content/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { rooms },
    rules: {
      'rooms/allowed-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      'no-restricted-globals': ['error', { name: 'eval', message: 'Never evaluate text.' }],
      'no-new-func': 'error',
      'no-restricted-imports': [
        'error',
        {
          name: 'preact/compat',
          message:
            "Its global option hooks change every island's server render (attribute order, the golden figures); use preact and preact/hooks.",
        },
      ],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
);
