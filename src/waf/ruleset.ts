/**
 * Builds the compiled rule set the gateway runs: generated CRS setup, the operator's own
 * rules, the CRS rule files, then the config's removals and exclusions — in that order,
 * because SecLang removals apply to rules already loaded.
 */
import { loadRuleFiles, parseRules } from './seclang/parser.js';
import type { Directive } from './seclang/ast.js';
import type { SecLangError } from './seclang/errors.js';
import { compileRuleSet, type CompiledRuleSet } from './engine/compile.js';
import { crsSetupText } from './crs/crs-setup.js';
import { detectCrsVersion, type CrsMajor } from './crs/crs-version.js';

export interface CrsSource {
  readonly rulesDir: string;
  /** Globs inside rulesDir; default the request-phase files (responses are streamed, not inspected). */
  readonly files: readonly string[];
  readonly paranoiaLevel: number;
  readonly detectionParanoiaLevel: number;
  readonly inboundAnomalyThreshold: number;
  readonly allowedMethods: readonly string[];
}

export interface RuleExclusion {
  /** Rule ids or ranges (`942100`, `942100-942199`); empty with no tags means every rule. */
  readonly rules: readonly string[];
  readonly tags: readonly string[];
  /** `ARGS:json.user`, `REQUEST_HEADERS:x-custom`, `REQUEST_COOKIES:/^_ga/`. */
  readonly target: string;
}

export interface RuleSetOptions {
  readonly crs: CrsSource | null;
  /** Operator rule files (paths or globs, relative to baseDir), loaded before the CRS. */
  readonly customFiles: readonly string[];
  readonly customText: string;
  readonly baseDir: string;
  readonly disabledRules: readonly string[];
  readonly disabledTags: readonly string[];
  readonly exclusions: readonly RuleExclusion[];
  readonly promptExemptTags: readonly string[];
  /** See CompileOptions.allHeadersExcept. */
  readonly allHeadersExcept: readonly string[] | null;
  /** See CompileOptions.foldConstants (tests compare with it off). */
  readonly foldConstants?: boolean;
}

export interface LoadedRuleSet extends CompiledRuleSet {
  readonly crs: { readonly major: CrsMajor; readonly version: string } | null;
  /** Rule files read, in order. */
  readonly files: readonly string[];
}

export function loadRuleSet(opts: RuleSetOptions): LoadedRuleSet {
  const directives: Directive[] = [];
  const errors: SecLangError[] = [];
  const files: string[] = [];
  const addText = (text: string, name: string): void => {
    if (text.trim() === '') return;
    const r = parseRules(text, name);
    directives.push(...r.directives);
    errors.push(...r.errors);
  };
  const addFiles = (patterns: readonly string[], baseDir: string): void => {
    if (patterns.length === 0) return;
    const r = loadRuleFiles(patterns, { baseDir });
    directives.push(...r.directives);
    errors.push(...r.errors);
    files.push(...r.files);
  };

  let crs: LoadedRuleSet['crs'] = null;
  if (opts.crs !== null) {
    crs = detectCrsVersion(opts.crs.rulesDir);
    addText(crsSetupText({ ...opts.crs, ...crs }), '<waf.crs setup>');
  }
  addFiles(opts.customFiles, opts.baseDir);
  addText(opts.customText, '<waf.customRulesText>');
  if (opts.crs !== null) addFiles(opts.crs.files, opts.crs.rulesDir);
  addText(overridesText(opts), '<waf.crs overrides>');
  const compiled = compileRuleSet(directives, errors, { promptExemptTags: opts.promptExemptTags, allHeadersExcept: opts.allHeadersExcept, foldConstants: opts.foldConstants ?? true });
  return { ...compiled, crs, files };
}

/** The config's removals and exclusions as SecLang, so they go through the same parser and checks. */
function overridesText(opts: RuleSetOptions): string {
  const out: string[] = [];
  if (opts.disabledRules.length > 0) out.push(`SecRuleRemoveById ${opts.disabledRules.join(' ')}`);
  for (const t of opts.disabledTags) out.push(`SecRuleRemoveByTag "${t}"`);
  for (const x of opts.exclusions) {
    const target = `"!${x.target}"`;
    if (x.rules.length === 0 && x.tags.length === 0) out.push(`SecRuleUpdateTargetById 1-2147483647 ${target}`);
    for (const r of x.rules) out.push(`SecRuleUpdateTargetById ${r} ${target}`);
    for (const t of x.tags) out.push(`SecRuleUpdateTargetByTag "${t}" ${target}`);
  }
  return out.join('\n');
}
