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
  /** Masks each secret as written, JSON-escaped (quotes, backslashes) and URL-encoded. */
  redact(text: string): string {
    let out = text;
    for (const secret of this.secrets) {
      for (const form of new Set([secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)])) {
        out = out.split(form).join('[redacted]');
      }
    }
    return out;
  }
}

const SECRET_KEY = /pass(word|phrase)?|secret|token|authorization|private[-_]?key|cookie/i;

function scrubValue(value: unknown, redactor: SecretRedactor): unknown {
  if (typeof value === 'string') return redactor.redact(value);
  if (value instanceof Error) return redactor.redact(value.message);
  if (Array.isArray(value)) return value.map((v) => scrubValue(v, redactor));
  if (value && typeof value === 'object') return scrubFields(value as LogFields, redactor);
  return value;
}

function scrubFields(fields: LogFields, redactor: SecretRedactor): LogFields {
  const out: LogFields = {};
  for (const [k, v] of Object.entries(fields)) out[k] = SECRET_KEY.test(k) ? '[redacted]' : scrubValue(v, redactor);
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

/**
 * Appends lines to the log file and never throws: logging runs in listeners, timers and catch
 * handlers, where a full disk (a download can fill it) or a removed folder would crash the app.
 * The first failure is reported once on stderr; lines are dropped while the file cannot be written.
 */
function fileAppender(path: string): (line: string) => void {
  let failing = false;
  return (line) => {
    try {
      appendFileSync(path, line + '\n');
      failing = false;
    } catch (error) {
      if (!failing) process.stderr.write(`Backup Console cannot write its log ${path} (${(error as NodeJS.ErrnoException).code ?? String(error)}); log lines are dropped until it can.\n`);
      failing = true;
    }
  };
}

export function createLogger(options: LoggerOptions, base: LogFields = {}): Logger {
  if (options.file) mkdirSync(dirname(options.file), { recursive: true });
  return loggerWith(options, base, options.file ? fileAppender(options.file) : undefined);
}

/** Children share their parent's file appender (one file, one failure report). */
function loggerWith(options: LoggerOptions, base: LogFields, file: ((line: string) => void) | undefined): Logger {
  const min = order[options.level ?? 'info'];
  const redactor = options.redactor ?? new SecretRedactor();
  const write = (level: LogLevel, message: string, fields?: LogFields) => {
    if (order[level] < min) return;
    const record = { time: new Date().toISOString(), level, message: redactor.redact(message), ...scrubFields({ ...base, ...fields }, redactor) };
    const line = redactor.redact(JSON.stringify(record));
    file?.(line);
    if (options.stderr) process.stderr.write(line + '\n');
    options.sink?.(line);
  };
  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
    child: (fields) => loggerWith({ ...options, redactor }, { ...base, ...fields }, file),
  };
}

export const silentLogger: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  child: () => silentLogger,
};
