import { pino, type Logger } from 'pino';

/** JSON lines on stdout; the key material fields are redacted in case a bug ever logs them. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { svc: 'portcullis' },
    redact: { paths: ['*.apiKey', '*.api-key', '*.authorization', '*.token', '*.password', '*.secret'], censor: '[redacted]' },
  });
}
