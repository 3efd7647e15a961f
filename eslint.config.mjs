import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.data/**', 'screenshots/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // useLoaded(load, deps) takes its dependencies like useEffect: checked the same way.
      'react-hooks/exhaustive-deps': ['warn', { additionalHooks: '^useLoaded$' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      // The domain takes its clock as a parameter: no reading of the system time.
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Pass a Clock instead.',
        },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Pass a Clock instead.' },
      ],
    },
  },
  {
    // The UI: all of src/ but the domain, the one client (src/api) and the platform code.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/domain/**', 'src/api/**', 'src/platform/**'],
    rules: {
      // The network is reached through src/api/client alone: one place for envelopes, errors and the caller.
      'no-restricted-properties': [
        'error',
        ...['request', 'cloud', 'uploadFile', 'downloadFile', 'connectSocket'].map((property) => ({
          object: 'Taro',
          property,
          message: 'Call the functions through src/api/client; files go through src/platform.',
        })),
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@tarojs/taro',
              importNames: ['request', 'cloud', 'uploadFile', 'downloadFile', 'connectSocket'],
              message: 'Call the functions through src/api/client; files go through src/platform.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['fetch', 'XMLHttpRequest', 'WebSocket'].map((name) => ({
          name,
          message: 'Call the functions through src/api/client; files go through src/platform.',
        })),
      ],
      // A field's limit is the schema's (src/domain), so the page and the server never disagree.
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='maxlength'] > JSXExpressionContainer > Literal",
          message: 'Use the limit the schema in src/domain exports.',
        },
      ],
    },
  },
  {
    files: ['tests/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['scripts/screenshots.mjs', 'scripts/make-tab-icons.mjs'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
