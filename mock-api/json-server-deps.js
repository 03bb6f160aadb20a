'use strict';

// express and lowdb are json-server 0.17's own dependencies, not the project's: take the copies
// json-server itself resolves, so that the auth layer and json-server's router share one express.

const fromJsonServer = (name) =>
  require(require.resolve(name, { paths: [require.resolve('json-server')] }));

module.exports = { express: fromJsonServer('express'), low: fromJsonServer('lowdb') };
