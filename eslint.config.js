// @ts-check
const eslint = require('@eslint/js');
const { defineConfig } = require('eslint/config');
const tseslint = require('typescript-eslint');
const angular = require('angular-eslint');

module.exports = defineConfig([
  {
    files: ['**/*.ts'],
    extends: [
      eslint.configs.recommended,
      tseslint.configs.recommended,
      tseslint.configs.stylistic,
      angular.configs.tsRecommended,
    ],
    processor: angular.processInlineTemplates,
    rules: {
      '@angular-eslint/directive-selector': [
        'error',
        {
          type: 'attribute',
          prefix: 'app',
          style: 'camelCase',
        },
      ],
      '@angular-eslint/component-selector': [
        'error',
        {
          type: 'element',
          prefix: 'app',
          style: 'kebab-case',
        },
      ],
    },
  },
  {
    files: ['**/*.html'],
    extends: [angular.configs.templateRecommended, angular.configs.templateAccessibility],
    rules: {},
  },
  {
    // Every word the app's templates show is marked for translation, with a stable custom id (@@…),
    // so a new string reaches messages.xlf and, untranslated, fails the build (docs/development.md).
    // Test hosts in specs and index.html (which the build does not translate) are not the app's words.
    files: ['src/app/**/*.html'],
    ignores: ['**/*.spec.ts/*.html'],
    rules: {
      '@angular-eslint/template/i18n': [
        'error',
        {
          checkId: true,
          checkText: true,
          checkAttributes: true,
          // Attributes that hold ids, tokens or options, never words.
          ignoreAttributes: [
            'aria-controls',
            'aria-describedby',
            'aria-labelledby',
            'aria-live',
            'ariaCurrentWhenActive',
            'idPrefix',
            'queryParamsHandling',
            'scope',
          ],
        },
      ],
    },
  },
]);
