/**
 * Typed AST of a SecLang rule set. Produced by `parser.ts`, never evaluated here.
 * Every node carries the file and the first line of its directive, so a later engine can
 * report any problem at the place it was written.
 */

export interface Position {
  readonly file: string;
  /** 1-based line of the directive's first physical line. */
  readonly line: number;
}

/** One target of a rule: `ARGS`, `!REQUEST_COOKIES:/__utm/`, `&TX:foo`, `XML:/*`. */
export interface VariableSpec {
  /** Collection or variable name, upper-case as in SecLang (`ARGS`, `REQUEST_HEADERS`, `TX`). */
  readonly collection: string;
  /** `&` prefix: the rule inspects the number of matching members, not their values. */
  readonly count: boolean;
  /** `!` prefix: removes the selected members from the rule's targets. */
  readonly exclude: boolean;
  /**
   * `null` for the whole collection. `key` is a literal member name (case as written; for
   * `XML` it is the XPath expression, e.g. `/*`). `regex` is the pattern between `/.../`,
   * backslashes kept.
   */
  readonly selector: null | { readonly kind: 'key'; readonly value: string } | { readonly kind: 'regex'; readonly pattern: string };
}

export interface OperatorSpec {
  /** Canonical operator name without `@` (`rx`, `pmFromFile`, `detectSQLi`). Missing `@op` → `rx`. */
  readonly name: string;
  /** Everything after the operator name and its blank, unexpanded (may hold `%{tx.x}` macros). */
  readonly argument: string;
  /** `!@op`: the rule matches when the operator does not. */
  readonly negated: boolean;
}

export interface ActionSpec {
  /** Canonical action name (`t`, `setvar`, `ctl`, `skipAfter`, `chain`). */
  readonly name: string;
  /** Text after the first `:`, single quotes removed and `\'` `\\` unescaped; `null` when absent. */
  readonly value: string | null;
}

/** One id or an inclusive range `from-to`; a single id has `from === to`. */
export interface IdRange {
  readonly from: number;
  readonly to: number;
}

/** `SecRule VARIABLES "OPERATOR" "ACTIONS"`; `chained` is the rule its `chain` action links to. */
export interface RuleAst extends Position {
  readonly kind: 'SecRule';
  /** Value of the `id` action; `null` on chained (non-starter) rules. */
  readonly id: string | null;
  readonly variables: readonly VariableSpec[];
  readonly operator: OperatorSpec;
  readonly actions: readonly ActionSpec[];
  chained: RuleAst | null;
}

export interface SecActionDirective extends Position {
  readonly kind: 'SecAction';
  readonly id: string | null;
  readonly actions: readonly ActionSpec[];
}

export interface SecMarkerDirective extends Position {
  readonly kind: 'SecMarker';
  readonly name: string;
}

export interface SecDefaultActionDirective extends Position {
  readonly kind: 'SecDefaultAction';
  readonly actions: readonly ActionSpec[];
}

export interface SecRuleRemoveByIdDirective extends Position {
  readonly kind: 'SecRuleRemoveById';
  readonly ids: readonly IdRange[];
}

/** ModSecurity v2 matches `tag` as a regex against each tag; Coraza compares it as a string. */
export interface SecRuleRemoveByTagDirective extends Position {
  readonly kind: 'SecRuleRemoveByTag';
  readonly tag: string;
}

/** ModSecurity v2 matches `msg` as a regex against each rule's msg; Coraza as a string. */
export interface SecRuleRemoveByMsgDirective extends Position {
  readonly kind: 'SecRuleRemoveByMsg';
  readonly msg: string;
}

interface TargetUpdate extends Position {
  /** Targets to add, or with `exclude` to remove (`!ARGS:foo`). */
  readonly targets: readonly VariableSpec[];
  /** Optional third argument: the existing target that `targets` replaces. */
  readonly replaced: VariableSpec | null;
}

export interface SecRuleUpdateTargetByIdDirective extends TargetUpdate {
  readonly kind: 'SecRuleUpdateTargetById';
  readonly ids: readonly IdRange[];
}

export interface SecRuleUpdateTargetByTagDirective extends TargetUpdate {
  readonly kind: 'SecRuleUpdateTargetByTag';
  readonly tag: string;
}

export interface SecRuleUpdateTargetByMsgDirective extends TargetUpdate {
  readonly kind: 'SecRuleUpdateTargetByMsg';
  readonly msg: string;
}

/** Shown (commented out) in CRS `crs-setup.conf` and the 900/999 example files. */
export interface SecRuleUpdateActionByIdDirective extends Position {
  readonly kind: 'SecRuleUpdateActionById';
  readonly id: number;
  readonly actions: readonly ActionSpec[];
}

export interface IncludeDirective extends Position {
  readonly kind: 'Include';
  /** Path or glob as written; relative paths resolve against the including file's folder. */
  readonly pattern: string;
  /** Absolute files the pattern matched, in lexical order; empty until `loadRuleFiles` resolves it. */
  readonly resolved: readonly string[];
}

export interface SecComponentSignatureDirective extends Position {
  readonly kind: 'SecComponentSignature';
  readonly signature: string;
}

/** `SecCollectionTimeout 600` (CRS 3.3 `crs-setup.conf`): seconds persistent collections live. */
export interface SecCollectionTimeoutDirective extends Position {
  readonly kind: 'SecCollectionTimeout';
  readonly seconds: number;
}

export interface SecRuleEngineDirective extends Position {
  readonly kind: 'SecRuleEngine';
  readonly mode: 'On' | 'Off' | 'DetectionOnly';
}

export interface SecBodyAccessDirective extends Position {
  readonly kind: 'SecRequestBodyAccess' | 'SecResponseBodyAccess';
  readonly enabled: boolean;
}

/** `SecGeoLookupDb` / `SecHttpBlKey`: shown commented out in CRS `crs-setup.conf`. */
export interface SecValueDirective extends Position {
  readonly kind: 'SecGeoLookupDb' | 'SecHttpBlKey';
  readonly value: string;
}

export type Directive =
  | RuleAst
  | SecActionDirective
  | SecMarkerDirective
  | SecDefaultActionDirective
  | SecRuleRemoveByIdDirective
  | SecRuleRemoveByTagDirective
  | SecRuleRemoveByMsgDirective
  | SecRuleUpdateTargetByIdDirective
  | SecRuleUpdateTargetByTagDirective
  | SecRuleUpdateTargetByMsgDirective
  | SecRuleUpdateActionByIdDirective
  | IncludeDirective
  | SecComponentSignatureDirective
  | SecCollectionTimeoutDirective
  | SecRuleEngineDirective
  | SecBodyAccessDirective
  | SecValueDirective;

export type DirectiveKind = Directive['kind'];
