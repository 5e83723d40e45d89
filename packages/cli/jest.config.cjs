module.exports = require('../../jest.base.cjs')(__dirname, {
  // Every other end-to-end suite here starts the all-in-one platform on PGlite whatever the
  // environment says, so only these need the engines.
  engineSuites: ['**/requires-engines/**/*.spec.ts'],
});
