/**
 * Scores the held-out corpus (holdout/data, written independently of the rules) against
 * the default WAF (CRS v4 PL1 + LLM rules) and prints the same Markdown report as
 * ../measure.ts. PORTCULLIS_CRS_DIR picks another CRS rules folder; PL sets the paranoia
 * level; PORTCULLIS_WAF_HOLDOUT_DIR points at another copy of the data.
 *
 *   npx tsc -p tsconfig.json && node dist/test/waf/corpus/holdout/measure.js
 */
import { CRS_V4_RULES } from '../../crs-dirs.js';
import { loadCorpus } from '../load.js';
import { formatReport, scoreCorpus } from '../score.js';
import { createCorpusWaf, defaultWafConfig } from '../run-waf.js';
import { holdoutDataDir } from './load.js';

const dir = process.env['PORTCULLIS_CRS_DIR'] ?? CRS_V4_RULES;
const pl = Number(process.env['PL'] ?? 1);
const promptAware = process.env['PROMPT_AWARE'] !== '0';
const { run, provisioned } = await createCorpusWaf(defaultWafConfig(dir, pl, { promptAware }));
const cases = loadCorpus({ dir: holdoutDataDir() });
const t0 = performance.now();
const report = await scoreCorpus(cases, run);
const ms = performance.now() - t0;
process.stdout.write(formatReport(report, { title: `held-out corpus: OWASP CRS ${provisioned.ruleSet?.crs?.version ?? '?'} PL${pl} + LLM rules` }));
process.stdout.write(`\n${cases.length} cases in ${Math.round(ms)} ms\n`);
