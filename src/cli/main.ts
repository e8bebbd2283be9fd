import { Command, InvalidArgumentError, Option } from 'commander';
import { createLogger, logLevelOverride, LOG_LEVELS } from './logger.js';

// Each command imports what it runs when it runs: loading the gateway, the emulator and the
// Azure SDK up front cost ~0.6 s before `--help` or `hash-key` could print anything.

function int(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('must be a non-negative integer');
  return n;
}

/** The `--log-level`/PORTCULLIS_LOG_LEVEL override, or exit 1 with a one-line message. */
function levelOrExit(cli: string | undefined): string | undefined {
  try {
    return logLevelOverride(cli);
  } catch (err) {
    program.error(`error: ${(err as Error).message}`);
  }
}

const program = new Command()
  .name('portcullis')
  .description('Secure gateway for Azure OpenAI and OpenAI-compatible APIs')
  .version('0.1.0');

program
  .command('start')
  .description('run the gateway with a config file (SIGHUP reloads it, SIGTERM drains and stops)')
  .requiredOption('-c, --config <file>', 'gateway config (YAML)')
  .addOption(new Option('--log-level <level>', 'override log.level from the config (also PORTCULLIS_LOG_LEVEL)').choices(LOG_LEVELS))
  .action(async (o: { config: string; logLevel?: string }) => {
    const override = levelOrExit(o.logLevel);
    const { runGateway } = await import('./run-gateway.js');
    await runGateway(o.config, createLogger(override ?? 'info'), { logLevelOverride: override });
  });

program
  .command('demo')
  .description('create a local CA and certificates, start the Azure OpenAI emulator and the gateway on https://127.0.0.1:8443')
  .option('--port <port>', 'gateway port', int, 8443)
  .option('--control-port <port>', 'control-plane port (health, metrics)', int, 9090)
  .option('--dir <dir>', 'where certificates, the demo key and config are kept', '.portcullis')
  .action(async (o: { port: number; controlPort: number; dir: string }) => {
    const level = levelOrExit(undefined);
    const { runDemo } = await import('./demo.js');
    await runDemo(o, level);
  });

program
  .command('emulator')
  .description('run the Azure OpenAI emulator (for tests, demos and benchmarks)')
  .option('--host <host>', 'address to listen on', '127.0.0.1')
  .option('--port <port>', 'port', int, 8081)
  .option('--api-key <key>', 'require this api-key (default: no auth)')
  .option('--latency-ms <ms>', 'delay before response headers', int, 0)
  .option('--chunk-delay-ms <ms>', 'delay between streamed chunks', int, 0)
  .option('--fault <mode>', 'inject a fault: status429 | status500 | hang | reset, on every request or with :EVERY[:RETRY_AFTER_S] on every EVERYth')
  .action(async (o: { host: string; port: number; apiKey?: string; latencyMs: number; chunkDelayMs: number; fault?: string }) => {
    const { runEmulatorCommand } = await import('../emulator/cli.js');
    await runEmulatorCommand(o);
  });

program
  .command('validate')
  .description('check a config file (schema, references, certificates, secrets) without starting')
  .requiredOption('-c, --config <file>', 'gateway config (YAML)')
  .action(async (o: { config: string }) => {
    const { validateCommand } = await import('./validate.js');
    process.exitCode = await validateCommand(o.config);
  });

program
  .command('hash-key')
  .description('print the hash to put in the config for an API key read from stdin, or --generate a new key')
  .option('--generate', 'generate a new random key and print it with its hash')
  .action(async (o: { generate?: boolean }) => {
    const { hashKeyCommand } = await import('./hash-key.js');
    process.exitCode = await hashKeyCommand(o.generate === true);
  });

program
  .command('schema')
  .description('print the JSON Schema of the config file (for editor completion)')
  .action(async () => {
    const { configJsonSchema } = await import('../config/json-schema.js');
    process.stdout.write(`${JSON.stringify(configJsonSchema(), null, 2)}\n`);
  });

try {
  await program.parseAsync(process.argv);
} catch (err) {
  // An operator's mistake (an unknown --fault, a port in use, a folder that is not writable)
  // gets one line naming it, not a stack trace. Commander exits on its own usage errors.
  process.stderr.write(`error: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
}
