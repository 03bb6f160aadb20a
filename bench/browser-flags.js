'use strict';
// One place for how the bench starts Chromium: the project's browser, headless, and nothing that
// reaches the internet (updates, sync, background fetches), because only the npm registry is reachable.

const { findBrowser } = require('../scripts/browser');

const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

module.exports = { findBrowser, CHROME_FLAGS };
