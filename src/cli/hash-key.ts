import { generateKey, hashKey } from '../identity/key-hash.js';

const MAX_KEY_BYTES = 4096;

/**
 * Reads stdin to its end (the key is never taken as an argument: argv lands in shell history
 * and `ps`). Null when the input is too long to be a key.
 */
async function readStdin(): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_KEY_BYTES) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8').trim();
}

export async function hashKeyCommand(generate: boolean): Promise<number> {
  if (generate) {
    const key = generateKey();
    process.stdout.write(`key:  ${key}\nhash: ${hashKey(key)}\n`);
    process.stderr.write('Give the key to its owner; put only the hash in the config.\n');
    return 0;
  }
  const key = await readStdin();
  if (key === null) {
    process.stderr.write(`portcullis hash-key: input longer than ${MAX_KEY_BYTES} bytes is not a key\n`);
    return 2;
  }
  if (key === '') {
    process.stderr.write('portcullis hash-key: no key on stdin (or use --generate)\n');
    return 2;
  }
  process.stdout.write(`${hashKey(key)}\n`);
  return 0;
}
