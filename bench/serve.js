'use strict';
// Serves the production build the way a real deployment would, because Lighthouse scores what goes
// over the wire: precompressed brotli/gzip, long-lived caching for content-hashed files, the SPA
// fallback to index.html, and /api + /auth proxied to the mock API so the browser stays on one origin.

const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const zlib = require('node:zlib');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.txt', '.svg', '.ico']);
// The CLI names emitted files <name>-<8 char hash>.<ext>; only those may be cached forever.
const HASHED = /-[A-Z0-9]{8}\.(?:js|mjs|css)$/;
const PROXIED = /^\/(?:api|auth)(?:\/|$|\?)/;

function brotli(buffer) {
  return zlib.brotliCompressSync(buffer, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buffer.length,
    },
  });
}

/** Reads every file under `root` once, with its compressed variants, keyed by URL path. */
function loadFiles(root, urlPrefix) {
  const files = new Map();
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(full);
        continue;
      }
      const ext = path.extname(entry.name);
      const body = fs.readFileSync(full);
      const compress = COMPRESSIBLE.has(ext) && body.length > 256;
      files.set(urlPrefix + path.relative(root, full).split(path.sep).join('/'), {
        type: TYPES[ext] ?? 'application/octet-stream',
        cache: HASHED.test(entry.name) ? 'public, max-age=31536000, immutable' : 'no-cache',
        identity: body,
        br: compress ? brotli(body) : undefined,
        gzip: compress ? zlib.gzipSync(body, { level: 9 }) : undefined,
      });
    }
  };
  walk(root);
  return files;
}

function send(req, res, file) {
  const accepted = String(req.headers['accept-encoding'] ?? '');
  const encoding =
    file.br && /\bbr\b/.test(accepted)
      ? 'br'
      : file.gzip && /\bgzip\b/.test(accepted)
        ? 'gzip'
        : undefined;
  const body = encoding ? file[encoding] : file.identity;
  res.writeHead(200, {
    'Content-Type': file.type,
    'Content-Length': body.length,
    'Cache-Control': file.cache,
    'X-Content-Type-Options': 'nosniff',
    ...(file.br ? { Vary: 'Accept-Encoding' } : {}),
    ...(encoding ? { 'Content-Encoding': encoding } : {}),
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

function proxy(req, res, target) {
  const upstream = http.request(
    {
      host: target.host,
      port: target.port,
      method: req.method,
      path: req.url,
      headers: req.headers,
    },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.rawHeaders);
      answer.pipe(res);
    },
  );
  upstream.on('error', () => {
    if (!res.headersSent) res.writeHead(502, { 'Content-Type': 'application/json' });
    res.end('{"error":"bad_gateway","message":"The API is not reachable."}');
  });
  req.pipe(upstream);
}

/**
 * Starts the server on 127.0.0.1. `sites` maps a URL prefix (e.g. '/') to a build folder;
 * each prefix falls back to its own index.html for client-side routes.
 */
function startServer({ sites, apiTarget, port = 0 }) {
  const mounted = Object.entries(sites)
    .map(([prefix, root]) => ({ prefix, files: loadFiles(root, prefix) }))
    .sort((a, b) => b.prefix.length - a.prefix.length);

  const server = http.createServer((req, res) => {
    if (PROXIED.test(req.url ?? '')) return proxy(req, res, apiTarget);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    const site = mounted.find((m) => pathname.startsWith(m.prefix)) ?? mounted.at(-1);
    const file =
      site.files.get(pathname) ?? site.files.get(pathname.replace(/\/$/, '') + '/index.html');
    if (file) return send(req, res, file);
    // A path that names a file (has an extension) is a real 404; anything else is a client route.
    if (path.extname(pathname)) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    send(req, res, site.files.get(site.prefix + 'index.html'));
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const { port: actual } = server.address();
      resolve({
        url: `http://127.0.0.1:${actual}`,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

module.exports = { startServer, brotli };
