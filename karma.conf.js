// Karma configuration for `ng test` (runnerConfig in angular.json).
// https://karma-runner.github.io/6.4/config/configuration-file.html
const path = require('node:path');
const { findBrowser } = require('./scripts/browser');

// `npm test` runs scripts/browser.js first (it may install chromium); here we only look it up.
process.env.CHROME_BIN = findBrowser();

module.exports = function (config) {
  config.set({
    basePath: '',
    frameworks: ['jasmine'],
    plugins: [
      require('karma-jasmine'),
      require('karma-chrome-launcher'),
      require('karma-jasmine-html-reporter'),
      require('karma-coverage'),
    ],
    client: {
      jasmine: {
        random: true,
      },
    },
    jasmineHtmlReporter: {
      suppressAll: true,
    },
    coverageReporter: {
      dir: path.join(__dirname, 'coverage/tokengate'),
      subdir: '.',
      reporters: [{ type: 'html' }, { type: 'text-summary' }],
    },
    reporters: ['progress', 'kjhtml'],
    customLaunchers: {
      // Tests run as root in CI and on developer machines here: Chromium refuses its sandbox as root.
      ChromeHeadlessNoSandbox: {
        base: 'ChromeHeadless',
        flags: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      },
    },
    browsers: ['ChromeHeadlessNoSandbox'],
    restartOnFileChange: true,
  });
};
