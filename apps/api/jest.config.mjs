import { esmJestConfig } from '../../jest.preset.mjs';

export default esmJestConfig(import.meta.dirname, {
  displayName: 'api',
  // Suites start real servers and databases; two cores cannot run many at once.
  maxWorkers: 2,
  testTimeout: 90_000,
});
