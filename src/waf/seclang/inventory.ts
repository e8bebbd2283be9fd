/**
 * The SecLang names the front end knows of, and what a parsed rule set uses.
 *
 * The KNOWN_* lists are the names ModSecurity v2 (Reference Manual, v2.9) and Coraza v3
 * define, so the parser can tell a typo (load error) from a real name a later engine may not
 * implement yet (that engine compares `inventory()` with its registries and reports by rule id).
 * SecLang matches directive, operator, action, transformation and variable names without regard
 * to case; the spelling here is the canonical one the AST carries.
 */
import type { ActionSpec, Directive, RuleAst, VariableSpec } from './ast.js';

/** Directives the parser turns into AST nodes (see `ast.ts`). */
export const MODELED_DIRECTIVES = [
  'SecRule', 'SecAction', 'SecMarker', 'SecDefaultAction',
  'SecRuleRemoveById', 'SecRuleRemoveByTag', 'SecRuleRemoveByMsg',
  'SecRuleUpdateTargetById', 'SecRuleUpdateTargetByTag', 'SecRuleUpdateTargetByMsg',
  'SecRuleUpdateActionById', 'Include',
  'SecComponentSignature', 'SecCollectionTimeout', 'SecRuleEngine',
  'SecRequestBodyAccess', 'SecResponseBodyAccess', 'SecGeoLookupDb', 'SecHttpBlKey',
] as const;

/** Every directive of ModSecurity v2 and Coraza; those not modeled are `unsupported_directive`. */
export const KNOWN_DIRECTIVES = [
  ...MODELED_DIRECTIVES,
  'SecArgumentSeparator', 'SecArgumentsLimit', 'SecAuditEngine', 'SecAuditLog', 'SecAuditLog2',
  'SecAuditLogDirMode', 'SecAuditLogFileMode', 'SecAuditLogFormat', 'SecAuditLogParts',
  'SecAuditLogRelevantStatus', 'SecAuditLogStorageDir', 'SecAuditLogType', 'SecCacheTransformations',
  'SecChrootDir', 'SecConnEngine', 'SecConnReadStateLimit', 'SecConnWriteStateLimit',
  'SecContentInjection', 'SecCookieFormat', 'SecCookieV0Separator', 'SecDataDir', 'SecDataset',
  'SecDebugLog', 'SecDebugLogLevel', 'SecDisableBackendCompression', 'SecGsbLookupDb',
  'SecGuardianLog', 'SecHashEngine', 'SecHashKey', 'SecHashMethodPm', 'SecHashMethodRx',
  'SecHashParam', 'SecIgnoreRuleCompilationErrors', 'SecInterceptOnError', 'SecPcreMatchLimit',
  'SecPcreMatchLimitRecursion', 'SecReadStateLimit', 'SecRemoteRules', 'SecRemoteRulesFailAction',
  'SecRequestBodyInMemoryLimit', 'SecRequestBodyJsonDepthLimit', 'SecRequestBodyLimit',
  'SecRequestBodyLimitAction', 'SecRequestBodyNoFilesLimit', 'SecResponseBodyLimit',
  'SecResponseBodyLimitAction', 'SecResponseBodyMimeType', 'SecResponseBodyMimeTypesClear',
  'SecRuleInheritance', 'SecRulePerfTime', 'SecRuleScript', 'SecSensorId', 'SecServerSignature',
  'SecStatusEngine', 'SecStreamInBodyInspection', 'SecStreamOutBodyInspection', 'SecTmpDir',
  'SecTmpSaveUploadedFiles', 'SecUnicodeCodePage', 'SecUnicodeMapFile', 'SecUploadDir',
  'SecUploadFileLimit', 'SecUploadFileMode', 'SecUploadKeepFiles', 'SecWebAppId',
  'SecWriteStateLimit', 'SecXmlExternalEntity',
] as const;

