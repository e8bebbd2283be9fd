import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { runEmulatorCommand } from '../../src/emulator/cli.js';

const CLI_MODULE = fileURLToPath(new URL('../../src/emulator/cli.js', import.meta.url));

describe('emulator command', () => {
  it('prints its URL, serves, and exits cleanly on SIGTERM', async () => {
    const script = `import(${JSON.stringify(CLI_MODULE)}).then((m) => m.runEmulatorCommand({ host: '127.0.0.1', port: 0, apiKey: 'k', fault: 'status500:2' }))`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      let out = '';
      child.stdout.setEncoding('utf8');
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (text: string) => {
          out += text;
          // The banner ends with the fault line, the last of its lines.
          const match = /listening on (\S+)[\s\S]*Injecting fault/.exec(out);
          if (match?.[1] !== undefined) resolve(match[1]);
        });
        child.once('exit', (code) => reject(new Error(`exited early with ${code}: ${out}`)));
      });
      assert.match(out, /IDENTITY_ENDPOINT=http:\/\/127\.0\.0\.1:\d+\/msi\/token IDENTITY_HEADER=\S+/);
      const post = () =>
        fetch(`${url}/openai/v1/chat/completions`, {
          method: 'POST',
          headers: { 'api-key': 'k' },
          body: JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'cli' }] }),
        }).then((r) => r.status);
      assert.equal(await post(), 200);
      assert.equal(await post(), 500);
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const [code] = await exited;
      assert.equal(code, 0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });

  it('rejects an unknown fault before listening', async () => {
    await assert.rejects(runEmulatorCommand({ host: '127.0.0.1', port: 0, fault: 'teapot' }), TypeError);
  });
});
