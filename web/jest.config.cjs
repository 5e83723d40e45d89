// Node-side tests of the web page: the typed queries are current. The page itself is driven in
// Debian's Chromium by packages/cli/src/requires-browser (npm run test:browser).
const path = require('node:path');
const base = require('../jest.base.cjs')(__dirname);

module.exports = {
  ...base,
  transform: {
    '^.+\\.ts$': [
      'ts-jest',
      { tsconfig: path.join(__dirname, 'tests', 'tsconfig.json'), diagnostics: false },
    ],
  },
};
