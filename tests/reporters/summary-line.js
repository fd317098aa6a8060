/**
 * Prints one plain closing line, `tests: N passed, N failed, N skipped`, after jest's own
 * summary: a form any CI log reader understands, whatever the test runner.
 */
class SummaryLineReporter {
  onRunComplete(_contexts, results) {
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    process.stdout.write(
      `tests: ${results.numPassedTests} passed, ${failed} failed, ${results.numPendingTests} skipped\n`,
    );
  }
}
module.exports = SummaryLineReporter;
