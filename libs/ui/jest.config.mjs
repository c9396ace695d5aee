import { esmJestConfig } from '../../jest.preset.mjs';

export default esmJestConfig(import.meta.dirname, { displayName: 'ui' });
