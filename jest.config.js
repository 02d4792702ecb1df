// Three projects: Node for shared/ and server/, jsdom for the mini program (miniprogram-simulate needs a DOM),
// and the browser tests of the workbench (web/e2e: the real server, the emulator and Debian's Chromium).
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2020' }, module: { type: 'commonjs' } }];
const common = {
  transform: { '^.+\\.(ts|js|mjs)$': swc },
  // @noble/* ship ES modules only; let swc turn them into CommonJS for jest.
  transformIgnorePatterns: ['/node_modules/(?!(@noble|@scure)/)'],
  testPathIgnorePatterns: ['/node_modules/', '/build/', '/miniprogram_npm/'],
};
module.exports = {
  // Real builds, real processes and real HTTP on a 2-core machine: 5 s is too tight when it is busy.
  // (A global option: jest ignores testTimeout inside a project; the browser project sets its own.)
  testTimeout: 20_000,
  projects: [
    {
      ...common,
      displayName: 'node',
      testEnvironment: 'node',
      testMatch: [
        '<rootDir>/shared/**/*.test.ts',
        '<rootDir>/server/**/*.test.ts',
        '<rootDir>/scripts/**/*.test.ts',
        // The web app's plain modules (no React, no DOM), e.g. the error wording.
        '<rootDir>/web/src/**/*.test.ts',
      ],
    },
    { ...common, displayName: 'miniprogram', testEnvironment: 'jsdom', testMatch: ['<rootDir>/miniprogram/**/*.test.ts'] },
    // One file at a time (each drives a server, the emulator and Chromium), with time for a busy machine.
    {
      ...common,
      displayName: 'browser',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/web/e2e/**/*.test.ts'],
      runner: '<rootDir>/web/e2e/testing/serial-runner.js',
      setupFilesAfterEnv: ['<rootDir>/web/e2e/testing/jest-setup.ts'],
    },
  ],
};