/** Variables and collections (ModSecurity v2 Reference Manual "Variables", plus Coraza's). */
export const KNOWN_VARIABLES = [
  'ARGS', 'ARGS_COMBINED_SIZE', 'ARGS_GET', 'ARGS_GET_NAMES', 'ARGS_NAMES', 'ARGS_POST',
  'ARGS_POST_NAMES', 'AUTH_TYPE', 'DURATION', 'ENV', 'FILES', 'FILES_COMBINED_SIZE', 'FILES_NAMES',
  'FILES_SIZES', 'FILES_TMPNAMES', 'FILES_TMP_CONTENT', 'FULL_REQUEST', 'FULL_REQUEST_LENGTH', 'GEO',
  'GLOBAL', 'HIGHEST_SEVERITY', 'INBOUND_DATA_ERROR', 'IP', 'MATCHED_VAR', 'MATCHED_VARS',
  'MATCHED_VAR_NAME', 'MATCHED_VARS_NAMES', 'MODSEC_BUILD', 'MSC_PCRE_LIMITS_EXCEEDED',
  'MULTIPART_BOUNDARY_QUOTED', 'MULTIPART_BOUNDARY_WHITESPACE', 'MULTIPART_CRLF_LF_LINES',
  'MULTIPART_DATA_AFTER', 'MULTIPART_DATA_BEFORE', 'MULTIPART_FILENAME', 'MULTIPART_FILE_LIMIT_EXCEEDED',
  'MULTIPART_HEADER_FOLDING', 'MULTIPART_INVALID_HEADER_FOLDING', 'MULTIPART_INVALID_PART',
  'MULTIPART_INVALID_QUOTING', 'MULTIPART_LF_LINE', 'MULTIPART_MISSING_SEMICOLON', 'MULTIPART_NAME',
  'MULTIPART_PART_HEADERS', 'MULTIPART_SEMICOLON_MISSING', 'MULTIPART_STRICT_ERROR',
  'MULTIPART_UNMATCHED_BOUNDARY', 'OUTBOUND_DATA_ERROR', 'PATH_INFO', 'PERF_ALL', 'PERF_COMBINED',
  'PERF_GC', 'PERF_LOGGING', 'PERF_PHASE1', 'PERF_PHASE2', 'PERF_PHASE3', 'PERF_PHASE4', 'PERF_PHASE5',
  'PERF_RULES', 'PERF_SREAD', 'PERF_SWRITE', 'QUERY_STRING', 'REMOTE_ADDR', 'REMOTE_HOST',
  'REMOTE_PORT', 'REMOTE_USER', 'REQBODY_ERROR', 'REQBODY_ERROR_MSG', 'REQBODY_PROCESSOR',
  'REQBODY_PROCESSOR_ERROR', 'REQBODY_PROCESSOR_ERROR_MSG', 'REQUEST_BASENAME', 'REQUEST_BODY',
  'REQUEST_BODY_LENGTH', 'REQUEST_COOKIES', 'REQUEST_COOKIES_NAMES', 'REQUEST_FILENAME',
  'REQUEST_HEADERS', 'REQUEST_HEADERS_NAMES', 'REQUEST_LINE', 'REQUEST_METHOD', 'REQUEST_PROTOCOL',
  'REQUEST_URI', 'REQUEST_URI_RAW', 'REQUEST_XML', 'RESOURCE', 'RESPONSE_ARGS', 'RESPONSE_BODY',
  'RESPONSE_CONTENT_LENGTH', 'RESPONSE_CONTENT_TYPE', 'RESPONSE_HEADERS', 'RESPONSE_HEADERS_NAMES',
  'RESPONSE_PROTOCOL', 'RESPONSE_STATUS', 'RESPONSE_XML', 'RES_BODY_ERROR', 'RES_BODY_ERROR_MSG',
  'RES_BODY_PROCESSOR', 'RULE', 'SCRIPT_BASENAME', 'SCRIPT_FILENAME', 'SCRIPT_GID',
  'SCRIPT_GROUPNAME', 'SCRIPT_MODE', 'SCRIPT_UID', 'SCRIPT_USERNAME', 'SDBM_DELETE_ERROR',
  'SERVER_ADDR', 'SERVER_NAME', 'SERVER_PORT', 'SESSION', 'SESSIONID', 'STATUS_LINE',
  'STREAM_INPUT_BODY', 'STREAM_OUTPUT_BODY', 'TIME', 'TIME_DAY', 'TIME_EPOCH', 'TIME_HOUR',
  'TIME_MIN', 'TIME_MON', 'TIME_SEC', 'TIME_WDAY', 'TIME_YEAR', 'TX', 'UNIQUE_ID', 'URLENCODED_ERROR',
  'USER', 'USERAGENT_IP', 'USERID', 'WEBAPPID', 'WEBSERVER_ERROR_LOG', 'XML',
] as const;

