import { esmJestConfig } from '../../jest.preset.mjs';

export default esmJestConfig(import.meta.dirname, {
  displayName: 'e2e',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  // Real Chromium and a real server per suite: one at a time on two shared cores.
  maxWorkers: 1,
  testTimeout: 120_000,
});
