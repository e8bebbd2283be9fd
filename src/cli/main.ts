import { Command, InvalidArgumentError } from 'commander';
import { createLogger } from './logger.js';
import { runGateway } from './run-gateway.js';
import { validateCommand } from './validate.js';
import { hashKeyCommand } from './hash-key.js';
import { runDemo } from './demo.js';
import { configJsonSchema } from '../config/json-schema.js';
import { runEmulatorCommand } from '../emulator/cli.js';

function int(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('must be a non-negative integer');
  return n;
}

const program = new Command()
  .name('portcullis')
  .description('Secure gateway for Azure OpenAI and OpenAI-compatible APIs')
  .version('0.1.0');

program
  .command('start')
  .description('run the gateway with a config file (SIGHUP reloads it, SIGTERM drains and stops)')
  .requiredOption('-c, --config <file>', 'gateway config (YAML)')
  .option('--log-level <level>', 'override log.level from the config')
  .action(async (o: { config: string; logLevel?: string }) => {
    await runGateway(o.config, createLogger(o.logLevel ?? process.env.PORTCULLIS_LOG_LEVEL ?? 'info'));
  });

program
  .command('demo')
  .description('create a local CA and certificates, start the Azure OpenAI emulator and the gateway on https://127.0.0.1:8443')
  .option('--port <port>', 'gateway port', int, 8443)
  .option('--control-port <port>', 'control-plane port (health, metrics)', int, 9090)
  .option('--dir <dir>', 'where certificates, the demo key and config are kept', '.portcullis')
  .action(async (o: { port: number; controlPort: number; dir: string }) => {
    await runDemo(o);
  });

program
  .command('emulator')
  .description('run the Azure OpenAI emulator (for tests, demos and benchmarks)')
  .option('--host <host>', 'address to listen on', '127.0.0.1')
  .option('--port <port>', 'port', int, 8081)
  .option('--api-key <key>', 'require this api-key (default: no auth)')
  .option('--latency-ms <ms>', 'delay before response headers', int, 0)
  .option('--chunk-delay-ms <ms>', 'delay between streamed chunks', int, 0)
  .option('--fault <mode>', 'inject a fault on every request: status429 | status500 | hang | reset')
  .action(async (o: { host: string; port: number; apiKey?: string; latencyMs: number; chunkDelayMs: number; fault?: string }) => {
    await runEmulatorCommand(o);
  });

program
  .command('validate')
  .description('check a config file (schema, references, certificates, secrets) without starting')
  .requiredOption('-c, --config <file>', 'gateway config (YAML)')
  .action(async (o: { config: string }) => {
    process.exitCode = await validateCommand(o.config);
  });

program
  .command('hash-key')
  .description('print the hash to put in the config for an API key read from stdin, or --generate a new key')
  .option('--generate', 'generate a new random key and print it with its hash')
  .action(async (o: { generate?: boolean }) => {
    process.exitCode = await hashKeyCommand(o.generate === true);
  });

program
  .command('schema')
  .description('print the JSON Schema of the config file (for editor completion)')
  .action(() => {
    process.stdout.write(`${JSON.stringify(configJsonSchema(), null, 2)}\n`);
  });

await program.parseAsync(process.argv);
