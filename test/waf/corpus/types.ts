/**
 * Shape of the WAF measurement corpus (data/*.json) and the closed list of its categories.
 *
 * A case is one HTTP request as a client would send it to the gateway, plus what the WAF
 * should do with it. The family (first segment of the category) fixes the expectation:
 *
 *   benign.*     allow   nothing may block or redact it (a log-only finding is fine)
 *   web.*        block   an OWASP CRS attack, placed only where the category says
 *   secret.*     detect  a credential or personal datum inside a prompt; any finding counts
 *   injection.*  block   a prompt-injection attempt (direct, or indirect in tool output/documents)
 *   ssrf.*       block   a URL field (image_url, file_url, MCP server_url) aimed at an internal address
 */

export type Expect = 'allow' | 'block' | 'redact' | 'detect';

export const EXPECTS: readonly Expect[] = ['allow', 'block', 'redact', 'detect'];

export type Family = 'benign' | 'web' | 'secret' | 'injection' | 'ssrf';

export const FAMILIES: readonly Family[] = ['benign', 'web', 'secret', 'injection', 'ssrf'];

export interface CorpusCase {
  /** `<category with '.'→'-'>-NNNN`, unique across the corpus (`benign-code-0001`). */
  readonly id: string;
  /** One of CATEGORIES (`benign.code`, `web.sqli.query`, `secret.iban`, …). */
  readonly category: string;
  readonly expect: Expect;
  readonly method: string;
  /** Request target as sent: path and query, already percent-encoded as the client sends it. */
  readonly path: string;
  /**
   * Header names in lower case. `host` is always present; `content-length` is not (the
   * runner derives it from the serialised body: see `toWireRequest` in load.ts).
   */
  readonly headers: Readonly<Record<string, string>>;
  /**
   * A JSON value is sent as `JSON.stringify(body)`; a string is sent verbatim; null means
   * no body. JSON objects may carry an own `__proto__` key (web.nodejs): JSON.parse keeps it
   * as data, so never rebuild bodies with object spread into a literal.
   */
  readonly body: unknown;
  readonly note?: string;
  /** Free labels: `lang:de`, `multilingual`, `placeholder_pii`, `needs_dns`, `hard_negative`, `in:tool_result` … */
  readonly tags?: readonly string[];
  /**
   * secret.* only: the exact planted value (as it appears in the prompt text), so the
   * corpus test can check it (Luhn, mod-97, checksums) and a runner can check redaction.
   */
  readonly planted?: string;
}

export interface CategoryInfo {
  readonly description: string;
  /** The corpus test fails below this many cases. */
  readonly min: number;
}

const c = (description: string, min: number): CategoryInfo => ({ description, min });

