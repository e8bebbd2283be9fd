import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { REPO_ROOT, runCli } from './helpers.js';

/** Each subcommand and the options its `--help` must show. */
const COMMANDS: Record<string, readonly string[]> = {
  start: ['--config <file>', '--log-level <level>'],
  demo: ['--port <port>', '--control-port <port>', '--dir <dir>'],
  emulator: ['--host <host>', '--port <port>', '--api-key <key>', '--latency-ms <ms>', '--chunk-delay-ms <ms>', '--fault <mode>'],
  validate: ['--config <file>'],
  'hash-key': ['--generate'],
  schema: [],
};

describe('portcullis --help', { concurrency: true }, () => {
  it('lists every command', async () => {
    const r = await runCli(['--help']);
    assert.equal(r.code, 0, r.stderr);
    for (const name of Object.keys(COMMANDS)) assert.match(r.stdout, new RegExp(`^ {2}${name}\\b`, 'm'), `${name} missing from --help`);
  });

  for (const [name, options] of Object.entries(COMMANDS)) {
    it(`${name} --help exits 0 and shows its options`, async () => {
      const r = await runCli([name, '--help']);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, new RegExp(`^Usage: portcullis ${name} `, 'm'));
      for (const o of options) assert.ok(r.stdout.includes(o), `${name} --help lacks ${o}:\n${r.stdout}`);
    });
  }

  it('--version prints the package version', async () => {
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    const r = await runCli(['--version']);
    assert.equal(r.code, 0);
    assert.equal(r.stdout.trim(), pkg.version);
  });

  it('an unknown command exits 1 with a message', async () => {
    const r = await runCli(['strat']);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /unknown command 'strat'/);
  });

  it('an invalid number is refused before anything starts', async () => {
    const r = await runCli(['demo', '--port', 'abc']);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /'--port <port>' argument 'abc' is invalid/);
  });

  it('schema prints a JSON Schema of the config file', async () => {
    const r = await runCli(['schema']);
    assert.equal(r.code, 0, r.stderr);
    const schema = JSON.parse(r.stdout) as { $schema?: string; type?: string; properties?: Record<string, unknown> };
    assert.match(schema.$schema ?? '', /^https:\/\/json-schema\.org\//);
    assert.equal(schema.type, 'object');
    for (const p of ['listeners', 'network', 'backends', 'deployments', 'keys']) assert.ok(schema.properties?.[p] !== undefined, `no ${p} in the schema`);
  });
});
