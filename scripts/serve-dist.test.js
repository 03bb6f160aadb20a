'use strict';

// scripts/serve-dist.js serves the e2e suite and the bench the production build the way a static
// host would; these hold it to that on a small fake build, with a fake API behind /api and /auth.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');
const { appHeaders, startServer } = require('./serve-dist');

const HASHED_JS = 'main-AB12_x-Z.js';

function fakeBuild(t) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'serve-dist-test-'));
  t.after(() => fs.rmSync(root, { recursive: true, force: true }));
  fs.mkdirSync(path.join(root, 'es'));
  fs.writeFileSync(
    path.join(root, 'index.html'),
    '<html lang="en-US"><base href="/">English</html>',
  );
  fs.writeFileSync(
    path.join(root, 'es', 'index.html'),
    '<html lang="es"><base href="/es/">Español</html>',
  );
  fs.writeFileSync(path.join(root, HASHED_JS), `console.log(${JSON.stringify('x'.repeat(2000))});`);
  fs.writeFileSync(path.join(root, 'favicon.ico'), Buffer.from([0, 0, 1, 0]));
  return root;
}

/** An API that answers every request with what it received. */
async function fakeApi(t) {
  const api = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      res.writeHead(418, { 'Content-Type': 'application/json', 'X-From': 'api' });
      res.end(JSON.stringify({ method: req.method, url: req.url, body }));
    });
  });
  await new Promise((resolve) => api.listen(0, '127.0.0.1', resolve));
  t.after(() => new Promise((resolve) => api.close(resolve)));
  return { host: '127.0.0.1', port: api.address().port };
}

async function serve(t) {
  const server = await startServer({ root: fakeBuild(t), apiTarget: await fakeApi(t) });
  t.after(() => server.close());
  return (urlPath, init) => fetch(server.url + urlPath, { redirect: 'manual', ...init });
}

test("sends angular.json's serve headers, the dev server's, with every file and fallback", async (t) => {
  const headers = appHeaders();
  assert.match(headers['Content-Security-Policy'], /frame-ancestors 'none'/);
  const get = await serve(t);
  for (const urlPath of ['/', '/notes', '/es/notes', `/${HASHED_JS}`, '/missing.js']) {
    const response = await get(urlPath);
    for (const [name, value] of Object.entries(headers)) {
      assert.equal(response.headers.get(name), value, `${name} on ${urlPath}`);
    }
  }
});

test("each language's client routes fall back to its own index.html", async (t) => {
  const get = await serve(t);
  const page = async (urlPath) => (await get(urlPath)).text();
  assert.match(await page('/'), /English/);
  assert.match(await page('/notes/3?tab=x'), /English/);
  assert.match(await page('/es/'), /Español/);
  assert.match(await page('/es/notes?page=2'), /Español/);
  assert.match(await page('/estate'), /English/, 'only the /es/ folder is Spanish');
});

test('/es goes to /es/, keeping the query, as the Spanish base href needs', async (t) => {
  const get = await serve(t);
  const response = await get('/es?q=1');
  assert.equal(response.status, 301);
  assert.equal(response.headers.get('location'), '/es/?q=1');
});

test('files: hashed ones cached for good and compressed, a missing one is a 404', async (t) => {
  const get = await serve(t);
  const js = await get(`/${HASHED_JS}`, { headers: { 'Accept-Encoding': 'br' } });
  assert.equal(js.status, 200);
  assert.equal(js.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  assert.equal(js.headers.get('content-encoding'), 'br');
  // fetch() decodes the brotli itself.
  assert.match(await js.text(), /xxx/);
  assert.equal((await get('/')).headers.get('cache-control'), 'no-cache');
  assert.equal((await get('/es/missing-ABCDEFGH.js')).status, 404);
  assert.equal((await get('/notes', { method: 'POST' })).status, 405);
});

test('/api and /auth go to the API, method, path and body as sent', async (t) => {
  const get = await serve(t);
  const response = await get('/auth/login?x=1', { method: 'POST', body: '{"email":"a"}' });
  assert.equal(response.status, 418);
  assert.equal(response.headers.get('x-from'), 'api');
  assert.deepEqual(await response.json(), {
    method: 'POST',
    url: '/auth/login?x=1',
    body: '{"email":"a"}',
  });
  assert.equal((await (await get('/api/notes')).json()).url, '/api/notes');
});
