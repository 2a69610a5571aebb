import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** A logger whose lines carry these fields too. */
  child(fields: LogFields): Logger;
}

/** Values the log must never show, learnt at run time (passwords, tokens, passphrases). */
export class SecretRedactor {
  private readonly secrets = new Set<string>();
  add(value: string | undefined): void {
    if (value && value.length >= 4) this.secrets.add(value);
  }
  redact(text: string): string {
    let out = text;
    for (const s of this.secrets) out = out.split(s).join('[redacted]');
    return out;
  }
}

const SECRET_KEY = /pass(word|phrase)?|secret|token|authorization|private[-_]?key|cookie/i;

function scrubFields(fields: LogFields): LogFields {
  const out: LogFields = {};
  for (const [k, v] of Object.entries(fields)) {
    if (SECRET_KEY.test(k)) out[k] = '[redacted]';
    else if (v instanceof Error) out[k] = v.message;
    else if (v && typeof v === 'object' && !Array.isArray(v)) out[k] = scrubFields(v as LogFields);
    else out[k] = v;
  }
  return out;
}

export interface LoggerOptions {
  /** JSON lines are appended here; parent folders are created. */
  file?: string;
  /** Also echo to stderr (browser mode, CLI tools). */
  stderr?: boolean;
  level?: LogLevel;
  redactor?: SecretRedactor;
  /** Receives every formatted line (tests use it to prove no secret is logged). */
  sink?: (line: string) => void;
}

const order: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export function createLogger(options: LoggerOptions, base: LogFields = {}): Logger {
  const min = order[options.level ?? 'info'];
  const redactor = options.redactor ?? new SecretRedactor();
  if (options.file) mkdirSync(dirname(options.file), { recursive: true });
  const write = (level: LogLevel, message: string, fields?: LogFields) => {
    if (order[level] < min) return;
    const record = { time: new Date().toISOString(), level, message, ...scrubFields({ ...base, ...fields }) };
    const line = redactor.redact(JSON.stringify(record));
    if (options.file) appendFileSync(options.file, line + '\n');
    if (options.stderr) process.stderr.write(line + '\n');
    options.sink?.(line);
  };
  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
    child: (fields) => createLogger({ ...options, redactor }, { ...base, ...fields }),
  };
}

export const silentLogger: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  child: () => silentLogger,
};
