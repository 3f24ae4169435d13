// Test support: each language's own tools run on one program, against the generated sources.
// Every checker returns the errors it found in that program, one line each; [] means it passed.
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ProcessTracker } from '@hikube/testkit';
import type { LanguageSources } from './language-sources.js';

const require = createRequire(import.meta.url);
const toolsDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'tools');
const processes = new ProcessTracker();

interface CommandOutput {
  code: number;
  stdout: string;
  stderr: string;
}

/** A command's exit code and output; javac over the generated classes takes the longest. */
async function runTool(command: string, args: string[], options: { cwd?: string } = {}): Promise<CommandOutput> {
  const { exitCode, signal, stdout, stderr } = await processes.run(command, args, { ...options, timeoutMs: 180_000 });
  if (exitCode === null) throw new Error(`${command} was stopped by ${String(signal)}`);
  return { code: exitCode, stdout, stderr };
}

interface PyrightReport {
  generalDiagnostics: { file: string; severity: string; message: string; range: { start: { line: number } } }[];
}

/**
 * pyright (the type checker, from npm) with the generated packages on its search path. The jsii
 * runtime module is not among them: what it types (`jsii.Number`...) is read as "any".
 */
export async function checkPython(program: string, sources: LanguageSources, workDir: string): Promise<string[]> {
  const config = join(workDir, 'pyrightconfig.json');
  await writeFile(
    config,
    JSON.stringify({
      extraPaths: [sources.python],
      pythonVersion: '3.11',
      typeCheckingMode: 'standard',
      reportMissingImports: 'none',
      reportMissingModuleSource: 'none',
    }),
  );
  const pyright = join(dirname(require.resolve('pyright/package.json')), 'index.js');
  const { stdout } = await runTool(process.execPath, [pyright, '--outputjson', '--project', config, program], { cwd: workDir });
  const report = JSON.parse(stdout) as PyrightReport;
  return report.generalDiagnostics.filter((d) => d.severity === 'error').map((d) => `${d.range.start.line + 1}: ${d.message}`);
}

/** javac's analysis of the program against the generated classes (tools/JavaSnippetCheck.java). */
export async function checkJava(program: string, sources: LanguageSources): Promise<string[]> {
  const { code, stdout, stderr } = await runTool('java', [join(toolsDir, 'JavaSnippetCheck.java'), program, sources.java]);
  if (!/^0 errors in /m.test(stdout) && code === 0) throw new Error(`JavaSnippetCheck printed no summary:\n${stdout}${stderr}`);
  return code === 0 ? [] : stdout.split('\n').filter((line) => /\.java:\d+: error:/.test(line));
}

/** Builds tools/go-typecheck with Debian's Go (standard library only: nothing is downloaded). */
export async function buildGoTypecheck(outDir: string): Promise<string> {
  const binary = join(outDir, 'go-typecheck');
  const { code, stderr } = await runTool('go', ['build', '-o', binary, join(toolsDir, 'go-typecheck', 'main.go')]);
  if (code !== 0) throw new Error(`go build tools/go-typecheck failed:\n${stderr}`);
  return binary;
}

/** The runtime module has no source here; any use of it is left unchecked (and reported so). */
const GO_UNAVAILABLE = ['github.com/aws/jsii-runtime-go'];

export async function checkGo(program: string, sources: LanguageSources, typecheck: string): Promise<{ errors: string[]; unchecked: string[] }> {
  const modules = Object.entries(sources.go).flatMap(([path, dir]) => ['-module', `${path}=${dir}`]);
  const unavailable = GO_UNAVAILABLE.flatMap((path) => ['-unavailable', path]);
  const { code, stdout, stderr } = await runTool(typecheck, [...modules, ...unavailable, program]);
  if (code === 2) throw new Error(`go-typecheck usage error: ${stderr}`);
  const lines = stdout.split('\n').filter(Boolean);
  return {
    errors: lines.filter((line) => !line.startsWith('unchecked: ') && !/^\d+ type errors$/.test(line)),
    unchecked: lines.filter((line) => line.startsWith('unchecked: ')),
  };
}

/** `gofmt -l -e`: files not laid out as gofmt writes them, and syntax errors. */
export async function checkGofmt(program: string): Promise<string[]> {
  const { stdout, stderr } = await runTool('gofmt', ['-l', '-e', program]);
  return [...stdout.split('\n'), ...stderr.split('\n')].filter(Boolean);
}

/** Mono's C# compiler (Debian's mono-mcs) in parse-only mode: there is no .NET SDK here. */
export async function checkCsharpSyntax(program: string): Promise<string[]> {
  const { code, stdout, stderr } = await runTool('mcs', ['--parse', program]);
  return code === 0 ? [] : `${stdout}${stderr}`.split('\n').filter((line) => /error CS\d+/.test(line));
}
