import { chmod, stat } from 'node:fs/promises';

export interface BundleProviderOptions {
  /** The provider's main module (TypeScript or JavaScript) that calls serveProvider(). */
  readonly entry: string;
  /** Output file; name it terraform-provider-<type>[_v<version>] or terraform-provider-<type>.cjs. */
  readonly outFile: string;
  /** Default true: smaller bundles parse faster (performance.md B3). */
  readonly minify?: boolean;
  readonly sourcemap?: boolean;
}

/**
 * Builds a start-up-optimised provider executable: one CommonJS file (no module resolution at
 * start-up), minified, with a `#!/usr/bin/env node` line so the PID Terraform starts is Node
 * itself. grpc-js is evaluated lazily, while the TLS key is generated. Needs `esbuild` installed.
 */
export async function bundleProvider(options: BundleProviderOptions): Promise<{ outFile: string; bytes: number }> {
  const esbuild = await import('esbuild');
  await esbuild.build({
    entryPoints: [options.entry],
    outfile: options.outFile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify: options.minify ?? true,
    sourcemap: options.sourcemap ?? false,
    legalComments: 'none',
    banner: { js: '#!/usr/bin/env node' },
    logLevel: 'silent',
  });
  await chmod(options.outFile, 0o755);
  return { outFile: options.outFile, bytes: (await stat(options.outFile)).size };
}
