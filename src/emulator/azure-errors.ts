/**
 * Every error the emulator answers with, in one table keyed by a stable snake_case name.
 * Bodies use Azure OpenAI's `{"error":{"code","message"}}` shape so that the gateway and the
 * `openai` SDK see exactly what a real deployment would send them.
 */
export const EMULATOR_ERRORS = {
  /** Azure's front end answers `/` and every unknown path this way; the seed-000 health probe expects 404. */
  not_found: { status: 404, code: '404', message: 'Resource not found' },
  /** Text copied from Azure OpenAI's answer to a wrong or missing key. */
  unauthorized: {
    status: 401,
    code: '401',
    message:
      'Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.',
  },
  /** Deployment-scoped routes cannot be served without `?api-version=`. */
  missing_api_version: {
    status: 400,
    code: 'MissingApiVersionParameter',
    message: 'The api-version query parameter (?api-version=) is required for all requests.',
  },
  /** The body is not JSON, or not a JSON object. */
  invalid_json: {
    status: 400,
    code: 'BadRequest',
    message: 'We could not parse the JSON body of your request. The API expects a JSON payload.',
  },
  /** A field is missing or has the wrong type; the message names the field. */
  invalid_request: { status: 400, code: 'BadRequest', message: 'Invalid request.' },
  /** A feature real Azure has but this emulator does not implement. */
  unsupported: { status: 400, code: 'OperationNotSupported', message: 'This operation is not supported by the emulator.' },
  /** The request body exceeds the emulator's cap. */
  body_too_large: { status: 413, code: 'RequestEntityTooLarge', message: 'The request body is too large.' },
  /** Injected 429; the wording follows Azure's token-rate-limit answer. */
  rate_limited: {
    status: 429,
    code: '429',
    message:
      'Requests to the ChatCompletions_Create Operation under Azure OpenAI API have exceeded token rate limit of your current OpenAI S0 pricing tier. Please retry after the time given in the retry-after header.',
  },
  /** Injected 500, or a bug in the emulator; never carries a stack trace. */
  internal_error: {
    status: 500,
    code: 'InternalServerError',
    message: 'Backend returned unexpected response. Please contact Microsoft for help.',
  },
} as const satisfies Record<string, { status: number; code: string; message: string }>;

export type EmulatorErrorName = keyof typeof EMULATOR_ERRORS;

/** Thrown by request handlers; the server turns it into an Azure-shaped error response. */
export class EmulatorError extends Error {
  readonly errorName: EmulatorErrorName;
  readonly status: number;
  readonly code: string;
  /** The request field at fault, as OpenAI reports it in `error.param`; null when none. */
  readonly param: string | null;

  constructor(errorName: EmulatorErrorName, message?: string, param?: string) {
    const entry = EMULATOR_ERRORS[errorName];
    super(message ?? entry.message);
    this.name = 'EmulatorError';
    this.errorName = errorName;
    this.status = entry.status;
    this.code = entry.code;
    this.param = param ?? null;
  }
}

export interface AzureErrorBody {
  error: { code: string; message: string; param?: string | null; type?: string };
}

export function errorBody(err: EmulatorError): AzureErrorBody {
  if (err.status === 400) {
    // Validation errors from Azure OpenAI carry OpenAI's `type` and `param` fields too.
    return { error: { code: err.code, message: err.message, param: err.param, type: 'invalid_request_error' } };
  }
  return { error: { code: err.code, message: err.message } };
}
