import { pino, type Logger } from 'pino';

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
