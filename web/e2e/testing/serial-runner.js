// The browser project's jest runner: jest-runner with one worker, so browser test files run one after
// another (each starts a server, the emulator and Chromium; two at once on a small CI machine only make
// both slow and flaky) while the other projects keep their own parallelism.
const TestRunner = require('jest-runner').default;

class OneWorkerRunner extends TestRunner {
  constructor(globalConfig, context, options) {
    super({ ...globalConfig, maxWorkers: 1 }, context, options);
  }
}

module.exports = OneWorkerRunner;
