import { chmod, writeFile } from 'node:fs/promises';
import { codeCacheLoader } from './code-cache-loader.js';

export interface BundleProviderOptions {
  /** The provider's main module (TypeScript or JavaScript) that calls serveProvider(). */
  readonly entry: string;
  /** Output file; name it terraform-provider-<type>[_v<version>] or terraform-provider-<type>.cjs. */
  readonly outFile: string;
  /** Default true: smaller bundles parse faster (performance.md B3). */
  readonly minify?: boolean;
  /** Default true: wrap the bundle in a loader that keeps a V8 code cache between launches. */
  readonly codeCache?: boolean;
}

/**
 * Builds a start-up-optimised provider executable: one self-contained CommonJS file (no module
 * resolution at start-up), minified, with a `#!/usr/bin/env node` line so the PID Terraform
 * starts is Node itself. grpc-js is evaluated lazily, while the TLS key is generated.
 * `@grpc/proto-loader` stays out: grpc-js only needs it for channelz/admin services, which a
 * provider never serves. Needs `esbuild` installed (a dev dependency of the provider).
 */
export async function bundleProvider(options: BundleProviderOptions): Promise<{ outFile: string; bytes: number }> {
  const esbuild = await import('esbuild');
  // esbuild serves builds from a child process that lives until stopped: a build is one-off here
  const result = await esbuild
    .build({
      entryPoints: [options.entry],
      bundle: true,
      write: false,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      minify: options.minify ?? true,
      legalComments: 'none',
      external: ['@grpc/proto-loader'],
      logLevel: 'silent',
    })
    .finally(() => esbuild.stop());
  const text = result.outputFiles[0]?.text ?? '';
  const out = options.codeCache === false ? `#!/usr/bin/env node\n${text}` : codeCacheLoader(text);
  await writeFile(options.outFile, out);
  await chmod(options.outFile, 0o755);
  return { outFile: options.outFile, bytes: Buffer.byteLength(out) };
}