/** Operators (ModSecurity v2 "Operators", plus v3/Coraza `rxGlobal`, `verifySVNR`). */
export const KNOWN_OPERATORS = [
  'beginsWith', 'contains', 'containsWord', 'detectSQLi', 'detectXSS', 'endsWith', 'eq', 'fuzzyHash',
  'ge', 'geoLookup', 'gsbLookup', 'gt', 'inspectFile', 'ipMatch', 'ipMatchF', 'ipMatchFromFile', 'le',
  'lt', 'noMatch', 'pm', 'pmf', 'pmFromFile', 'rbl', 'rsub', 'rx', 'rxGlobal', 'streq', 'strmatch',
  'unconditionalMatch', 'validateByteRange', 'validateDTD', 'validateHash', 'validateSchema',
  'validateUrlEncoding', 'validateUtf8Encoding', 'verifyCC', 'verifyCPF', 'verifySSN', 'verifySVNR',
  'within',
] as const;

/** Actions (ModSecurity v2 "Actions"); `t` is the transformation action. */
export const KNOWN_ACTIONS = [
  'accuracy', 'allow', 'append', 'auditlog', 'block', 'capture', 'chain', 'ctl', 'deny', 'deprecatevar',
  'drop', 'exec', 'expirevar', 'id', 'initcol', 'log', 'logdata', 'maturity', 'msg', 'multiMatch',
  'noauditlog', 'nolog', 'pass', 'pause', 'phase', 'prepend', 'proxy', 'redirect', 'rev',
  'sanitiseArg', 'sanitiseMatched', 'sanitiseMatchedBytes', 'sanitiseRequestHeader',
  'sanitiseResponseHeader', 'setenv', 'setrsc', 'setsid', 'setuid', 'setvar', 'severity', 'skip',
  'skipAfter', 'status', 't', 'tag', 'ver', 'xmlns',
] as const;

/** Transformations (ModSecurity v2 "Transformation functions", plus Coraza's spellings). */
export const KNOWN_TRANSFORMATIONS = [
  'base64Decode', 'base64DecodeExt', 'base64Encode', 'cmdLine', 'compressWhitespace', 'cssDecode',
  'escapeSeqDecode', 'hexDecode', 'hexEncode', 'htmlEntityDecode', 'jsDecode', 'length', 'lowercase',
  'md5', 'none', 'normalisePath', 'normalisePathWin', 'normalizePath', 'normalizePathWin',
  'parityEven7bit', 'parityOdd7bit', 'parityZero7bit', 'removeComments', 'removeCommentsChar',
  'removeNulls', 'removeWhitespace', 'replaceComments', 'replaceNulls', 'sha1', 'sqlHexDecode',
  'trim', 'trimLeft', 'trimRight', 'uppercase', 'urlDecode', 'urlDecodeUni', 'urlEncode',
  'utf8toUnicode',
] as const;

