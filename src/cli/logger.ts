import { pino, type Logger } from 'pino';

/** sonic-boom, as pino.destination gives it (pino depends on it; we do not directly). */
type SonicBoom = ReturnType<typeof pino.destination>;

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

/** Characters of log lines handed to the destination at once. */
const BATCH_CHARS = 16_384;

/**
 * Hands log lines to sonic-boom in batches of ~16 KiB instead of one by one. sonic-boom
 * appends each line to its pending string and measures that string's UTF-8 length on every
 * write, which flattens it: measured, about 1.4 µs and 2 KB of garbage per access-log line
 * with a 4 KiB buffer. Joined here, a batch is measured once. sonic-boom still does the
 * I/O (partial writes, EAGAIN, the synchronous flush on exit).
 */
class LineBatch {
  readonly #out: SonicBoom;
  #lines: string[] = [];
  #chars = 0;

  constructor(out: SonicBoom) {
    this.#out = out;
  }

  write(line: string): boolean {
    this.#lines.push(line);
    this.#chars += line.length;
    if (this.#chars >= BATCH_CHARS) this.#pass();
    return true;
  }

  /** Passes what is batched on and lets sonic-boom write it (asynchronously). */
  flush(): void {
    this.#pass();
    // Throws while the file is not open yet, or after it was closed: nothing to flush then.
    try {
      this.#out.flush();
    } catch {
      // nothing to flush
    }
  }

  flushSync(): void {
    this.#pass();
    // Throws when the destination never opened (a FIFO nobody reads): nothing can be written then.
    try {
      this.#out.flushSync();
    } catch {
      // lost with the destination
    }
  }

  #pass(): void {
    if (this.#lines.length === 0) return;
    const text = this.#lines.length === 1 ? this.#lines[0]! : this.#lines.join('');
    this.#lines = [];
    this.#chars = 0;
    this.#out.write(text);
  }
}

/** Bytes of log lines waiting for stdout, at most; past it new lines are dropped and counted. */
export const MAX_PENDING_LOG_BYTES = 16 * 1024 * 1024;

/**
 * JSON lines on stdout. Writes are batched (16 KiB) and asynchronous: one write(2) per
 * request on the data plane costs more than the rest of the access-log line; the batch
 * is flushed every second and on exit.
 * Bounded: when stdout does not keep up (a stalled pipe or collector), at most
 * `maxPendingBytes` wait; lines past that are dropped, and a warning says how many once
 * the log moves again. A log must not take the gateway's memory with it.
 * Key material fields are redacted in case a bug ever logs them.
 */
export function createLogger(level: string, dest: number | string = 1, maxPendingBytes = MAX_PENDING_LOG_BYTES): Logger {
  // minLength: a smaller batch (flush on exit, the 1 s timer) stays in sonic-boom's buffer
  // for flushSync to write, instead of starting an asynchronous write the exit would cut off.
  const out = pino.destination({ dest, sync: false, minLength: BATCH_CHARS, maxWrite: 4 * BATCH_CHARS, maxLength: maxPendingBytes });
  let dropped = 0;
  // Counting newlines costs only when lines are being dropped.
  out.on('drop', (data: string) => {
    for (let i = data.indexOf('\n'); i !== -1; i = data.indexOf('\n', i + 1)) dropped++;
  });
  const batch = new LineBatch(out);
  const log = pino(
    {
      level,
      base: { svc: 'portcullis' },
      redact: { paths: ['*.apiKey', '*.api-key', '*.authorization', '*.token', '*.password', '*.secret'], censor: '[redacted]' },
    },
    batch,
  );
  // A quiet gateway must not hold a line back for long: flush at least every second.
  setInterval(() => {
    if (dropped > 0) {
      log.warn({ dropped }, 'log lines dropped: stdout did not keep up');
      dropped = 0;
    }
    batch.flush();
  }, 1000).unref();
  process.once('exit', () => batch.flushSync());
  return log;
}
