import { generateKey, hashKey } from '../identity/key-hash.js';

/** Reads stdin to its end (the key is never taken as an argument: argv lands in shell history and `ps`). */
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > 4096) throw new Error('input too long for a key');
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
  if (key === '') {
    process.stderr.write('portcullis hash-key: no key on stdin (or use --generate)\n');
    return 2;
  }
  process.stdout.write(`${hashKey(key)}\n`);
  return 0;
}
