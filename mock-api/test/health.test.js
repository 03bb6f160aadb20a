'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { startApi } = require('./helpers');

test('GET /health answers 200 {"status":"ok"}', async (t) => {
  const api = await startApi(t);
  const response = await api.request('/health');
  assert.equal(response.status, 200);
  assert.deepEqual(response.body, { status: 'ok' });
});
