import { join } from 'node:path';

/**
 * Jest 30 in native ESM mode (run with `node --experimental-vm-modules`): NestJS 12 and Kysely
 * ship ESM only, so test files must be ES modules too. ts-jest transpiles each file on its own
 * (isolatedModules), which keeps decorator metadata and is fast; `tsc` does the type checking.
 */
export function esmJestConfig(projectDir, overrides = {}) {
  const root = join(projectDir, '../..');
  return {
    rootDir: projectDir,
    testEnvironment: 'node',
    extensionsToTreatAsEsm: ['.ts'],
    transform: {
      '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: join(projectDir, 'tsconfig.spec.json') }],
    },
    moduleNameMapper: {
      '^@hubble/contracts$': join(root, 'libs/contracts/src/index.ts'),
      '^@hubble/ui$': join(root, 'libs/ui/src/index.ts'),
      '^@hubble/ui/testing$': join(root, 'libs/ui/src/testing/index.ts'),
    },
    testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
    globalSetup: join(root, 'jest.global-setup.mjs'),
    globalTeardown: join(root, 'jest.global-teardown.mjs'),
    ...overrides,
  };
}
