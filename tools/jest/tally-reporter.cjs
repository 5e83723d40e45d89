// Appends each jest run's totals to the file named by EBP_TEST_TALLY_FILE (one JSON line per
// run), so that .ci/run can print one closing line for every suite across all workspaces.
const fs = require('node:fs');

class TallyReporter {
  onRunComplete(_contexts, results) {
    const file = process.env.EBP_TEST_TALLY_FILE;
    if (!file) return;
    const line = {
      workspace: process.cwd(),
      passed: results.numPassedTests,
      failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
      skipped: results.numPendingTests + results.numTodoTests,
    };
    fs.appendFileSync(file, `${JSON.stringify(line)}\n`);
  }
}

module.exports = TallyReporter;
