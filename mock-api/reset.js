'use strict';

// `npm run api:reset`: puts the working copy (DB_FILE) back to the seed and forgets every refresh
// token. Stop the API first: a running API keeps its data in memory and would write it back.

const fs = require('node:fs');
const path = require('node:path');
const { loadConfig, ConfigError, refreshStorePath } = require('./config');
const { writeFileAtomic } = require('./storage');

function reset(dbFile, seedFile) {
  fs.mkdirSync(path.dirname(dbFile), { recursive: true });
  writeFileAtomic(dbFile, fs.readFileSync(seedFile, 'utf8'));
  fs.rmSync(refreshStorePath(dbFile), { force: true });
}

if (require.main === module) {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`mock-api: ${error.message}`);
    process.exit(1);
  }
  reset(config.dbFile, config.seedFile);
  console.log(`Restored ${config.dbFile} from the seed; every session has ended.`);
}

module.exports = { reset };
