// Import rules for src/ (STYLE.md habit 15), checked by `npm run lint`:
// no cycles, counting `import type` and `import()`; pages and the layout reach the auth core only
// through its public face (core/auth/index.ts), and specs through its testing face (testing.ts).
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'An import cycle (type-only and dynamic imports count): move the shared types to a leaf file, ' +
        'or let the options token file import its interface rather than the reverse.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'auth-core-public-face',
      severity: 'error',
      comment:
        'Outside src/app/core/auth, import the auth core from its index.ts (specs: also testing.ts), ' +
        'never from the files behind it.',
      from: { path: '^src/', pathNot: '^src/app/core/auth/' },
      to: {
        path: '^src/app/core/auth/',
        pathNot: ['^src/app/core/auth/index[.]ts$', '^src/app/core/auth/testing[.]ts$'],
      },
    },
    {
      name: 'auth-testing-in-specs-only',
      severity: 'error',
      comment: 'core/auth/testing.ts is for specs; app code imports core/auth/index.ts.',
      from: { path: '^src/', pathNot: ['[.]spec[.]ts$', '^src/app/core/auth/'] },
      to: { path: '^src/app/core/auth/testing[.]ts$' },
    },
    {
      name: 'core-does-not-know-features',
      severity: 'error',
      comment: 'The core and shared code serve every feature, so they import none.',
      from: { path: '^src/app/(core|shared)/' },
      to: { path: '^src/app/features/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: 'node_modules' },
    // Type-only imports count: a cycle through `import type` is still a cycle for a reader.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.mjs'] },
  },
};
