'use strict';

// DNS rebinding (CONTRACT §6): a page on a name its owner points at 127.0.0.1 is same-origin with
// whatever listens there, and could sign in with the published demo passwords. Browsers send the
// name they used in `Host`, so the API answers only under names it serves:
// - `localhost`, `127.0.0.1` and `[::1]` on the port the request came in on (its own), or on
//   CORS_ORIGIN's port when CORS_ORIGIN is itself one of those names: the dev-server proxy keeps
//   the browser's Host (`changeOrigin: false`), which names the app's port, not the API's;
// - the entries of ALLOWED_HOSTS: a name alone on any port, `name:port` on that port only.

const net = require('node:net');
const { sendError } = require('./errors');

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);
const DNS_NAME =
  /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;

// `name`, `name:port`, `[v6]` or `[v6]:port`, lower-cased, as {hostname, port}; null for
// anything else (user info, paths, lists, a trailing dot, an empty port).
function parseHost(text) {
  const match = /^(\[[^\]]*\]|[^:[\]]*)(?::(\d{1,5}))?$/.exec(text.toLowerCase());
  if (!match) return null;
  const [, hostname, portText] = match;
  const port = portText === undefined ? undefined : Number(portText);
  if (port !== undefined && (port < 1 || port > 65535)) return null;
  const valid = hostname.startsWith('[')
    ? net.isIPv6(hostname.slice(1, -1))
    : DNS_NAME.test(hostname);
  return valid ? { hostname, port } : null;
}

function loopbackPort(origin) {
  const url = new URL(origin);
  if (!LOOPBACK_NAMES.has(url.hostname)) return undefined;
  return Number(url.port || (url.protocol === 'https:' ? 443 : 80));
}

function createHostCheck({ allowedHosts, corsOrigin }) {
  const appPort = loopbackPort(corsOrigin);

  function isServed({ hostname, port }, ownPort) {
    if (LOOPBACK_NAMES.has(hostname)) {
      // The API speaks plain http: a Host without a port means port 80.
      const effective = port ?? 80;
      return effective === ownPort || effective === appPort;
    }
    return allowedHosts.some(
      (entry) => entry.hostname === hostname && (entry.port === undefined || entry.port === port),
    );
  }

  return function hostCheck(req, res, next) {
    const host = typeof req.headers.host === 'string' ? parseHost(req.headers.host) : null;
    if (host && isServed(host, req.socket.localPort)) return next();
    // The refusal names no host: nothing a client sends is echoed.
    sendError(
      res,
      421,
      'invalid_host',
      'This API does not answer under that host name: use localhost, or add the name to ALLOWED_HOSTS',
    );
  };
}

module.exports = { createHostCheck, parseHost, LOOPBACK_NAMES };
