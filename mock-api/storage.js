'use strict';

// The API's files: the working copy json-server reads and writes, and the refresh-token store.
// Every write goes to a temp file that is flushed and then renamed over the target: a rename is
// atomic, so a crash (even `kill -9`) leaves either the old or the new file, never half of one.

const fs = require('node:fs');
const path = require('node:path');
const { low } = require('./json-server-deps');

let tempCounter = 0;

function writeFileAtomic(file, text) {
  const temp = `${file}.${process.pid}.${tempCounter++}.tmp`;
  const fd = fs.openSync(temp, 'w', 0o600);
  try {
    fs.writeFileSync(fd, text);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}

// Temp files of a process killed mid-write are never renamed; they are dead, so remove them.
function removeStaleTempFiles(file) {
  const dir = path.dirname(file);
  const prefix = `${path.basename(file)}.`;
  for (const entry of fs.readdirSync(dir)) {
    if (entry.startsWith(prefix) && /\.\d+\.\d+\.tmp$/.test(entry)) {
      fs.rmSync(path.join(dir, entry), { force: true });
    }
  }
}

class StorageError extends Error {}

function readJsonFile(file, variable) {
  let text;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new StorageError(`${variable}: cannot read "${file}": ${error.code ?? error.message}`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new StorageError(`${variable}: "${file}" is not valid JSON`);
  }
}

// Creates the working copy from the seed when it is missing; the seed itself is only ever read.
function ensureWorkingCopy(dbFile, seedFile) {
  try {
    fs.mkdirSync(path.dirname(dbFile), { recursive: true });
  } catch (error) {
    throw new StorageError(`DB_FILE: cannot create the folder of "${dbFile}": ${error.code}`);
  }
  removeStaleTempFiles(dbFile);
  if (!fs.existsSync(dbFile)) {
    writeFileAtomic(dbFile, fs.readFileSync(seedFile, 'utf8'));
  }
}

// A lowdb 1 adapter (json-server 0.17's storage) like lowdb's FileSync, but writing atomically.
function atomicFileAdapter(file) {
  return {
    read() {
      const data = readJsonFile(file, 'DB_FILE');
      const valid =
        data &&
        Array.isArray(data.users) &&
        Array.isArray(data.notes) &&
        Array.isArray(data.credentials);
      if (!valid) {
        throw new StorageError(
          `DB_FILE: "${file}" must hold "users", "notes" and "credentials" arrays (npm run api:reset restores it)`,
        );
      }
      return data;
    },
    write(state) {
      writeFileAtomic(file, JSON.stringify(state, null, 2));
    },
  };
}

function openDatabase(dbFile, seedFile) {
  ensureWorkingCopy(dbFile, seedFile);
  return low(atomicFileAdapter(dbFile));
}

module.exports = {
  writeFileAtomic,
  removeStaleTempFiles,
  readJsonFile,
  openDatabase,
  ensureWorkingCopy,
  StorageError,
};
