/**
 * Parses the OWASP CRS rule sets as published, every file, and requires zero errors.
 * CRS v4 comes from $PORTCULLIS_CRS_V4_DIR (default ../shared/crs-v4 beside the repo, a checkout of
 * coreruleset v4); CRS 3.3 from Debian's `modsecurity-crs` package, which .ci/run installs.
 */
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, globSync, readFileSync } from 'node:fs';
import type { Directive, RuleAst } from '../../../src/waf/seclang/ast.js';
import { inventory, type Inventory } from '../../../src/waf/seclang/inventory.js';
import { loadRuleFiles, parseRules } from '../../../src/waf/seclang/parser.js';

interface Corpus {
  readonly name: string;
  /** Absolute globs of every SecLang file of the version. */
  readonly patterns: readonly string[];
  readonly skip: string | false;
  readonly minRulesWithId: number;
}

// CI clones the repo with shared/ beside it; this file runs from dist/test/waf/seclang/.
const V4_DIR = process.env['PORTCULLIS_CRS_V4_DIR'] ?? fileURLToPath(new URL('../../../../../shared/crs-v4', import.meta.url));
const V3_RULES = '/usr/share/modsecurity-crs/rules';
const V3_ETC = '/etc/modsecurity/crs';

const CORPORA: readonly Corpus[] = [
  {
    name: 'CRS v4',
    patterns: [`${V4_DIR}/crs-setup.conf.example`, `${V4_DIR}/rules/*.conf`, `${V4_DIR}/rules/*.conf.example`],
    skip: existsSync(`${V4_DIR}/rules`) ? false : `CRS v4 rules not found at ${V4_DIR}/rules; set PORTCULLIS_CRS_V4_DIR to a coreruleset v4 checkout`,
    minRulesWithId: 500,
  },
  {
    // util/honeypot-sensor/*.conf in the package are an Apache vhost and an mlogc config, not
    // rule sets, so they are not part of this corpus.
    name: 'CRS 3.3 (Debian modsecurity-crs)',
    patterns: [`${V3_ETC}/*.conf`, `${V3_RULES}/*.conf`],
    skip: existsSync(V3_RULES)
      ? false
      : `Debian package modsecurity-crs is not installed (${V3_RULES} missing); .ci/run installs it with apt-get`,
    minRulesWithId: 500,
  },
];

function files(c: Corpus): string[] {
  return c.patterns.flatMap((p) => globSync(p).sort());
}

function allRules(ds: readonly Directive[]): RuleAst[] {
  const out: RuleAst[] = [];
  for (const d of ds) if (d.kind === 'SecRule') for (let r: RuleAst | null = d; r !== null; r = r.chained) out.push(r);
  return out;
}

/** Ids as a plain-text scan finds them: `id:N` on non-comment lines. */
function grepIds(paths: readonly string[]): string[] {
  const ids: string[] = [];
  for (const path of paths) {
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      if (line.trimStart().startsWith('#')) continue;
      for (const m of line.matchAll(/\bid:(\d+)/g)) ids.push(m[1]!);
    }
  }
  return ids;
}

function formatInventory(inv: Inventory): string {
  const fmt = (m: Map<string, number>): string =>
    [...m].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, n]) => `${k}×${n}`).join(', ');
  return [
    `directives (${inv.directives.size}): ${fmt(inv.directives)}`,
    `operators (${inv.operators.size}): ${fmt(inv.operators)}`,
    `variables (${inv.variables.size}): ${fmt(inv.variables)}`,
    `transformations (${inv.transformations.size}): ${fmt(inv.transformations)}`,
    `actions (${inv.actions.size}): ${fmt(inv.actions)}`,
    `ctl options (${inv.ctlOptions.size}): ${fmt(inv.ctlOptions)}`,
  ].join('\n');
}

for (const corpus of CORPORA) {
  test(`${corpus.name}: every file parses with zero errors`, { skip: corpus.skip }, async (t) => {
    const paths = files(corpus);
    assert.ok(paths.length >= 25, `expected the whole rule set, found ${paths.length} files`);
    for (const path of paths) {
      await t.test(path, () => {
        const r = parseRules(readFileSync(path, 'utf8'), path);
        assert.deepEqual(r.errors.map((e) => e.message), []);
      });
    }
  });

  test(`${corpus.name}: rule ids are unique, match a text scan, and the inventory is reported`, { skip: corpus.skip }, (t) => {
    const paths = files(corpus);
    const r = loadRuleFiles(paths, { baseDir: '/' });
    assert.deepEqual(r.errors.map((e) => e.message), []);
    assert.deepEqual(r.files, paths);

    const starters = r.directives.filter((d): d is Extract<Directive, { kind: 'SecRule' | 'SecAction' }> =>
      (d.kind === 'SecRule' || d.kind === 'SecAction') && d.id !== null);
    const ids = starters.map((d) => d.id!);
    assert.equal(new Set(ids).size, ids.length, 'rule ids are unique');
    assert.deepEqual([...ids].sort(), grepIds(paths).sort(), 'parsed ids equal the ids a text scan finds');
    const rulesWithId = starters.filter((d) => d.kind === 'SecRule').length;
    assert.ok(rulesWithId > corpus.minRulesWithId, `${rulesWithId} SecRule with ids`);

    const rules = allRules(r.directives);
    // Every chain link after the starter has no id; every starter has one.
    assert.equal(rules.filter((x) => x.id !== null).length, rulesWithId);
    t.diagnostic(`${corpus.name}: ${paths.length} files, ${r.directives.length} top-level directives, ` +
      `${rulesWithId} SecRule chains with ids, ${rules.length} SecRule links, ${starters.length - rulesWithId} SecAction`);
    for (const line of formatInventory(inventory(r.directives)).split('\n')) t.diagnostic(`${corpus.name} ${line}`);
  });
}
