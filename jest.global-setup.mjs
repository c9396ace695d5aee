import { setup as tempDir } from './jest.temp-dir.mjs';
import { setup as testDatabases } from './jest.test-databases.mjs';

export default function setup() {
  tempDir();
  testDatabases();
}
