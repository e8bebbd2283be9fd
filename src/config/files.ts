import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { ConfigError } from './config-error.js';

/** Resolves a config-relative path: relative paths are relative to the config file's folder. */
export function configPath(baseDir: string, p: string): string {
  return resolve(baseDir, p);
}

/** Reads a file named in the config, turning I/O failures into path-named config errors. */
export function readConfigFile(baseDir: string, p: string, path: string): Buffer {
  try {
    return readFileSync(configPath(baseDir, p));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ConfigError(path, `file not found (${p})`);
    if (code === 'EACCES') throw new ConfigError(path, `file not readable (${p})`);
    if (code === 'EISDIR') throw new ConfigError(path, `is a directory, not a file (${p})`);
    throw new ConfigError(path, `cannot read file (${p}): ${code ?? 'error'}`);
  }
}

/**
 * Where a secret comes from. Deliberately no inline value: a secret written into the
 * config file ends up in backups, diffs and support bundles.
 */
export const SecretRefSchema = z.union([
  z.strictObject({ env: z.string().min(1).describe('Name of the environment variable holding the secret.') }),
  z.strictObject({ file: z.string().min(1).describe('Path of a file whose content (trimmed) is the secret.') }),
]);
export type SecretRef = z.infer<typeof SecretRefSchema>;

export function resolveSecret(ref: SecretRef, baseDir: string, path: string, env: NodeJS.ProcessEnv = process.env): string {
  if ('env' in ref) {
    const v = env[ref.env];
    if (v === undefined || v === '') throw new ConfigError(`${path}.env`, `environment variable ${ref.env} is not set`);
    return v;
  }
  const v = readConfigFile(baseDir, ref.file, `${path}.file`).toString('utf8').trim();
  if (v === '') throw new ConfigError(`${path}.file`, `file is empty (${ref.file})`);
  return v;
}