/** Every category the corpus may use. Adding one here is the only way to add one. */
export const CATEGORIES: Readonly<Record<string, CategoryInfo>> = {
  'benign.prose': c('Everyday requests in English, German, French, Spanish, Chinese, Japanese, Arabic, Russian', 90),
  'benign.code': c('Code review, debugging and generation in Python/JS/TS/Go/Rust/Java/C#/C', 70),
  'benign.sql': c('SQL questions and queries inside prompts (UNION, DROP TABLE in migrations, OR 1=1 discussed)', 45),
  'benign.shell': c('Shell, PowerShell and ops questions (cat /etc/passwd in a lesson, curl | sh in docs)', 45),
  'benign.html': c('HTML/JS/CSS snippets and markdown with links inside prompts', 45),
  'benign.data_url': c('Images, PDFs and audio sent inline as base64 data URLs', 25),
  'benign.url_fields': c('Public https URLs in image_url / file_url / MCP server_url', 15),
  'benign.tools': c('Tool schemas, model tool calls and tool results carrying JSON/HTML/SQL', 55),
  'benign.long_document': c('Summarise or analyse a 20–150 KB document (contract, logs, CSV, spec)', 12),
  'benign.security_discussion': c('Security education in the abstract: prompt injection, XSS, SQLi, SSRF explained', 45),
  'benign.headers': c('Ordinary SDK/tooling headers: user-agents, x-stainless-*, traceparent, cookies, Entra bearer', 55),
  'benign.ordinary_fields': c('Non-prompt fields: user ids, metadata, seed, stop, logit_bias, response_format …', 55),

  'web.sqli.query': c('SQL injection in the query string', 30),
  'web.sqli.header': c('SQL injection in User-Agent, Referer, Cookie, X-Forwarded-For', 15),
  'web.sqli.json_field': c('SQL injection in non-prompt JSON fields (user, metadata.*, model, keys)', 20),
  'web.xss.query': c('XSS in the query string', 12),
  'web.xss.header': c('XSS in Referer, User-Agent, Cookie', 8),
  'web.xss.json_field': c('XSS in non-prompt JSON fields', 12),
  'web.rce.query': c('OS command injection in the query string', 12),
  'web.rce.header': c('Shellshock, Log4Shell and command injection in headers', 12),
  'web.rce.json_field': c('OS command injection in non-prompt JSON fields', 10),
  'web.lfi.query': c('Path traversal / local file inclusion in the query string (encoded variants)', 12),
  'web.lfi.path': c('Path traversal in the request path itself', 6),
  'web.lfi.json_field': c('Path traversal in non-prompt JSON fields', 8),
  'web.rfi': c('Remote file inclusion in query or non-prompt fields', 10),
  'web.php': c('PHP injection: code, wrappers, ini directives, serialized objects', 12),
  'web.java': c('Java: Log4Shell in query/fields, Spring4Shell, OGNL, deserialization', 12),
  'web.nodejs': c('Node.js: prototype pollution keys, node-serialize, SSJI', 10),
  'web.protocol': c('Protocol abuse: CRLF/response splitting, smuggling-looking args, bad encodings, httpoxy', 12),
  'web.scanner': c('Security-scanner user agents and marker headers', 12),

  'secret.aws_access_key': c('AWS access key id (AKIA/ASIA), often with its secret', 8),
  'secret.azure_key': c('Azure OpenAI / Cognitive Services / APIM keys, labelled', 8),
  'secret.gcp_api_key': c('Google API key (AIza…)', 8),
  'secret.github_token': c('GitHub tokens (ghp_/gho_/ghs_/github_pat_) with valid checksums', 8),
  'secret.openai_key': c('OpenAI API keys (sk-…, sk-proj-…)', 8),
  'secret.slack_token': c('Slack bot/user tokens and incoming-webhook URLs', 8),
  'secret.stripe_key': c('Stripe secret/restricted/webhook keys', 8),
  'secret.private_key': c('PEM / OpenSSH private keys', 8),
  'secret.jwt': c('JSON Web Tokens (bearer tokens, session tokens)', 8),
  'secret.connection_string': c('Database / storage / bus connection strings with credentials', 8),
  'secret.generic_api_key': c('Labelled API keys of other services (api_key=…, X-API-Key: …)', 5),
  'secret.credit_card': c('Payment card numbers (Luhn-valid, real IIN ranges)', 8),
  'secret.iban': c('IBANs (mod-97 valid) of several countries', 8),
  'secret.us_ssn': c('US Social Security numbers', 8),
  'secret.national_id': c('National ids: UK NINO, Spanish DNI/NIE, Canadian SIN, Dutch BSN', 8),
  'secret.email': c('Personal e-mail addresses (not reserved example domains)', 8),
  'secret.phone': c('Personal phone numbers in international and national formats', 8),

  'injection.instruction_override': c('“Ignore previous instructions” and its many phrasings', 25),
  'injection.roleplay_escape': c('DAN/developer-mode/persona jailbreaks to drop the rules', 25),
  'injection.system_prompt_exfiltration': c('Attempts to make the model reveal its system prompt or hidden context', 25),
  'injection.obfuscated_payload': c('Injection hidden in base64/hex/ROT13/zero-width/Unicode tags/leet/homoglyphs', 25),
  'injection.tool_call_hijacking': c('Indirect injection in tool results and documents steering tool calls', 25),

  'ssrf.image_url': c('image_url pointing at metadata, loopback, private ranges or odd IP forms', 15),
  'ssrf.file_url': c('file_url / input_file URLs and non-http schemes (file://, gopher://, dict://)', 8),
  'ssrf.mcp_server_url': c('MCP tool server_url aimed at internal services', 8),
};

/** Minimum cases per family (the brief's targets). */
export const FAMILY_MIN: Readonly<Record<Family, number>> = {
  benign: 600,
  web: 250,
  secret: 150,
  injection: 150,
  ssrf: 40,
};

/** The expectation every case of a family carries. */
export const FAMILY_EXPECT: Readonly<Record<Family, Expect>> = {
  benign: 'allow',
  web: 'block',
  secret: 'detect',
  injection: 'block',
  ssrf: 'block',
};

export function familyOf(category: string): Family {
  const head = category.slice(0, category.indexOf('.'));
  if ((FAMILIES as readonly string[]).includes(head)) return head as Family;
  throw new Error(`corpus: category '${category}' has no known family`);
}

/** `secret.credit_card` → `credit_card`; `web.sqli.query` → `sqli.query`. */
export function subCategory(category: string): string {
  return category.slice(category.indexOf('.') + 1);
}

/** The id prefix a case of `category` must carry (`web.sqli.query` → `web-sqli-query`). */
export function idPrefix(category: string): string {
  return category.replaceAll('.', '-');
}
