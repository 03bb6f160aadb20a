'use strict';

// The API needs the Node that package.json's `engines` names (jose relies on WebCrypto parts that
// older Nodes lack, and fails deep inside with a TypeError). The project brings that Node as a
// dev dependency, which `npm run api` puts first on PATH. Nothing but package.json is loaded
// here, so the check runs before anything that needs the newer Node.

const { engines } = require('../package.json');

const MINIMUM_NODE = /^>=(\d+\.\d+\.\d+)$/.exec(engines.node)?.[1];
if (!MINIMUM_NODE) throw new Error(`package.json engines.node must read ">=x.y.z"`);

const parts = (version) => version.split('.').map((part) => Number.parseInt(part, 10) || 0);

function isOlder(version, minimum) {
  const [have, need] = [parts(version), parts(minimum)];
  for (let i = 0; i < need.length; i++) {
    if ((have[i] ?? 0) !== need[i]) return (have[i] ?? 0) < need[i];
  }
  return false;
}

// One line saying what is wrong and what to do, or null when this Node will do.
function nodeVersionProblem(version = process.versions.node) {
  if (!isOlder(version, MINIMUM_NODE)) return null;
  return `needs Node ${MINIMUM_NODE} or later, this is Node ${version}: start it with \`npm run api\`, which runs the project's own Node`;
}

module.exports = { nodeVersionProblem, MINIMUM_NODE };
