/**
 * A configuration problem, always named by its place in the file
 * (`listeners[0].tls.cert: file not found`) so an operator can fix it without guessing.
 */
export class ConfigError extends Error {
  readonly code = 'PCS_ERR_CONFIG';
  readonly path: string;
  readonly problem: string;
  constructor(path: string, problem: string) {
    super(path === '' ? problem : `${path}: ${problem}`);
    this.name = 'ConfigError';
    this.path = path;
    this.problem = problem;
  }
}

/** Several problems found at once: validation reports all of them, not the first. */
export class ConfigErrors extends Error {
  readonly code = 'PCS_ERR_CONFIG';
  readonly errors: readonly ConfigError[];
  constructor(errors: readonly ConfigError[]) {
    super(errors.map((e) => e.message).join('\n'));
    this.name = 'ConfigErrors';
    this.errors = errors;
  }
}
