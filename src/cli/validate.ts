import { pino } from 'pino';
import { loadConfigFile } from '../config/load.js';
import { ConfigError, ConfigErrors } from '../config/config-error.js';
import { loadTlsOptions } from '../network/tls-material.js';
import { provisionGeneration } from '../gateway/generation.js';
import { GatewayMetrics } from '../telemetry/metrics.js';
import { formatLoadIssue } from '../waf/engine/load-issues.js';

/**
 * Everything `start` checks before serving, without opening a socket: schema and
 * references, certificate files (readable, matching key, not expired), secrets, CA bundles.
 */
export async function validateCommand(file: string): Promise<number> {
  const errors: string[] = [];
  const warnings: string[] = [];
  try {
    const loaded = loadConfigFile(file);
    loaded.config.listeners.forEach((l, i) => {
      if (l.tls === undefined) {
        warnings.push(`listeners[${i}]: plain HTTP (plaintext: true); use it only behind a TLS-terminating proxy on a trusted network`);
        return;
      }
      try {
        warnings.push(...loadTlsOptions(l.tls, loaded.baseDir, `listeners[${i}].tls`).warnings);
      } catch (err) {
        errors.push((err as Error).message);
      }
    });
    if (errors.length === 0) {
      const gen = await provisionGeneration(loaded, { log: pino({ level: 'silent' }), metrics: new GatewayMetrics(), env: process.env, now: Date.now, offline: true });
      await gen.close();
      // Every WAF rule that will not run exactly as written, by id: nothing is silently dropped.
      const waf = gen.waf?.ruleSet;
      if (waf != null) {
        for (const i of waf.issues) warnings.push(`waf: ${formatLoadIssue(i)}`);
        process.stdout.write(`waf: ${waf.ruleCount} rules loaded${waf.crs === null ? '' : ` (OWASP CRS ${waf.crs.version})`}, ${waf.issues.length} reported below\n`);
      }
    }
  } catch (err) {
    if (err instanceof ConfigErrors) errors.push(...err.errors.map((e) => e.message));
    else if (err instanceof ConfigError) errors.push(err.message);
    else errors.push(`unexpected: ${(err as Error).message}`);
  }
  for (const w of warnings) process.stderr.write(`warning: ${w}\n`);
  if (errors.length > 0) {
    for (const e of errors) process.stderr.write(`error: ${e}\n`);
    process.stderr.write(`${file}: ${errors.length} problem(s)\n`);
    return 1;
  }
  process.stdout.write(`${file}: ok\n`);
  return 0;
}
