import { writeSync } from 'node:fs';

// hclog-style JSON lines on stderr. Terraform's go-plugin client parses each line as JSON only
// when @timestamp has exactly six fractional digits, so we format it ourselves.

export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error';

const RANK: Record<LogLevel | 'off', number> = { trace: 0, debug: 1, info: 2, warn: 3, error: 4, off: 5 };

export type LogFields = Readonly<Record<string, string | number | boolean | undefined>>;

export interface Logger {
  enabled(level: LogLevel): boolean;
  log(level: LogLevel, message: string, fields?: LogFields): void;
  trace(message: string, fields?: LogFields): void;
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

/** TF_LOG_PROVIDER wins over TF_LOG, as in Terraform; JSON means trace; unset means off. */
export function levelFromEnv(env: NodeJS.ProcessEnv): LogLevel | 'off' {
  const raw = (env['TF_LOG_PROVIDER'] || env['TF_LOG'] || '').trim().toLowerCase();
  if (raw === 'json') return 'trace';
  if (raw in RANK && raw !== 'off') return raw as LogLevel;
  return raw === '' || raw === 'off' ? 'off' : 'trace';
}

export function hclogTimestamp(date: Date, micros = 0): string {
  return `${date.toISOString().slice(0, 23)}${String(micros).padStart(3, '0')}Z`;
}

export function createLogger(options: { level: LogLevel | 'off'; name?: string; write?: (line: string) => void }): Logger {
  const threshold = RANK[options.level];
  const write = options.write ?? ((line: string) => writeSync(2, line));
  const log = (level: LogLevel, message: string, fields?: LogFields): void => {
    if (RANK[level] < threshold) return;
    const entry: Record<string, unknown> = { '@level': level, '@message': message, '@timestamp': hclogTimestamp(new Date()) };
    if (options.name) entry['@module'] = options.name;
    if (fields) for (const [k, v] of Object.entries(fields)) if (v !== undefined) entry[k] = v;
    write(`${JSON.stringify(entry)}\n`);
  };
  return {
    enabled: (level) => RANK[level] >= threshold,
    log,
    trace: (m, f) => log('trace', m, f),
    debug: (m, f) => log('debug', m, f),
    info: (m, f) => log('info', m, f),
    warn: (m, f) => log('warn', m, f),
    error: (m, f) => log('error', m, f),
  };
}
