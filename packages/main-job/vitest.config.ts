import { packageTestConfig } from '../../vitest.shared.js';

// Real terraform against Hikube Local with real PostgreSQL: slower than the other packages' tests.
export default packageTestConfig({ testTimeout: 120_000 });
