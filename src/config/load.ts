import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { ConfigError, ConfigErrors } from './config-error.js';
import { GatewayConfigSchema, type GatewayConfig } from './schema.js';

export interface LoadedConfig {
  readonly config: GatewayConfig;
  /** Folder of the config file: relative paths in it are relative to this. */
  readonly baseDir: string;
  readonly file: string;
}

/** `a.b[0].c` from a zod/issue path. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out === '' ? String(p) : `.${String(p)}`;
  return out;
}

const ENV_REF = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$\$\{/g;

/**
 * Replaces `${NAME}` in every string value with the environment variable (`$${` is a
 * literal `${`). An unset variable is an error naming its place, never an empty string.
 */
export function interpolateEnv(value: unknown, env: NodeJS.ProcessEnv, path: PropertyKey[] = [], errors: ConfigError[] = []): unknown {
  if (typeof value === 'string') {
    return value.replace(ENV_REF, (match, name: string | undefined) => {
      if (name === undefined) return '${';
      const v = env[name];
      if (v === undefined) {
        errors.push(new ConfigError(formatPath(path), `environment variable ${name} is not set`));
        return match;
      }
      return v;
    });
  }
  if (Array.isArray(value)) return value.map((v, i) => interpolateEnv(v, env, [...path, i], errors));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = interpolateEnv(v, env, [...path, k], errors);
    return out;
  }
  return value;
}

function zodErrors(error: z.ZodError): ConfigError[] {
  return error.issues.map((issue) => new ConfigError(formatPath(issue.path), issue.message));
}

/** Checks what the schema cannot: names that must be unique, references that must exist. */
export function crossCheck(config: GatewayConfig): ConfigError[] {
  const errors: ConfigError[] = [];
  const unique = (items: readonly { name: string }[], what: string): Set<string> => {
    const names = new Set<string>();
    items.forEach((item, i) => {
      if (names.has(item.name)) errors.push(new ConfigError(`${what}[${i}].name`, `duplicate name "${item.name}"`));
      names.add(item.name);
    });
    return names;
  };
  const backendNames = unique(config.backends, 'backends');
  const deploymentNames = unique(config.deployments, 'deployments');
  unique(config.listeners, 'listeners');
  const modelNames = new Set(deploymentNames);
  config.deployments.forEach((d, i) => {
    d.backends.forEach((b, j) => {
      if (!backendNames.has(b)) errors.push(new ConfigError(`deployments[${i}].backends[${j}]`, `no backend named "${b}"`));
    });
    d.aliases.forEach((a, j) => {
      if (modelNames.has(a)) errors.push(new ConfigError(`deployments[${i}].aliases[${j}]`, `"${a}" already names a deployment or alias`));
      modelNames.add(a);
    });
  });
  const checkDeployments = (list: readonly string[], path: string): void => {
    list.forEach((d, j) => {
      if (d !== '*' && !deploymentNames.has(d)) errors.push(new ConfigError(`${path}.deployments[${j}]`, `no deployment named "${d}"`));
    });
  };
  config.keys.forEach((k, i) => checkDeployments(k.deployments, `keys[${i}]`));
  config.clients.forEach((c, i) => checkDeployments(c.deployments, `clients[${i}]`));
  if (config.v1DefaultDeployment !== undefined && !deploymentNames.has(config.v1DefaultDeployment)) {
    errors.push(new ConfigError('v1DefaultDeployment', `no deployment named "${config.v1DefaultDeployment}"`));
  }
  const ports = new Set<string>();
  config.listeners.forEach((l, i) => {
    const key = `${l.host}:${l.port}`;
    if (l.port !== 0 && ports.has(key)) errors.push(new ConfigError(`listeners[${i}].port`, `${key} is used by another listener`));
    ports.add(key);
  });
  return errors;
}

/** Parses and validates config text; throws ConfigErrors listing every problem found. */
export function parseConfig(text: string, env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) throw new ConfigErrors(doc.errors.map((e) => new ConfigError('', `YAML: ${e.message}`)));
  const errors: ConfigError[] = [];
  const raw = interpolateEnv(doc.toJS(), env, [], errors);
  if (errors.length > 0) throw new ConfigErrors(errors);
  const parsed = GatewayConfigSchema.safeParse(raw ?? {});
  if (!parsed.success) throw new ConfigErrors(zodErrors(parsed.error));
  const cross = crossCheck(parsed.data);
  if (cross.length > 0) throw new ConfigErrors(cross);
  return parsed.data;
}

export function loadConfigFile(file: string, env: NodeJS.ProcessEnv = process.env): LoadedConfig {
  const full = resolve(file);
  let text: string;
  try {
    text = readFileSync(full, 'utf8');
  } catch (err) {
    throw new ConfigErrors([new ConfigError('', `cannot read config file ${file}: ${(err as NodeJS.ErrnoException).code ?? 'error'}`)]);
  }
  return { config: parseConfig(text, env), baseDir: dirname(full), file: full };
}
