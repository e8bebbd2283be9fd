import { pino, type Logger } from 'pino';

/** pino's levels, as `log.level` in the config accepts them; pino throws on any other name. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * The level asked for outside the config: `--log-level` first, then PORTCULLIS_LOG_LEVEL.
 * Undefined leaves `log.level` from the config in charge. An unknown name throws a message
 * for the operator instead of pino's stack trace.
 */
export function logLevelOverride(cli: string | undefined, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const level = cli ?? (env.PORTCULLIS_LOG_LEVEL === '' ? undefined : env.PORTCULLIS_LOG_LEVEL);
  if (level !== undefined && !(LOG_LEVELS as readonly string[]).includes(level)) {
    throw new Error(`unknown log level "${level}" (expected one of ${LOG_LEVELS.join(', ')})`);
  }
  return level;
}

/**
 * JSON lines on stdout. Writes are buffered (4 KiB) and asynchronous: one write(2) per
 * request on the data plane costs more than the rest of the access-log line; the buffer
 * is flushed every second and on shutdown, and pino flushes synchronously on a fatal exit.
 * Key material fields are redacted in case a bug ever logs them.
 */
export function createLogger(level: string, dest: number | string = 1): Logger {
  const destination = pino.destination({ dest, sync: false, minLength: 4096 });
  // A quiet gateway must not hold a line back for long: flush at least every second.
  setInterval(() => {
    try {
      destination.flush();
    } catch {
      // not open yet, or already closed: nothing to flush
    }
  }, 1000).unref();
  const log = pino(
    {
      level,
      base: { svc: 'portcullis' },
      redact: { paths: ['*.apiKey', '*.api-key', '*.authorization', '*.token', '*.password', '*.secret'], censor: '[redacted]' },
    },
    destination,
  );
  process.once('exit', () => destination.flushSync());
  return log;
}
