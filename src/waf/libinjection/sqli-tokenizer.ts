/**
 * SQL tokenizer for @detectSQLi, modelled on the approach of libinjection
 * (https://github.com/libinjection/libinjection): the input is not parsed as SQL, it is cut
 * into coarse typed tokens whose one-letter types form a "fingerprint". Written from a
 * description of the algorithm; the keyword table below is our own selection.
 *
 * There is no maintained Node library for libinjection (the npm ports are unmaintained C
 * bindings or abandoned partial ports), so Portcullis carries its own implementation.
 *
 * Input is a byte string (one char per byte, see ../transforms/byte-string.ts). Bytes above
 * 0x7F are treated as word characters, as MySQL treats them in identifiers.
 */

/** One-letter token types; the fingerprint is the concatenation of these letters. */
export const T = {
  STRING: 's',
  NUMBER: '1',
  BAREWORD: 'n',
  KEYWORD: 'k',
  UNION: 'U', // UNION / EXCEPT / INTERSECT (and UNION ALL after folding)
  STATEMENT: 'E', // words that start a statement: SELECT, INSERT, DROP, EXEC …
  GROUP: 'B', // ORDER BY / GROUP BY / HAVING / LIMIT (after folding)
  FUNCTION: 'f',
  VARIABLE: 'v', // @x, @@version
  OPERATOR: 'o',
  LOGIC: '&', // AND, OR, XOR, &&, ||
  COMMENT: 'c',
  LPAREN: '(',
  RPAREN: ')',
  COMMA: ',',
  SEMICOLON: ';',
  DOT: '.',
  TYPE: 't', // cast target types: INT, CHAR, VARCHAR …
  UNKNOWN: '?',
} as const;
export type TokenType = (typeof T)[keyof typeof T];

export interface Token {
  type: TokenType;
  /** Raw text (lower-cased for words). */
  value: string;
  /** For strings: the quote byte that opened it ('' when the string began in a quote context). */
  open: string;
  /** For strings: true when the closing quote was found. For comments: the comment style. */
  closed: boolean;
}

/** Where the input begins: plain SQL, or already inside a '…' or "…" literal (libinjection's three contexts). */
export type QuoteContext = 'none' | "'" | '"';

/**
 * Word table. Our own selection of MySQL / MSSQL / PostgreSQL / Oracle / SQLite words that
 * matter for injection shape; anything not listed is a bareword ('n').
 */
const WORDS: ReadonlyMap<string, TokenType> = (() => {
  const m = new Map<string, TokenType>();
  const put = (type: TokenType, list: string): void => {
    for (const w of list.split(/\s+/)) if (w !== '') m.set(w, type);
  };
  put(T.LOGIC, 'and or xor');
  put(T.OPERATOR, 'not like rlike ilike regexp is in between div mod sounds glob match escape');
  put(T.UNION, 'union except intersect minus');
  put(T.STATEMENT, 'select insert update delete drop create alter truncate exec execute declare waitfor shutdown grant revoke');
  put(T.KEYWORD, 'from where into table database schema values set all distinct case when then else end as on join inner outer left right cross natural using top offset procedure returns begin commit rollback column index view trigger default limit having group order by asc desc for with delay if elseif while');
  put(T.NUMBER, 'null true false');
  put(T.TYPE, 'int integer smallint bigint tinyint decimal numeric float real double char varchar nchar nvarchar text binary varbinary blob date datetime time timestamp signed unsigned bit boolean');
  // Functions: only typed 'f' when followed by '(' (see tokenize); listed ones may have spaces before it.
  put(T.FUNCTION, 'sleep benchmark pg_sleep char chr concat concat_ws substring substr mid ascii ord hex unhex load_file version user current_user system_user session_user database schema_name count length len group_concat extractvalue updatexml if ifnull isnull nullif coalesce cast convert md5 sha1 lower upper elt make_set xp_cmdshell sp_executesql dbms_pipe utl_inaddr row_count found_rows floor rand exp polygon geometrycollection json_keys name_const');
  return m;
})();

