import { teardown as tempDir } from './jest.temp-dir.mjs';
import { teardown as testDatabases } from './jest.test-databases.mjs';

export default async function teardown() {
  await testDatabases();
  tempDir();
}
