'use strict';

// Every setting of the mock API, read and checked in one place (CONTRACT §2).

class ConfigError extends Error {}

function parsePort(name, raw) {
  if (!/^\d{1,5}$/.test(raw) || Number(raw) < 1 || Number(raw) > 65535) {
    throw new ConfigError(`${name} must be a port number from 1 to 65535, got "${raw}"`);
  }
  return Number(raw);
}

function loadConfig(env = process.env) {
  return {
    port: parsePort('PORT', env.PORT ?? '3000'),
    host: env.HOST || '127.0.0.1',
  };
}

module.exports = { loadConfig, ConfigError };
