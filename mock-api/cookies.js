'use strict';

// Reading the refresh cookie so that a planted twin cannot hide behind it (CONTRACT §4).
//
// Cookies are not separated by port: a page on any other localhost port can set a
// `refresh_token` cookie for this host. Given one with a longer path (`/auth/refresh`), the
// browser sends it first, and a parser that keeps the first value per name would then spend the
// planter's token for the victim. So every `refresh_token` pair of the raw header is read, and
// more than one is refused by the caller.

const cookie = require('cookie');

const REFRESH_COOKIE = 'refresh_token';

// Every value of the `refresh_token` cookie in a Cookie header, in the order sent. (Node joins
// repeated Cookie headers with "; ", so they are counted together.)
function refreshTokenValues(header) {
  if (typeof header !== 'string') return [];
  const values = [];
  for (const pair of header.split(';')) {
    // `cookie` keeps the first value per name, so each pair is parsed on its own.
    const parsed = cookie.parse(pair);
    if (Object.hasOwn(parsed, REFRESH_COOKIE)) values.push(parsed[REFRESH_COOKIE]);
  }
  return values;
}

// The cookie paths a browser would send along to a request for `pathname` (RFC 6265 §5.1.4):
// a planted cookie can sit on any of them, so clearing it means clearing each.
function cookiePathsFor(pathname) {
  const paths = new Set(['/']);
  for (let slash = pathname.indexOf('/', 1); slash > 0; slash = pathname.indexOf('/', slash + 1)) {
    paths.add(pathname.slice(0, slash));
    paths.add(pathname.slice(0, slash + 1));
  }
  paths.add(pathname);
  return [...paths];
}

module.exports = { REFRESH_COOKIE, refreshTokenValues, cookiePathsFor };
