import type { Logger } from 'pino';
import { startGateway, type RunningGateway } from '../gateway/gateway.js';
import { ConfigErrors } from '../config/config-error.js';

export interface RunGatewayOptions {
  /** From `--log-level` or PORTCULLIS_LOG_LEVEL; wins over `log.level` in the config. Default: none. */
  readonly logLevelOverride?: string;
  /** Called once every socket listens (the demo prints its banner here). */
  readonly onStarted?: (gw: RunningGateway) => void;
}

/**
 * Runs the gateway until SIGINT/SIGTERM: SIGHUP reloads the config (certificates are
 * also re-read), the first stop signal drains in-flight requests, a second one exits.
 */
export async function runGateway(configFile: string, log: Logger, opts: RunGatewayOptions = {}): Promise<void> {
  let gw: RunningGateway;
  try {
    gw = await startGateway({ configFile, log, logLevelOverride: opts.logLevelOverride });
  } catch (err) {
    reportStartupError(err, log);
    process.exitCode = 1;
    return;
  }
  // Each listener logs its own "listening" line (with host and port) as it starts.
  if (gw.control !== null) log.info({ address: `${gw.control.address.address}:${gw.control.address.port}` }, 'control plane listening');
  opts.onStarted?.(gw);
  await new Promise<void>((resolve) => {
    const onHup = (): void => void gw.reload();
    let stopping = false;
    const onStop = (signal: string): void => {
      if (stopping) process.exit(130);
      stopping = true;
      log.info({ signal }, 'stopping: draining requests in flight');
      gw.close(10_000).then(() => {
        process.off('SIGHUP', onHup);
        resolve();
      });
    };
    process.on('SIGHUP', onHup);
    process.on('SIGINT', () => onStop('SIGINT'));
    process.on('SIGTERM', () => onStop('SIGTERM'));
  });
}

export function reportStartupError(err: unknown, log: Logger): void {
  if (err instanceof ConfigErrors) {
    for (const e of err.errors) log.error({ path: e.path }, `config: ${e.message}`);
  } else if (err instanceof Error && (err as { code?: string }).code === 'PCS_ERR_CONFIG') {
    log.error(`config: ${err.message}`);
  } else {
    log.error({ err }, 'failed to start');
  }
}
