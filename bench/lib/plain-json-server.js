'use strict';

// Benchmark baseline "A": json-server 0.17 exactly as its README sets it up (create(), defaults(),
// router()), with no auth. Usage: node bench/lib/plain-json-server.js <db.json> <port>

const jsonServer = require('json-server');

const [file, port] = process.argv.slice(2);
const server = jsonServer.create();
server.use(jsonServer.defaults());
server.use(jsonServer.router(file));
server.listen(Number(port), '127.0.0.1', () => console.log(`plain json-server on ${port}`));
