// The executable: serve the provider to Terraform, or print its schema with `schema`.
import { providerSchemaJson, serveProvider } from '@hikube/tfplugin';
import { hikubeProvider } from './provider.js';

if (process.argv[2] === 'schema') {
  // The document `terraform providers schema -json` prints, for this provider alone.
  process.stdout.write(`${JSON.stringify(providerSchemaJson(hikubeProvider))}\n`);
} else {
  void serveProvider(hikubeProvider);
}
