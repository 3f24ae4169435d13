// The quick start in Python, Java, C# and Go, checked against the generated bindings with each
// language's own tools. Each check is first shown to catch a mistake in a copy of the program, so
// a check that stopped seeing the bindings could not pass by finding nothing.
import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempDir, type TempDir } from '@hikube/testkit';
import { checkCsharpNames, readGeneratedCsharp, type GeneratedCsharp } from './csharp-names.js';
import { buildGoTypecheck, checkCsharpSyntax, checkGo, checkGofmt, checkJava, checkPython } from './language-checkers.js';
import { generateLanguageSources, type LanguageSources } from './language-sources.js';

const exampleDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const PROGRAMS = {
  python: join(exampleDir, 'python', 'main.py'),
  java: join(exampleDir, 'java', 'Main.java'),
  csharp: join(exampleDir, 'csharp', 'Program.cs'),
  go: join(exampleDir, 'go', 'main.go'),
};

let temp: TempDir | undefined;
let sources: LanguageSources;
let goTypecheck: string;
let csharp: GeneratedCsharp;

beforeAll(async () => {
  temp = await createTempDir('cdktf-languages');
  sources = await generateLanguageSources(join(temp.path, 'generated'));
  goTypecheck = await buildGoTypecheck(temp.path);
  csharp = await readGeneratedCsharp(sources.dotnet);
}, 240_000);

afterAll(async () => {
  await temp?.remove();
});

/** A new folder under the suite's temp dir. */
async function subdir(name: string): Promise<string> {
  if (!temp) throw new Error('the suite has no temp dir');
  return mkdtemp(join(temp.path, `${name}-`));
}

/** A copy of the program, in its own folder under the temp dir, with each `from` replaced. */
async function mistaken(program: string, replacements: [from: string, to: string][]): Promise<string> {
  let text = await readFile(program, 'utf8');
  for (const [from, to] of replacements) {
    expect(text, `${basename(program)} should contain ${from}`).toContain(from);
    text = text.replace(from, to);
  }
  const copy = join(await subdir('mistake'), basename(program));
  await writeFile(copy, text);
  return copy;
}

describe('Python: python/main.py', () => {
  it('has no error for pyright, with the generated packages on its path', async () => {
    const workDir = await subdir('pyright');
    const program = join(workDir, 'main.py');
    await copyFile(PROGRAMS.python, program);
    expect(await checkPython(program, sources, workDir)).toEqual([]);
  });

  it('would fail on a misspelt argument, an unknown attribute or module', async () => {
    const program = await mistaken(PROGRAMS.python, [
      ['sync_mode=', 'syncmode='],
      ['orders.host', 'orders.hostname'],
      ['postgres_database.PostgresDatabase(', 'postgresDatabase.PostgresDatabase('],
    ]);
    const errors = await checkPython(program, sources, dirname(program));
    expect(errors).toEqual([
      expect.stringMatching(/No parameter named "syncmode"/),
      expect.stringMatching(/"postgresDatabase" is not defined/),
      expect.stringMatching(/Cannot access attribute "hostname"/),
    ]);
  });
});

describe('Java: java/Main.java', () => {
  it('has no error for javac, against the generated classes', async () => {
    expect(await checkJava(PROGRAMS.java, sources)).toEqual([]);
  });

  it('would fail on an argument of the wrong type or an unknown getter', async () => {
    const program = await mistaken(PROGRAMS.java, [
      ['.replicas(3)', '.replicas("3")'],
      ['.getHost()', '.getHostname()'],
    ]);
    const errors = await checkJava(program, sources);
    expect(errors).toEqual([
      expect.stringMatching(/Main\.java:\d+: error: incompatible types/),
      expect.stringMatching(/Main\.java:\d+: error: cannot find symbol/),
    ]);
  });
});

describe('Go: go/main.go', () => {
  it('is laid out as gofmt writes it', async () => {
    expect(await checkGofmt(PROGRAMS.go)).toEqual([]);
  });

  it('has no type error against the generated packages; only the jsii runtime is left unchecked', async () => {
    expect(await checkGo(PROGRAMS.go, sources, goTypecheck)).toEqual({
      errors: [],
      unchecked: ['unchecked: github.com/aws/jsii-runtime-go (no source here)'],
    });
  });

  it('would fail on an unknown field, a value of the wrong type or an unknown method', async () => {
    const program = await mistaken(PROGRAMS.go, [
      ['SyncMode: ', 'Syncmode: '],
      ['"shop": jsii.String("admin")', '"shop": "admin"'],
      ['orders.Host()', 'orders.Hostname()'],
    ]);
    const { errors } = await checkGo(program, sources, goTypecheck);
    expect(errors).toEqual([
      expect.stringMatching(/unknown field Syncmode/),
      expect.stringMatching(/cannot use "admin" .* as \*string value/),
      expect.stringMatching(/Hostname undefined/),
    ]);
  });
});

describe('C#: csharp/Program.cs', () => {
  it("parses with Mono's C# compiler", async () => {
    expect(await checkCsharpSyntax(PROGRAMS.csharp)).toEqual([]);
  });

  it('would fail to parse with a stray comma', async () => {
    const program = await mistaken(PROGRAMS.csharp, [['Sensitive = true,', 'Sensitive = true,,']]);
    expect(await checkCsharpSyntax(program)).toEqual([expect.stringMatching(/error CS1525/)]);
  });

  it('names only namespaces, types, properties and members the generated C# has', async () => {
    expect(checkCsharpNames(await readFile(PROGRAMS.csharp, 'utf8'), csharp)).toEqual([]);
  });

  it('would fail on an unknown namespace, type, property or member', async () => {
    const program = await readFile(
      await mistaken(PROGRAMS.csharp, [
        ['using Hikube.Cdktn.Providers.Hikube.Provider;', 'using Hikube.Cdktn.Providers.Hikube.Providers;'],
        ['SyncMode = ', 'Syncmode = '],
        ['new PostgresUserConfig', 'new PostgresUsersConfig'],
        ['orders.Host', 'orders.Hostname'],
      ]),
      'utf8',
    );
    expect(checkCsharpNames(program, csharp)).toEqual([
      'using Hikube.Cdktn.Providers.Hikube.Providers: no such namespace in the generated code',
      expect.stringMatching(/type HikubeProvider is not in the imported namespaces/),
      expect.stringMatching(/type HikubeProviderConfig is not in the imported namespaces/),
      expect.stringMatching(/PostgresClusterConfig has no property Syncmode/),
      expect.stringMatching(/type PostgresUsersConfig is not in the imported namespaces/),
      expect.stringMatching(/PostgresCluster has no member Hostname/),
    ]);
  });
});
