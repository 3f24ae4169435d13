// Test support: the generated bindings (the cdktn set), and the CDK Terrain core (`cdktn`) and
// constructs libraries they build on, as Python, Java, C# and Go source, written by jsii-pacmak
// from the jsii assemblies in their npm packages. Only source: the runtimes a build needs (PyPI,
// Maven Central, NuGet, the Go module proxy) are out of reach here.
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ProcessTracker } from '@hikube/testkit';

const require = createRequire(import.meta.url);

export interface LanguageSources {
  /** The folder holding one Python package per library (`cdktn`, `hikube_cdktn_provider_hikube`...). */
  python: string;
  /** A Java source path holding every library's classes. */
  java: string;
  /** One folder per .NET project. */
  dotnet: string;
  /** Go module path → the folder of that module's source. */
  go: Record<string, string>;
}

/** The folder of an installed package with a jsii assembly (`.jsii` beside its package.json). */
function packageRoot(name: string): string {
  return dirname(require.resolve(`${name}/package.json`));
}

async function goModules(goDir: string): Promise<Record<string, string>> {
  const modules: Record<string, string> = {};
  for (const entry of await readdir(goDir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const goMod = await readFile(join(goDir, entry.name, 'go.mod'), 'utf8');
    const path = /^module\s+(\S+)/m.exec(goMod)?.[1];
    if (!path) throw new Error(`${join(goDir, entry.name, 'go.mod')} names no module`);
    modules[path] = join(goDir, entry.name);
  }
  return modules;
}

export async function generateLanguageSources(outdir: string): Promise<LanguageSources> {
  const bindings = packageRoot('@hikube/cdktn-provider-hikube');
  const pacmak = require.resolve('jsii-pacmak/bin/jsii-pacmak');
  const libraries = [bindings, packageRoot('cdktn'), packageRoot('constructs')];
  const targets = ['python', 'java', 'dotnet', 'go'].flatMap((language) => ['--target', language]);
  const env = { ...process.env, JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION: process.versions.node.split('.')[0] };
  const pacmakRun = await new ProcessTracker().run(
    process.execPath,
    [pacmak, ...libraries, '--code-only', '--no-fingerprint', '--no-npmignore', '--outdir', outdir, ...targets],
    { env, timeoutMs: 180_000 },
  );
  if (pacmakRun.exitCode !== 0) {
    throw new Error(`jsii-pacmak failed (is the bindings' .jsii built? \`npm run build -w @hikube/cdktf-provider-hikube\`):\n${pacmakRun.stderr}`);
  }
  return {
    python: join(outdir, 'python', 'src'),
    java: join(outdir, 'java', 'src', 'main', 'java'),
    dotnet: join(outdir, 'dotnet'),
    go: await goModules(join(outdir, 'go')),
  };
}
