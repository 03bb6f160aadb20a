'use strict';

const jsonServer = require('json-server');
const { loadConfig, ConfigError } = require('./config');

function createApp() {
  const app = jsonServer.create();
  app.disable('x-powered-by');
  app.get('/health', (_req, res) => res.json({ status: 'ok' }));
  return app;
}

function start(config) {
  return new Promise((resolve, reject) => {
    const server = createApp().listen(config.port, config.host, () => resolve(server));
    server.once('error', reject);
  });
}

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`mock-api: ${error.message}`);
    process.exit(1);
  }
  try {
    await start(config);
  } catch (error) {
    console.error(
      `mock-api: cannot listen on ${config.host}:${config.port} (PORT/HOST): ${error.code ?? error.message}`,
    );
    process.exit(1);
  }
  console.log(
    `Tokengate mock API listening on http://${config.host === '127.0.0.1' ? 'localhost' : config.host}:${config.port}`,
  );
}

module.exports = { createApp, start };

if (require.main === module) main();
