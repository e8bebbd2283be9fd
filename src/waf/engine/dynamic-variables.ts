/** Variables whose value changes while rules run; the transaction (transaction.ts) serves them. */
export const STORE_COLLECTIONS: ReadonlySet<string> = new Set(['TX', 'IP', 'GLOBAL', 'SESSION', 'USER', 'RESOURCE']);

export const DYNAMIC_VARIABLES: ReadonlySet<string> = new Set([
  ...STORE_COLLECTIONS, 'MATCHED_VAR', 'MATCHED_VAR_NAME', 'MATCHED_VARS', 'MATCHED_VARS_NAMES', 'HIGHEST_SEVERITY',
]);