/** `ctl:` options (ModSecurity v2 "ctl", plus Coraza `responseBodyProcessor`, v3 `parseXmlIntoArgs`). */
export const KNOWN_CTL_OPTIONS = [
  'auditEngine', 'auditLogParts', 'debugLogLevel', 'forceRequestBodyVariable', 'hashEnforcement',
  'hashEngine', 'parseXmlIntoArgs', 'requestBodyAccess', 'requestBodyLimit', 'requestBodyProcessor',
  'responseBodyAccess', 'responseBodyLimit', 'responseBodyProcessor', 'ruleEngine', 'ruleRemoveById',
  'ruleRemoveByMsg', 'ruleRemoveByTag', 'ruleRemoveTargetById', 'ruleRemoveTargetByMsg',
  'ruleRemoveTargetByTag',
] as const;

/** Lower-case name → canonical spelling, built once at load. */
function canonicalMap(names: readonly string[]): ReadonlyMap<string, string> {
  const map = new Map<string, string>();
  for (const name of names) {
    const key = name.toLowerCase();
    if (map.has(key)) throw new Error(`duplicate SecLang name ${name}`);
    map.set(key, name);
  }
  return map;
}

export const DIRECTIVE_NAMES = canonicalMap(KNOWN_DIRECTIVES);
export const MODELED_DIRECTIVE_NAMES: ReadonlySet<string> = new Set(MODELED_DIRECTIVES);
export const VARIABLE_NAMES = canonicalMap(KNOWN_VARIABLES);
export const OPERATOR_NAMES = canonicalMap(KNOWN_OPERATORS);
export const ACTION_NAMES = canonicalMap(KNOWN_ACTIONS);
export const TRANSFORMATION_NAMES = canonicalMap(KNOWN_TRANSFORMATIONS);
export const CTL_OPTION_NAMES = canonicalMap(KNOWN_CTL_OPTIONS);

/** Names a rule set uses, each with how many times. Keys are canonical spellings. */
export interface Inventory {
  readonly directives: Map<string, number>;
  readonly variables: Map<string, number>;
  readonly operators: Map<string, number>;
  readonly actions: Map<string, number>;
  readonly transformations: Map<string, number>;
  readonly ctlOptions: Map<string, number>;
}

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/**
 * Counts what `directives` use. Chained rules count as rules of their own (`SecRule` counts
 * every link of a chain). Variables include `SecRuleUpdateTarget*` targets.
 */
export function inventory(directives: readonly Directive[]): Inventory {
  const inv: Inventory = {
    directives: new Map(),
    variables: new Map(),
    operators: new Map(),
    actions: new Map(),
    transformations: new Map(),
    ctlOptions: new Map(),
  };
  const countActions = (actions: readonly ActionSpec[]): void => {
    for (const action of actions) {
      bump(inv.actions, action.name);
      if (action.value === null) continue;
      if (action.name === 't') bump(inv.transformations, TRANSFORMATION_NAMES.get(action.value.toLowerCase()) ?? action.value);
      if (action.name === 'ctl') {
        const option = action.value.split('=', 1)[0]!.trim();
        bump(inv.ctlOptions, CTL_OPTION_NAMES.get(option.toLowerCase()) ?? option);
      }
    }
  };
  const countVariables = (variables: readonly VariableSpec[]): void => {
    for (const v of variables) bump(inv.variables, v.collection);
  };
  for (const d of directives) {
    switch (d.kind) {
      case 'SecRule': {
        for (let rule: RuleAst | null = d; rule !== null; rule = rule.chained) {
          bump(inv.directives, 'SecRule');
          countVariables(rule.variables);
          bump(inv.operators, rule.operator.name);
          countActions(rule.actions);
        }
        break;
      }
      case 'SecAction':
      case 'SecDefaultAction':
      case 'SecRuleUpdateActionById':
        bump(inv.directives, d.kind);
        countActions(d.actions);
        break;
      case 'SecRuleUpdateTargetById':
      case 'SecRuleUpdateTargetByTag':
      case 'SecRuleUpdateTargetByMsg':
        bump(inv.directives, d.kind);
        countVariables(d.targets);
        if (d.replaced !== null) countVariables([d.replaced]);
        break;
      default:
        bump(inv.directives, d.kind);
    }
  }
  return inv;
}
