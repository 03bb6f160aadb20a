'use strict';
// Serves a production build (`npm run build`'s dist/tokengate/browser) the way a static host does,
// for the e2e suite, the bench's Lighthouse step and `npm run serve:dist`:
// - each language's build answers its own client-side routes: /es/… falls back to /es/index.html,
//   anything else to /index.html (any folder of the build with an index.html is a language);
// - every answer carries the headers the dev server sends (angular.json, serve.options.headers):
//   one source for the Content-Security-Policy;
// - brotli/gzip, long-lived caching for content-hashed files, no-cache for the rest;
// - /api and /auth proxied to the API, so the browser only ever talks to one origin.

const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const zlib = require('node:zlib');

const ROOT = path.resolve(__dirname, '..');
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
const HASHED = /-[A-Za-z0-9_-]{8}\.(?:js|mjs|css)$/;
const PROXIED = /^\/(?:api|auth)(?:\/|$|\?)/;

function brotli(buffer) {
  return zlib.brotliCompressSync(buffer, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buffer.length,
    },
  });
}

/** The headers the dev server sends with the app (angular.json, serve.options.headers). */
function appHeaders(angularJson = path.join(ROOT, 'angular.json')) {
  const workspace = JSON.parse(fs.readFileSync(angularJson, 'utf8'));
  const [project] = Object.values(workspace.projects);
  const headers = project.architect?.serve?.options?.headers;
  if (!headers || Object.keys(headers).length === 0) {
    throw new Error(`${angularJson} has no serve.options.headers to send`);
  }
  return headers;
}

/** Reads every file under `root` once, keyed by URL path; compressed variants are made on first use. */
function loadFiles(root) {
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
      files.set('/' + path.relative(root, full).split(path.sep).join('/'), {
        type: TYPES[ext] ?? 'application/octet-stream',
        cache: HASHED.test(entry.name) ? 'public, max-age=31536000, immutable' : 'no-cache',
        identity: body,
        compressible: COMPRESSIBLE.has(ext) && body.length > 256,
      });
    }
  };
  walk(root);
  return files;
}

function encoded(file, encoding) {
  file[encoding] ??=
    encoding === 'br' ? brotli(file.identity) : zlib.gzipSync(file.identity, { level: 9 });
  return file[encoding];
}

function send(req, res, file, headers) {
  const accepted = String(req.headers['accept-encoding'] ?? '');
  const encoding = !file.compressible
    ? undefined
    : /\bbr\b/.test(accepted)
      ? 'br'
      : /\bgzip\b/.test(accepted)
        ? 'gzip'
        : undefined;
  const body = encoding ? encoded(file, encoding) : file.identity;
  res.writeHead(200, {
    ...headers,
    'Content-Type': file.type,
    'Content-Length': body.length,
    'Cache-Control': file.cache,
    ...(file.compressible ? { Vary: 'Accept-Encoding' } : {}),
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
 * Starts the server. `root` is the build's browser folder; `apiTarget` ({ host, port }) is where
 * /api and /auth go; `headers` are sent with every file (default: angular.json's). Resolves with
 * { url, close }.
 */
function startServer({ root, apiTarget, port = 0, host = '127.0.0.1', headers = appHeaders() }) {
  const files = loadFiles(root);
  // Each folder with an index.html is a build of its own (a language); the longest prefix wins.
  const sites = [...files.keys()]
    .filter((file) => file.endsWith('/index.html'))
    .map((file) => file.slice(0, -'index.html'.length))
    .sort((a, b) => b.length - a.length);
  if (!sites.includes('/')) throw new Error(`${root} has no index.html`);

  const server = http.createServer((req, res) => {
    if (PROXIED.test(req.url ?? '')) return proxy(req, res, apiTarget);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...headers, Allow: 'GET, HEAD' }).end();
      return;
    }
    let url;
    let pathname;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
      pathname = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400, headers).end();
      return;
    }
    // /es is the Spanish build's root only with its slash (its base href is /es/), as hosts redirect.
    if (sites.includes(`${pathname}/`)) {
      res.writeHead(301, { ...headers, Location: `${pathname}/${url.search}` }).end();
      return;
    }
    const file = files.get(pathname) ?? files.get(`${pathname.replace(/\/$/, '')}/index.html`);
    if (file) return send(req, res, file, headers);
    // A path that names a file (has an extension) is a real 404; anything else is a client route.
    if (path.extname(pathname)) {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Not found');
      return;
    }
    const site = sites.find((prefix) => pathname.startsWith(prefix));
    send(req, res, files.get(`${site}index.html`), headers);
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      resolve({
        url: `http://${host}:${actual}`,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

function option(args, name, fallback) {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && args[at + 1] ? args[at + 1] : fallback;
}

/**
 * `npm run serve:dist [-- --root dir --port n --host h --api url]`: the build at
 * http://localhost:4200/ (Spanish at /es/), /api and /auth to API_PROXY_TARGET or the API on PORT
 * (3000), as the dev server's proxy does.
 */
async function main(args) {
  const root = path.resolve(option(args, 'root', path.join(ROOT, 'dist', 'tokengate', 'browser')));
  const api = new URL(
    option(
      args,
      'api',
      process.env.API_PROXY_TARGET ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`,
    ),
  );
  const server = await startServer({
    root,
    apiTarget: { host: api.hostname, port: Number(api.port || 80) },
    port: Number(option(args, 'port', 4200)),
    // localhost, as the dev server: the API's default CORS_ORIGIN is http://localhost:4200.
    host: option(args, 'host', 'localhost'),
  });
  console.log(
    `Serving ${path.relative(process.cwd(), root) || '.'} at ${server.url}/ (/api and /auth → ${api.origin})`,
  );
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => server.close().then(() => process.exit(0)));
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}

module.exports = { startServer, appHeaders, brotli };
