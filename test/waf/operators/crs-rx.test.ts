/**
 * Every @rx pattern in the OWASP CRS v4 rules compiles through pcre.ts and is protected
 * by the linear-engine fallback. Extraction is a simple regex over the .conf files
 * (good enough here: CRS never splits a pattern over lines).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileRx, OperatorError } from '../../../src/waf/operators/index.js';

const CRS_RULES = process.env['CRS_RULES_DIR'] ?? '/work/shared/crs-v4/rules';

interface Found { where: string; pattern: string; ruleId: string | null }

function extract(): Found[] {
  const out: Found[] = [];
  for (const f of readdirSync(CRS_RULES).filter((n) => n.endsWith('.conf')).sort()) {
    const lines = readFileSync(join(CRS_RULES, f), 'utf8').split('\n');
    lines.forEach((line, i) => {
      for (const m of line.matchAll(/"!?@rx ((?:[^"\\]|\\.)*)"/g)) {
        // SecLang unescapes \" inside the quoted operator argument; nothing else.
        const pattern = m[1]!.replaceAll('\\"', '"');
        const idLine = lines.slice(i, i + 8).join(' ');
        out.push({ where: `${f}:${i + 1}`, pattern, ruleId: /id:(\d+)/.exec(idLine)?.[1] ?? null });
      }
    });
  }
  return out;
}

test('all CRS v4 @rx patterns compile and are linear-engine protected', { skip: existsSync(CRS_RULES) ? false : `CRS rules not found at ${CRS_RULES}` }, () => {
  const found = extract();
  assert.ok(found.length > 250, `only ${found.length} patterns found`);
  const failed: string[] = [];
  const unprotected: string[] = [];
  for (const f of found) {
    try {
      const c = compileRx(f.pattern, f.ruleId);
      if (!c.protected) unprotected.push(`${f.where} (rule ${f.ruleId})`);
    } catch (e) {
      if (!(e instanceof OperatorError)) throw e;
      failed.push(`${f.where} (rule ${f.ruleId}): ${e.message}`);
    }
  }
  assert.deepEqual(failed, [], `patterns that do not compile:\n${failed.join('\n')}`);
  assert.deepEqual(unprotected, [], `patterns without ReDoS protection:\n${unprotected.join('\n')}`);
});
