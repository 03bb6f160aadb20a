'use strict';

// A short label for where a login happened ("Firefox on Windows"), from its User-Agent, for
// GET /auth/sessions. Parsed by bowser: User-Agent strings are too irregular for hand-written
// patterns to stay right.

const Bowser = require('bowser');

const UNKNOWN_DEVICE = 'Unknown device';
// Real User-Agent strings are a few hundred characters; anything far longer is not one.
const MAX_USER_AGENT = 1000;

function deviceLabel(userAgent) {
  if (typeof userAgent !== 'string' || userAgent === '' || userAgent.length > MAX_USER_AGENT) {
    return UNKNOWN_DEVICE;
  }
  const { browser, os } = Bowser.parse(userAgent);
  if (browser.name && os.name) return `${browser.name} on ${os.name}`;
  return browser.name || (os.name ? `A browser on ${os.name}` : UNKNOWN_DEVICE);
}

module.exports = { deviceLabel, UNKNOWN_DEVICE };
