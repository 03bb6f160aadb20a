'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { start } = require('../server');

test('GET /health answers 200 {"status":"ok"}', async (t) => {
  const server = await start({ port: 0, host: '127.0.0.1' });
  t.after(() => server.close());
  const response = await fetch(`http://127.0.0.1:${server.address().port}/health`);
  assert.equal(response.status, 200);
  assert.deepEqual(await response.json(), { status: 'ok' });
});
