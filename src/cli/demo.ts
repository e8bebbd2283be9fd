import { existsSync, mkdirSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createCa, issueServerCert } from '../network/dev-ca.js';
import { startEmulator } from '../emulator/server.js';
import { generateKey, hashKey } from '../identity/key-hash.js';
import { createLogger } from './logger.js';
import { runGateway } from './run-gateway.js';

export interface DemoOptions {
  readonly port: number;
  readonly controlPort: number;
  readonly dir: string;
}

const API_VERSION = '2024-10-21';
const CHAT = 'gpt-4o-mini';
const EMBED = 'text-embedding-3-small';

/** Quotes a path for a POSIX shell when it needs it, so the printed commands run as pasted. */
function shellQuote(s: string): string {
  return /^[A-Za-z0-9_/.:@%+=,-]+$/.test(s) ? s : `'${s.replaceAll("'", `'\\''`)}'`;
}

function writeSecret(file: string, content: string): void {
  writeFileSync(file, content, { mode: 0o600 });
  chmodSync(file, 0o600);
}

/** Creates (once) a local CA, a server certificate for 127.0.0.1/localhost and the demo key. */
async function ensureMaterial(dir: string): Promise<{ caFile: string; key: string }> {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const caFile = join(dir, 'ca.pem');
  if (!existsSync(caFile) || !existsSync(join(dir, 'server.pem'))) {
    const ca = await createCa({ commonName: 'Portcullis demo CA', days: 825 });
    const server = await issueServerCert(ca, { dnsNames: ['localhost'], ipAddresses: ['127.0.0.1', '::1'], days: 397 });
    writeFileSync(caFile, ca.certPem);
    writeSecret(join(dir, 'ca-key.pem'), ca.keyPem);
    writeFileSync(join(dir, 'server.pem'), server.certPem);
    writeSecret(join(dir, 'server-key.pem'), server.keyPem);
  }
  const keyFile = join(dir, 'demo-api-key');
  if (!existsSync(keyFile)) writeSecret(keyFile, `${generateKey()}\n`);
  return { caFile, key: readFileSync(keyFile, 'utf8').trim() };
}

function demoConfig(o: DemoOptions & { readonly crsDir: string | null }, emulatorUrl: string, keyHash: string): string {
  return `# Written by \`portcullis demo\`; regenerated at every demo start.
listeners:
  - name: public
    host: 127.0.0.1
    port: ${o.port}
    tls:
      cert: server.pem
      key: server-key.pem
      minVersion: TLSv1.2
network:
  allow: [127.0.0.0/8, "::1/128"]
control:
  host: 127.0.0.1
  port: ${o.controlPort}
backends:
  - name: emulator
    url: ${emulatorUrl}
    ca: ca.pem
    auth:
      type: apiKey
      key: { env: PORTCULLIS_DEMO_BACKEND_KEY }
    probe:
      intervalMs: 5000
      expectStatus: ["404"]
deployments:
  - name: ${CHAT}
    backends: [emulator]
  - name: ${EMBED}
    backends: [emulator]
keys:
  - id: demo
    name: Demo key
    hash: ${keyHash}
    deployments: ["*"]
waf:
  mode: prevention${o.crsDir === null ? '' : `
  crs:
    rulesDir: ${o.crsDir}
    paranoiaLevel: 1`}
`;
}

/** Debian's modsecurity-crs package, when installed: the demo runs the CRS with the LLM rules. */
const DEBIAN_CRS = '/usr/share/modsecurity-crs/rules';

function findCrs(): string | null {
  return existsSync(join(DEBIAN_CRS, 'REQUEST-901-INITIALIZATION.conf')) ? DEBIAN_CRS : null;
}

export async function runDemo(o: DemoOptions, logLevel?: string): Promise<void> {
  const dir = resolve(o.dir);
  const { caFile, key } = await ensureMaterial(dir);
  const backendKey = randomBytes(24).toString('base64url');
  const emulator = await startEmulator({
    host: '127.0.0.1',
    port: 0,
    apiKeys: [backendKey],
    tls: { cert: readFileSync(join(dir, 'server.pem')), key: readFileSync(join(dir, 'server-key.pem')) },
    chunkDelayMs: 30,
    quiet: true,
  });
  process.env.PORTCULLIS_DEMO_BACKEND_KEY = backendKey;
  const configFile = join(dir, 'demo.yaml');
  const crsDir = findCrs();
  writeFileSync(configFile, demoConfig({ ...o, crsDir }, emulator.url, hashKey(key)));

  const log = createLogger(logLevel ?? 'info');
  await runGateway(configFile, log, {
    logLevelOverride: logLevel,
    onStarted: (gw) => {
      const port = gw.listeners[0]!.address.port;
      const base = `https://127.0.0.1:${port}`;
      const ca = shellQuote(caFile);
      const control = gw.control === null ? '' : `http://127.0.0.1:${gw.control.address.port}`;
      process.stderr.write(`
Portcullis demo is running.
  gateway   ${base}  (TLS, certificate from the local CA ${caFile})
  backend   the Azure OpenAI emulator at ${emulator.url}
  control   ${control}/readyz  ${control}/metrics
  API key   ${key}

Try it with curl:
  curl --cacert ${ca} "${base}/openai/deployments/${CHAT}/chat/completions?api-version=${API_VERSION}" -H "api-key: ${key}" -H "content-type: application/json" -d '{"messages":[{"role":"user","content":"Hello"}]}'

The WAF (${crsDir === null ? 'LLM rules; install modsecurity-crs for the OWASP CRS too' : `OWASP CRS from ${crsDir} + LLM rules`}) refuses a prompt carrying a cloud key, with 403 waf_blocked:
  curl --cacert ${ca} "${base}/openai/deployments/${CHAT}/chat/completions?api-version=${API_VERSION}" -H "api-key: ${key}" -H "content-type: application/json" -d '{"messages":[{"role":"user","content":"Why does AKIAIOSFODNN7EXAMPLE fail?"}]}'

Or with the openai SDK (from this folder):
  NODE_EXTRA_CA_CERTS=${ca} node --input-type=module -e "import { AzureOpenAI } from 'openai'; const c = new AzureOpenAI({ endpoint: '${base}', apiKey: '${key}', apiVersion: '${API_VERSION}', deployment: '${CHAT}' }); const r = await c.chat.completions.create({ model: '${CHAT}', messages: [{ role: 'user', content: 'Hello' }] }); console.log(r.choices[0].message.content);"

Press Ctrl-C to stop.
`);
    },
  });
  await emulator.close();
}
