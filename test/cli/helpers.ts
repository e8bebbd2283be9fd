import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (tests run from dist/test/cli/). */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** The published entry point, run as a user runs it. */
export const BIN = join(REPO_ROOT, 'bin', 'portcullis.js');
/** Upper bound for any single wait, so a broken CLI fails the test instead of hanging it. */
export const WAIT_MS = 20_000;

/**
 * The environment for the CLI and for commands it prints: this Node first on PATH, so a
 * printed `node …` line runs on the same Node as the tests.
 */
export function cliEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}`, ...extra };
  // Tests decide the level themselves; an inherited one would change what they read.
  if (!('PORTCULLIS_LOG_LEVEL' in extra)) delete env.PORTCULLIS_LOG_LEVEL;
  return env;
}

export interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

/** A running `portcullis …` child process with its output collected as it comes. */
export class Cli {
  readonly child: ChildProcessWithoutNullStreams;
  stdout = '';
  stderr = '';
  readonly exited: Promise<Exit>;
  #exit: Exit | null = null;
  readonly #waiters = new Set<() => void>();

  constructor(args: readonly string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string | Buffer } = {}) {
    this.child = spawn(process.execPath, [BIN, ...args], { cwd: opts.cwd ?? REPO_ROOT, env: opts.env ?? cliEnv(), stdio: 'pipe' });
    this.child.stdout.setEncoding('utf8');
    this.child.stderr.setEncoding('utf8');
    this.child.stdout.on('data', (s: string) => {
      this.stdout += s;
      this.#notify();
    });
    this.child.stderr.on('data', (s: string) => {
      this.stderr += s;
      this.#notify();
    });
    // EPIPE when the CLI exits before reading everything: not what a test asserts on.
    this.child.stdin.on('error', () => {});
    if (opts.input !== undefined) this.child.stdin.end(opts.input);
    else this.child.stdin.end();
    // 'close' (not 'exit'): the output pipes are drained by then.
    this.exited = new Promise((resolve) => {
      this.child.once('close', (code, signal) => {
        this.#exit = { code, signal };
        this.#notify();
        resolve(this.#exit);
      });
    });
  }

  get running(): boolean {
    return this.#exit === null;
  }

  #notify(): void {
    for (const w of this.#waiters) w();
  }

  /** Resolves with the first match of `pattern` in the stream's output so far or to come. */
  waitFor(stream: 'stdout' | 'stderr', pattern: RegExp, timeoutMs = WAIT_MS): Promise<RegExpExecArray> {
    return new Promise((resolve, reject) => {
      const check = (): void => {
        const m = pattern.exec(this[stream]);
        if (m !== null) done(() => resolve(m));
        else if (this.#exit !== null) done(() => reject(new Error(`exited (${JSON.stringify(this.#exit)}) before ${stream} matched ${pattern}\n${this.#dump()}`)));
      };
      const timer = setTimeout(() => done(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${stream} to match ${pattern}\n${this.#dump()}`))), timeoutMs);
      const done = (settle: () => void): void => {
        clearTimeout(timer);
        this.#waiters.delete(check);
        settle();
      };
      this.#waiters.add(check);
      check();
    });
  }

  /** JSON log lines on stdout (pino) parsed so far; a line that is not JSON fails the test. */
  logLines(): Record<string, unknown>[] {
    return this.stdout
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => {
        try {
          return JSON.parse(l) as Record<string, unknown>;
        } catch {
          throw new Error(`stdout line is not JSON: ${l}`);
        }
      });
  }

  /** Waits for a JSON log line for which `match` holds (the logger flushes at least every second). */
  async waitForLog(match: (line: Record<string, unknown>) => boolean, timeoutMs = WAIT_MS): Promise<Record<string, unknown>> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const hit = this.logLines().find(match);
      if (hit !== undefined) return hit;
      if (this.#exit !== null) throw new Error(`exited (${JSON.stringify(this.#exit)}) before the log line came\n${this.#dump()}`);
      if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for a log line\n${this.#dump()}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** The exit, or a rejection if it takes longer than `timeoutMs`. */
  async waitExit(timeoutMs = WAIT_MS): Promise<Exit> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`still running after ${timeoutMs} ms\n${this.#dump()}`)), timeoutMs);
    });
    try {
      return await Promise.race([this.exited, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** For after() hooks: ends the process however far the test got. */
  async kill(): Promise<void> {
    if (this.#exit !== null) return;
    this.child.kill('SIGKILL');
    await this.exited;
  }

  #dump(): string {
    return `--- stdout ---\n${this.stdout.slice(-4000)}\n--- stderr ---\n${this.stderr.slice(-4000)}`;
  }
}

/** Runs `portcullis …` to its end (bounded) and returns its exit and output. */
export async function runCli(args: readonly string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string | Buffer; timeoutMs?: number } = {}): Promise<Exit & { stdout: string; stderr: string }> {
  const cli = new Cli(args, opts);
  try {
    const exit = await cli.waitExit(opts.timeoutMs ?? WAIT_MS);
    return { ...exit, stdout: cli.stdout, stderr: cli.stderr };
  } finally {
    await cli.kill();
  }
}

/** Runs a command line with bash, as a user pastes it. */
export async function runShell(line: string, opts: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<Exit & { stdout: string; stderr: string }> {
  const child = spawn('bash', ['-c', line], { cwd: opts.cwd ?? REPO_ROOT, env: opts.env ?? cliEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
  child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  let timer: NodeJS.Timeout | undefined;
  try {
    const exit = await new Promise<Exit>((resolve, reject) => {
      timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`\`${line}\` still running after ${opts.timeoutMs ?? WAIT_MS} ms\n${stdout}\n${stderr}`));
      }, opts.timeoutMs ?? WAIT_MS);
      child.once('close', (code, signal) => resolve({ code, signal }));
      child.once('error', reject);
    });
    return { ...exit, stdout, stderr };
  } finally {
    clearTimeout(timer);
  }
}
