import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseConfig } from '../../src/config/load.js';
import { hashKey, generateKey } from '../../src/identity/key-hash.js';
import { baseConfig, makePki } from '../helpers/harness.js';
import { cliEnv, REPO_ROOT, runCli } from './helpers.js';
import { CRS_V33_RULES, hasV33 } from '../waf/crs-dirs.js';

const ENV = cliEnv({ TEST_BACKEND_KEY: 'backend-secret-key' });

describe('portcullis validate', { concurrency: true }, () => {
  let dir: string;
  let good: string;
  const write = (name: string, yaml: string): string => {
    const file = join(dir, name);
    writeFileSync(file, yaml);
    return file;
  };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pcs-cli-validate-'));
    const pki = await makePki();
    writeFileSync(join(dir, 'ca.pem'), pki.ca.certPem);
    writeFileSync(join(dir, 'server.pem'), pki.server.certPem);
    writeFileSync(join(dir, 'server-key.pem'), pki.server.keyPem);
    // Nothing listens on port 1: validate checks without dialling the backend.
    good = baseConfig({ port: 0, emulatorUrl: 'https://127.0.0.1:1', keyHash: hashKey(generateKey()), opts: {} });
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it('a good config exits 0 and prints ok', async () => {
    const file = write('good.yaml', good);
    const r = await runCli(['validate', '--config', file], { env: ENV });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, `${file}: ok\n`);
    assert.doesNotMatch(r.stderr, /error/);
  });

  it('reports, by rule id, every WAF rule that will not run as written (CRS 3.3)', { skip: hasV33 ? false : `no CRS 3.3 at ${CRS_V33_RULES}` }, async () => {
    const file = write('waf.yaml', `${good}waf:\n  crs:\n    rulesDir: ${CRS_V33_RULES}\n  customRulesText: |\n    SecRule ARGS "@rx a" "id:10,phase:2,pass,exec:/bin/true"\n`);
    const r = await runCli(['validate', '--config', file], { env: ENV });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^waf: \d+ rules loaded \(OWASP CRS 3\.3\.\d+\), \d+ reported below$/m);
    assert.match(r.stderr, /^warning: waf: .*REQUEST-910-IP-REPUTATION\.conf:\d+: rule 910100: .*geoLookup.*\(rule disabled\)$/m);
    assert.match(r.stderr, /^warning: waf: .*rule 910140: .*rbl.*\(rule disabled\)$/m);
    assert.match(r.stderr, /^warning: waf: <waf\.customRulesText>:1: rule 10: action exec is not supported \(rule disabled\)$/m);
  });

  it('a missing certificate file exits 1 and names its place', async () => {
    const file = write('no-cert.yaml', good.replace('cert: server.pem', 'cert: missing.pem'));
    const r = await runCli(['validate', '--config', file], { env: ENV });
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^error: listeners\[0\]\.tls\.cert: file not found/m);
    assert.equal(r.stdout, '');
  });

  it('a reference to an unknown backend exits 1 and names its place', async () => {
    const file = write('bad-ref.yaml', good.replace('backends: [emulator]', 'backends: [nope]'));
    const r = await runCli(['validate', '--config', file], { env: ENV });
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^error: deployments\[0\]\.backends\[0\]: no backend named "nope"$/m);
  });

  it('lists every problem, not only the first', async () => {
    const file = write('two-refs.yaml', good.replaceAll('backends: [emulator]', 'backends: [nope]'));
    const r = await runCli(['validate', '--config', file], { env: ENV });
    assert.equal(r.code, 1);
    assert.match(r.stderr, /deployments\[0\]\.backends\[0\]: no backend named "nope"/);
    assert.match(r.stderr, /deployments\[1\]\.backends\[0\]: no backend named "nope"/);
    assert.match(r.stderr, /: 3 problem\(s\)\n$/);
  });

  it('an unset environment variable for a backend secret is reported with its path', async () => {
    const file = write('no-env.yaml', good);
    const env = { ...ENV };
    delete env.TEST_BACKEND_KEY;
    const r = await runCli(['validate', '--config', file], { env });
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^error: backends\[0\]\.auth\.key\.env: environment variable TEST_BACKEND_KEY is not set$/m);
  });

  it('a config file that cannot be read exits 1', async () => {
    const r = await runCli(['validate', '--config', join(dir, 'absent.yaml')], { env: ENV });
    assert.equal(r.code, 1);
    assert.match(r.stderr, /cannot read config file .*absent\.yaml: ENOENT/);
  });
});

describe('examples/*.yaml', () => {
  const folder = join(REPO_ROOT, 'examples');
  const examples = readdirSync(folder).filter((f) => f.endsWith('.yaml'));

  it('there are examples for the seed topologies', () => {
    assert.ok(examples.length >= 3, `found ${examples.join(', ')}`);
  });

  // Schema and cross-references only: the certificate and secret files they name live on
  // the target machine (/etc/portcullis/…), so file checks are out of scope here.
  for (const name of examples) {
    it(`${name} passes the schema`, () => {
      const text = readFileSync(join(folder, name), 'utf8');
      const fakeEnv = Object.fromEntries([...text.matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g)].map((m) => [m[1]!, 'example-value']));
      try {
        parseConfig(text, fakeEnv);
      } catch (err) {
        assert.fail(`${name}:\n${(err as Error).message}`);
      }
    });
  }
});
