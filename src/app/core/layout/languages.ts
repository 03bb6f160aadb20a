/** A language the app is built in: one build per language, each under its own path. */
export interface Language {
  /** The build's locale (angular.json `i18n`), which is also its LOCALE_ID. */
  readonly locale: string;
  /** For `lang` and `hreflang`. */
  readonly lang: string;
  /** Where that build is served from: its base href. */
  readonly basePath: string;
  /** The language's own name for itself, which is why it is not translated. */
  readonly name: string;
}

/**
 * The builds angular.json's `i18n` makes (scripts/i18n.test.js holds the two together): English, the
 * source, at the root, and Spanish under /es/.
 */
export const LANGUAGES: readonly Language[] = [
  { locale: 'en-US', lang: 'en', basePath: '/', name: 'English' },
  { locale: 'es', lang: 'es', basePath: '/es/', name: 'Español' },
];
