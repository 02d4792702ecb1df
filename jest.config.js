// Two projects: Node for shared/ and server/, jsdom for the mini program (miniprogram-simulate needs a DOM).
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2020' }, module: { type: 'commonjs' } }];
const common = {
  transform: { '^.+\\.(ts|js|mjs)$': swc },
  // @noble/* ship ES modules only; let swc turn them into CommonJS for jest.
  transformIgnorePatterns: ['/node_modules/(?!(@noble|@scure)/)'],
  testPathIgnorePatterns: ['/node_modules/', '/build/', '/miniprogram_npm/'],
  // Real builds, real processes and real HTTP on a 2-core machine: 5 s is too tight when it is busy.
  testTimeout: 20_000,
};
module.exports = {
  projects: [
    { ...common, displayName: 'node', testEnvironment: 'node', testMatch: ['<rootDir>/shared/**/*.test.ts', '<rootDir>/server/**/*.test.ts', '<rootDir>/scripts/**/*.test.ts'] },
    { ...common, displayName: 'miniprogram', testEnvironment: 'jsdom', testMatch: ['<rootDir>/miniprogram/**/*.test.ts'] },
  ],
};
