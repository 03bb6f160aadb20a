'use strict';

// Benchmark baselines: json-server 0.17 exactly as its README sets it up (create(), defaults(),
// router()), with no auth. With --no-static, without the static-file middleware defaults() always
// adds (it looks on disk for every GET), which the mock API leaves out too: that variant shows
// what the auth layer itself costs.
// Usage: node bench/lib/plain-json-server.js <db.json> <port> [--no-static]

const jsonServer = require('json-server');

const [file, port, flag] = process.argv.slice(2);
const defaults = jsonServer.defaults();
const server = jsonServer.create();
server.use(
  flag === '--no-static'
    ? defaults.filter((middleware) => middleware.name !== 'serveStatic')
    : defaults,
);
server.use(jsonServer.router(file));
server.listen(Number(port), '127.0.0.1', () => console.log(`plain json-server on ${port}`));
