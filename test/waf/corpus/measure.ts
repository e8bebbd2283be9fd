/**
 * `npm run waf:corpus`: scores the whole corpus against the default WAF (CRS v4 PL1 +
 * LLM rules) and prints the Markdown report the README quotes.
 * PORTCULLIS_CRS_DIR picks another CRS rules folder; PL sets the paranoia level;
 * PROMPT_AWARE=0 lets the CRS score prompt fields too (for comparison).
 */
import { CRS_V4_RULES } from '../crs-dirs.js';
import { loadCorpus } from './load.js';
import { formatReport, scoreCorpus } from './score.js';
import { createCorpusWaf, defaultWafConfig } from './run-waf.js';

const dir = process.env['PORTCULLIS_CRS_DIR'] ?? CRS_V4_RULES;
const pl = Number(process.env['PL'] ?? 1);
const promptAware = process.env['PROMPT_AWARE'] !== '0';
const { run, provisioned } = await createCorpusWaf(defaultWafConfig(dir, pl, { promptAware }));
const cases = loadCorpus();
const t0 = performance.now();
const report = await scoreCorpus(cases, run);
const ms = performance.now() - t0;
process.stdout.write(formatReport(report, { title: `WAF corpus: OWASP CRS ${provisioned.ruleSet?.crs?.version ?? '?'} PL${pl} + LLM rules${promptAware ? '' : ', CRS scoring prompts'}` }));
process.stdout.write(`\n${cases.length} cases in ${Math.round(ms)} ms\n`);
