// Uses the installed @hikube/sdk through its published entry points only, as an application
// would; prints what it saw as JSON for the test to check.
import { validatePostgres } from '@hikube/sdk/kubernetes';
import { ConfigError, createPublicClient } from '@hikube/sdk';
import { publicOpenapiDocument } from '@hikube/sdk/openapi';

const issues = validatePostgres({ apiVersion: 'apps.cozystack.io/v1alpha1', kind: 'Postgres', metadata: { name: 'Bad_Name' }, spec: { replicas: 0 } });

let keyError = '';
try {
  createPublicClient({ baseUrl: 'https://127.0.0.1:1', apiKey: 'sk_live_not-a-key', projectId: '3f1c2b9e-1d2c-4e5f-8a9b-0c1d2e3f4a5b', env: {} });
} catch (error) {
  keyError = error instanceof ConfigError ? error.message : `unexpected ${String(error)}`;
}

process.stdout.write(
  `${JSON.stringify({ issuePaths: issues.map((issue) => issue.path), keyError, publicOperations: Object.keys(publicOpenapiDocument.paths).length })}\n`,
);