const isSpace = (c: number): boolean => c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x00;
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isWordChar = (c: number): boolean =>
  (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || isDigit(c) || c === 0x5f || c === 0x24 || c >= 0x80;

/** Two-byte operators recognised as one token. */
const OPS2 = new Set(['!=', '<>', '<=', '>=', '==', ':=', '<<', '>>', '||', '&&', '!<', '!>', '->', '::']);
/** Single-byte operators. */
const OPS1 = '=<>!+-*/%^|&~';

function tok(type: TokenType, value: string, open = '', closed = false): Token {
  return { type, value, open, closed };
}

/** Reads a quoted literal starting at `i` (after the opening quote). Handles '' doubling and backslash escapes. */
function readQuoted(s: string, i: number, q: string): { end: number; closed: boolean } {
  const qc = q.charCodeAt(0);
  let j = i;
  while (j < s.length) {
    const c = s.charCodeAt(j);
    if (c === 0x5c /* \ */) { j += 2; continue; }
    if (c === qc) {
      if (s.charCodeAt(j + 1) === qc) { j += 2; continue; }
      return { end: j + 1, closed: true };
    }
    j++;
  }
  return { end: s.length, closed: false };
}

/**
 * Tokenizes until `maxTokens` non-comment tokens are found (the fingerprint needs only the
 * first few after folding; comments are not counted, so padding with `/**\/` cannot push
 * the payload past the limit).
 */
export function tokenize(s: string, ctx: QuoteContext, maxTokens = 64): Token[] {
  const out: Token[] = [];
  let comments = 0;
  let i = 0;
  if (ctx !== 'none') {
    // The input starts inside a literal: the first token is the rest of that literal.
    const r = readQuoted(s, 0, ctx);
    out.push(tok(T.STRING, s.slice(0, r.end), '', r.closed));
    i = r.end;
  }
  while (i < s.length && out.length - comments < maxTokens) {
    const c = s.charCodeAt(i);
    const ch = s[i] as string;
    if (isSpace(c)) { i++; continue; }
    // Comments: `-- `, `#`, `/* … */`. MySQL's `/*! … */` executes its content, so we tokenize inside it.
    if ((ch === '-' && s[i + 1] === '-') || ch === '#') {
      // Line comments end at a newline; what follows is SQL again (`1 --\nUNION SELECT`).
      const nl = s.indexOf('\n', i);
      out.push(tok(T.COMMENT, ch === '#' ? '#' : '--', '', true));
      comments++;
      i = nl < 0 ? s.length : nl + 1;
      continue;
    }
    if (ch === '/' && s[i + 1] === '*') {
      if (s[i + 2] === '!') {
        i += 3;
        while (i < s.length && isDigit(s.charCodeAt(i))) i++; // /*!50000 version gate
        continue;
      }
      const end = s.indexOf('*/', i + 2);
      out.push(tok(T.COMMENT, '/*', '', end >= 0));
      comments++;
      i = end < 0 ? s.length : end + 2;
      continue;
    }
    if (ch === '*' && s[i + 1] === '/') { i += 2; continue; } // end of a /*! block
    if (ch === "'" || ch === '"') {
      const r = readQuoted(s, i + 1, ch);
      out.push(tok(T.STRING, s.slice(i, r.end), ch, r.closed));
      i = r.end;
      continue;
    }
    if (ch === '`' || ch === '[') {
      // Quoted identifiers (MySQL backticks, MSSQL brackets) are barewords.
      const close = ch === '`' ? '`' : ']';
      const end = s.indexOf(close, i + 1);
      const j = end < 0 ? s.length : end + 1;
      out.push(tok(T.BAREWORD, s.slice(i, j).toLowerCase()));
      i = j;
      continue;
    }
    if (isDigit(c) || (ch === '.' && isDigit(s.charCodeAt(i + 1)))) {
      let j = i;
      const p = s.slice(i, i + 2).toLowerCase();
      if (p === '0x' || p === '0b') {
        j += 2;
        while (j < s.length && /[0-9a-fA-F]/.test(s[j] as string)) j++;
      } else {
        while (j < s.length && (isDigit(s.charCodeAt(j)) || s[j] === '.')) j++;
        if ((s[j] === 'e' || s[j] === 'E') && (isDigit(s.charCodeAt(j + 1)) || ((s[j + 1] === '-' || s[j + 1] === '+') && isDigit(s.charCodeAt(j + 2))))) {
          j += 2;
          while (j < s.length && isDigit(s.charCodeAt(j))) j++;
        }
      }
      out.push(tok(T.NUMBER, s.slice(i, j)));
      i = j;
      continue;
    }
    if (ch === '@') {
      let j = i + 1;
      if (s[j] === '@') j++;
      while (j < s.length && isWordChar(s.charCodeAt(j))) j++;
      out.push(tok(T.VARIABLE, s.slice(i, j).toLowerCase()));
      i = j;
      continue;
    }
    if (isWordChar(c)) {
      let j = i;
      while (j < s.length && isWordChar(s.charCodeAt(j))) j++;
      const word = s.slice(i, j).toLowerCase();
      // A word glued to a quote (N'…', x'…', _utf8'…') is a string prefix.
      if ((s[j] === "'" || s[j] === '"') && (word === 'n' || word === 'x' || word === 'b' || word.startsWith('_'))) { i = j; continue; }
      let k = j;
      while (k < s.length && isSpace(s.charCodeAt(k))) k++;
      let type: TokenType = WORDS.get(word) ?? T.BAREWORD;
      if (s[k] === '(') {
        // word( — a call. Listed functions may have spaces before the paren; unknown words must be glued to it.
        if (type === T.FUNCTION || (type === T.BAREWORD && k === j)) type = T.FUNCTION;
      } else if (type === T.FUNCTION) {
        type = T.BAREWORD;
      }
      out.push(tok(type, word));
      i = j;
      continue;
    }
    const two = s.slice(i, i + 2);
    if (OPS2.has(two)) {
      out.push(tok(two === '||' || two === '&&' ? T.LOGIC : T.OPERATOR, two));
      i += 2;
      continue;
    }
    if (OPS1.includes(ch)) { out.push(tok(T.OPERATOR, ch)); i++; continue; }
    if (ch === '(') { out.push(tok(T.LPAREN, ch)); i++; continue; }
    if (ch === ')') { out.push(tok(T.RPAREN, ch)); i++; continue; }
    if (ch === ',') { out.push(tok(T.COMMA, ch)); i++; continue; }
    if (ch === ';') { out.push(tok(T.SEMICOLON, ch)); i++; continue; }
    if (ch === '.') { out.push(tok(T.DOT, ch)); i++; continue; }
    out.push(tok(T.UNKNOWN, ch));
    i++;
  }
  return out;
}
