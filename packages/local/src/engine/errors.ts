// Error classes of the engine. Each carries a stable `code`; process failures also carry the pid,
// the exit code or signal and the tail of the PostgreSQL log, so a failure explains itself.

export interface ProcessFailure {
  readonly pid?: number | undefined;
  readonly exitCode?: number | null | undefined;
  readonly signal?: string | null | undefined;
  readonly logTail?: string | undefined;
}

export class EngineError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** The requested PostgreSQL major has no binaries on this machine. */
export class PgMajorMissingError extends EngineError {
  readonly major: number;
  readonly installed: readonly number[];
  constructor(major: number, installed: readonly number[]) {
    const have = installed.length > 0 ? `installed: ${installed.join(', ')}` : 'no PostgreSQL server is installed';
    super(
      'HIKUBE_PG_MAJOR_MISSING',
      `PostgreSQL ${major} is not installed on this machine (${have}); install postgresql-${major} or choose an installed version`,
    );
    this.major = major;
    this.installed = installed;
  }
}

function describeFailure(f: ProcessFailure): string {
  const parts: string[] = [];
  if (f.pid !== undefined) parts.push(`pid ${f.pid}`);
  if (f.signal) parts.push(`signal ${f.signal}`);
  else if (f.exitCode !== undefined && f.exitCode !== null) parts.push(`exit code ${f.exitCode}`);
  const head = parts.length > 0 ? ` (${parts.join(', ')})` : '';
  const tail = f.logTail ? `\n--- log tail ---\n${f.logTail}` : '';
  return `${head}${tail}`;
}

/** postgres did not come up (it exited, or never accepted a connection in time). */
export class PgStartFailedError extends EngineError implements ProcessFailure {
  readonly instance: string;
  readonly pid: number | undefined;
  readonly exitCode: number | null | undefined;
  readonly signal: string | null | undefined;
  readonly logTail: string | undefined;
  constructor(instance: string, reason: string, failure: ProcessFailure) {
    super('HIKUBE_PG_START_FAILED', `PostgreSQL instance ${instance} failed to start: ${reason}${describeFailure(failure)}`);
    this.instance = instance;
    this.pid = failure.pid;
    this.exitCode = failure.exitCode;
    this.signal = failure.signal;
    this.logTail = failure.logTail;
  }
}

/** A PostgreSQL tool (initdb, pg_basebackup, pg_rewind, cp) failed. */
export class PgCommandFailedError extends EngineError implements ProcessFailure {
  readonly command: string;
  readonly exitCode: number | null | undefined;
  readonly signal: string | null | undefined;
  readonly logTail: string | undefined;
  constructor(command: string, failure: ProcessFailure) {
    super('HIKUBE_PG_COMMAND_FAILED', `${command} failed${describeFailure(failure)}`);
    this.command = command;
    this.exitCode = failure.exitCode;
    this.signal = failure.signal;
    this.logTail = failure.logTail;
  }
}

/** pg_rewind could not bring an old primary back; the caller re-clones instead. */
export class PgRewindFailedError extends EngineError {
  constructor(instance: string, cause: unknown) {
    super('HIKUBE_PG_REWIND_FAILED', `pg_rewind of ${instance} failed; re-clone it from the primary`, { cause });
  }
}

/** A wait (ready, streaming, stop) ran past its deadline. */
export class PgTimeoutError extends EngineError {
  constructor(what: string, ms: number) {
    super('HIKUBE_PG_TIMEOUT', `${what} did not happen within ${ms} ms`);
  }
}

/** A SQL statement issued by the engine failed; the statement text is never included (it may hold secrets). */
export class PgSqlError extends EngineError {
  readonly sqlState: string | undefined;
  constructor(action: string, cause: unknown) {
    const state = typeof cause === 'object' && cause !== null && 'code' in cause ? String((cause as { code: unknown }).code) : undefined;
    const msg = cause instanceof Error ? cause.message : String(cause);
    super('HIKUBE_PG_SQL_FAILED', `${action} failed: ${msg}${state ? ` (SQLSTATE ${state})` : ''}`);
    this.sqlState = state;
  }
}

/**
 * The engine would not act on a name: PostgreSQL would cut or refuse it, or it belongs to a role
 * or database the engine did not create (the superuser, the replication role, a template...).
 * Raised before any change is made.
 */
export class PgNameRefusedError extends EngineError {
  readonly names: readonly string[];
  constructor(reasons: readonly { name: string; reason: string }[]) {
    super('HIKUBE_PG_NAME_REFUSED', `nothing was changed; refused: ${reasons.map((r) => `"${r.name}" (${r.reason})`).join('; ')}`);
    this.names = reasons.map((r) => r.name);
  }
}

/** A configuration value PostgreSQL could not read back (a control character would end or break the line). */
export class PgConfValueError extends EngineError {
  readonly parameter: string;
  constructor(parameter: string) {
    super('HIKUBE_PG_CONF_INVALID', `the value of PostgreSQL parameter ${parameter} contains a control character (newline, tab, NUL...); it was not written`);
    this.parameter = parameter;
  }
}
