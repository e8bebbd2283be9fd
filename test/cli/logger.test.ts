import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { constants, mkdtempSync, openSync, rmSync } from 'node:fs';
import { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createLogger } from '../../src/cli/logger.js';

test('a log nobody reads holds at most its bound: later lines are dropped, then counted in a warning', { timeout: 15_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pcs-log-'));
  try {
    const fifo = join(dir, 'stdout');
    execFileSync('mkfifo', [fifo]);
    // Until a reader opens the FIFO, nothing can be written: everything waits in memory.
    const log = createLogger('info', fifo, 64 * 1024);
    const sent = 2000;
    for (let i = 0; i < sent; i++) log.info({ i }, 'x'.repeat(200));

    let received = 0;
    let dropped = -1;
    // A pipe handle, not a file stream: it can be closed while the logger keeps its end open.
    const reader = new Socket({ fd: openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK), readable: true, writable: false });
    const lines = createInterface({ input: reader });
    for await (const text of lines) {
      const line = JSON.parse(text) as { i?: number; dropped?: number; msg: string };
      if (line.i !== undefined && ++received === sent) break; // nothing was dropped
      if (line.dropped !== undefined) {
        dropped = line.dropped;
        break;
      }
    }
    lines.close();
    reader.destroy();
    assert.ok(received > 0 && received * 260 < 2 * 64 * 1024, `${received} lines were kept (bound: 64 KiB, plus a batch)`);
    assert.equal(received + dropped, sent, 'every line is either written or counted as dropped');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
