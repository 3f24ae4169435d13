/** Base class: every testkit error carries a stable `code` tests and callers can match on. */
export class TestkitError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** A caller passed an option the kit cannot use; raised before any side effect. */
export class TestkitInputError extends TestkitError {
  readonly field: string;

  constructor(field: string, message: string) {
    super('HIKUBE_TESTKIT_BAD_INPUT', `${field}: ${message}`);
    this.field = field;
  }
}

/** A required binary (terraform, kubectl) is not on PATH. */
export class ExecutableNotFoundError extends TestkitError {
  readonly executable: string;

  constructor(executable: string, searchPath: string, hint: string) {
    super('HIKUBE_TESTKIT_EXECUTABLE_NOT_FOUND', `${executable} was not found (searched PATH=${searchPath || '<empty>'}). ${hint}`);
    this.executable = executable;
  }
}

/** A command ran longer than its timeout and was stopped (with its whole process group). */
export class CommandTimeoutError extends TestkitError {
  readonly command: string;
  readonly timeoutMs: number;

  constructor(command: string, timeoutMs: number, output: string) {
    super('HIKUBE_TESTKIT_COMMAND_TIMEOUT', `${command} did not finish within ${timeoutMs} ms and was stopped.${output}`);
    this.command = command;
    this.timeoutMs = timeoutMs;
  }
}

/** A golden file differs from the produced text (or does not exist yet). */
export class GoldenMismatchError extends TestkitError {
  readonly file: string;

  constructor(file: string, detail: string) {
    super('HIKUBE_TESTKIT_GOLDEN_MISMATCH', `${file}: ${detail}\nIf the new output is right, rerun with HIKUBE_UPDATE_GOLDEN=1 to rewrite the golden file.`);
    this.file = file;
  }
}

/** A terraform command exited unsuccessfully where success was expected. */
export class TerraformCommandError extends TestkitError {
  readonly command: string;
  readonly exitCode: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly logFile: string | undefined;

  constructor(details: { command: string; exitCode: number | null; stdout: string; stderr: string; logFile: string | undefined }) {
    const tail = (details.stderr.trim() || details.stdout.trim()).slice(-4_000);
    const log = details.logFile === undefined ? '' : `\nTerraform log: ${details.logFile}`;
    super('HIKUBE_TERRAFORM_FAILED', `${details.command} exited with ${details.exitCode ?? 'a signal'}:\n${tail}${log}`);
    this.command = details.command;
    this.exitCode = details.exitCode;
    this.stdout = details.stdout;
    this.stderr = details.stderr;
    this.logFile = details.logFile;
  }
}

/** A kubectl command exited unsuccessfully where success was expected. */
export class KubectlCommandError extends TestkitError {
  readonly command: string;
  readonly exitCode: number | null;
  readonly stdout: string;
  readonly stderr: string;

  constructor(details: { command: string; exitCode: number | null; stdout: string; stderr: string }) {
    const tail = (details.stderr.trim() || details.stdout.trim()).slice(-4_000);
    super('HIKUBE_KUBECTL_FAILED', `${details.command} exited with ${details.exitCode ?? 'a signal'}:\n${tail}`);
    this.command = details.command;
    this.exitCode = details.exitCode;
    this.stdout = details.stdout;
    this.stderr = details.stderr;
  }
}
