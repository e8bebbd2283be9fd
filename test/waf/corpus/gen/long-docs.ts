/**
 * Long documents (20–150 KB) for benign.long_document, generated from templates with a
 * seeded Rng: contracts, access logs, JSON logs, CSV exports, a design spec, a transcript,
 * German terms and conditions, Java logs with stack traces, a JSON export, syslog.
 * Free of personal data: names are fictional, addresses are documentation/private ranges.
 */
import type { Rng } from './rng.js';

export interface LongDoc {
  readonly kind: string;
  readonly title: string;
  readonly ask: string;
  readonly text: string;
}

function until(rng: Rng, minBytes: number, make: (i: number) => string, sep = '\n'): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < minBytes; i++) {
    const p = make(i);
    parts.push(p);
    size += Buffer.byteLength(p, 'utf8') + sep.length;
  }
  void rng;
  return parts.join(sep);
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

function ts(rng: Rng, base: number, i: number, stepMax = 4): number {
  return base + i * rng.int(1, stepMax) * 1000 + rng.int(0, 999);
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function clf(ms: number): string {
  const d = new Date(ms);
  const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()]!;
  return `${pad(d.getUTCDate())}/${mon}/${d.getUTCFullYear()}:${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

// ---------------------------------------------------------------- contract

const CLAUSES: readonly [string, string][] = [
  ['Definitions', '"Services" means the services described in each Statement of Work. "Deliverables" means all documents, software and materials that the Supplier provides to the Customer under a Statement of Work. "Confidential Information" means any information disclosed by one party to the other that is marked confidential or that a reasonable person would understand to be confidential.'],
  ['Term', 'This Agreement begins on the Effective Date and continues for an initial term of {years} years. It renews automatically for successive periods of twelve (12) months unless either party gives written notice of non-renewal at least ninety (90) days before the end of the then-current term.'],
  ['Fees and Payment', 'The Customer shall pay the fees set out in each Statement of Work within {days} days of receipt of a correct invoice. Late payments bear interest at the lesser of {rate} per cent per annum above the base rate of the central bank and the maximum rate permitted by law.'],
  ['Service Levels', 'The Supplier shall meet the service levels set out in Schedule {sched}. If the Supplier fails to meet a service level in any calendar month, the Customer is entitled to the service credits set out in that Schedule, which are the Customer\'s sole monetary remedy for that failure.'],
  ['Confidentiality', 'Each party shall keep the other party\'s Confidential Information confidential, use it only to perform its obligations or exercise its rights under this Agreement, and disclose it only to its employees, officers, advisers and subcontractors who need to know it and are bound by obligations of confidentiality no less protective than this clause.'],
  ['Data Protection', 'To the extent the Supplier processes personal data on behalf of the Customer, the parties shall comply with the Data Processing Addendum in Schedule {sched}. The Supplier shall implement appropriate technical and organisational measures, including encryption in transit and at rest, access control and logging.'],
  ['Intellectual Property', 'Each party retains all intellectual property rights it owned before the Effective Date. Upon full payment, the Supplier assigns to the Customer all intellectual property rights in the Deliverables created specifically for the Customer, excluding the Supplier\'s pre-existing materials, for which the Supplier grants a non-exclusive, perpetual licence.'],
  ['Warranties', 'The Supplier warrants that the Services will be performed with reasonable skill and care and in accordance with good industry practice, and that the Deliverables will conform in all material respects to their specifications for a period of {warranty} days after acceptance.'],
  ['Limitation of Liability', 'Neither party\'s total liability arising out of or in connection with this Agreement in any Contract Year shall exceed {cap} per cent of the fees paid or payable in that Contract Year. Neither party is liable for indirect or consequential loss, loss of profit, or loss of data, except as provided in clause {ref}.'],
  ['Indemnities', 'The Supplier shall indemnify the Customer against all losses arising from any claim that the Deliverables infringe the intellectual property rights of a third party, provided that the Customer notifies the Supplier promptly, allows the Supplier to conduct the defence, and gives reasonable assistance at the Supplier\'s cost.'],
  ['Insurance', 'The Supplier shall maintain, with reputable insurers, professional indemnity insurance of not less than {ins} million euros per claim and public liability insurance of not less than {ins2} million euros per claim, for the term of this Agreement and {years} years after.'],
  ['Subcontracting', 'The Supplier may not subcontract any of its obligations without the Customer\'s prior written consent, which shall not be unreasonably withheld. The Supplier remains responsible for the acts and omissions of its subcontractors as if they were its own.'],
  ['Audit', 'On reasonable notice, and not more than once in any twelve-month period, the Customer or its auditors may audit the Supplier\'s compliance with this Agreement. The Supplier shall provide reasonable access to relevant records, premises and personnel.'],
  ['Termination for Cause', 'Either party may terminate this Agreement with immediate effect by written notice if the other party commits a material breach that is incapable of remedy or, if capable of remedy, is not remedied within {cure} days of written notice requiring it to be remedied.'],
  ['Consequences of Termination', 'On termination, the Supplier shall deliver to the Customer all Deliverables, whether complete or not, and return or destroy the Customer\'s Confidential Information. Clauses that by their nature are intended to survive termination shall continue in force.'],
  ['Force Majeure', 'Neither party is liable for delay or failure to perform caused by events beyond its reasonable control, including natural disasters, war, terrorism, epidemic, or failure of public utilities, provided that it notifies the other party promptly and uses reasonable efforts to mitigate the effect.'],
  ['Change Control', 'Either party may request a change to a Statement of Work. No change is effective unless agreed in writing through the change control procedure in Schedule {sched}, including any impact on fees, timelines and service levels.'],
  ['Governing Law', 'This Agreement and any dispute arising out of it are governed by the laws of {law}. The courts of {court} have exclusive jurisdiction, without prejudice to either party\'s right to seek interim relief in any competent court.'],
  ['Notices', 'Notices must be in writing and delivered by hand, by registered post, or by email to the addresses set out in Schedule {sched}. A notice sent by email is deemed received at 9:00 on the next business day after sending.'],
  ['Entire Agreement', 'This Agreement constitutes the entire agreement between the parties and supersedes all previous agreements, understandings and arrangements between them relating to its subject matter.'],
];

function contract(rng: Rng, minBytes: number): string {
  const parties = rng.pick([['Northwind Traders GmbH', 'Tailspin Analytics Ltd'], ['Woodgrove Bank plc', 'Fabrikam Consulting SAS'], ['Contoso Health AG', 'Litware Systems BV']]);
  const head = `MASTER SERVICES AGREEMENT\n\nThis Master Services Agreement (the "Agreement") is made on ${rng.int(1, 28)} ${rng.pick(['March', 'June', 'September', 'November'])} 2024 between ${parties[0]} (the "Customer") and ${parties[1]} (the "Supplier").\n\nBACKGROUND\n(A) The Customer wishes to obtain certain information technology services.\n(B) The Supplier has agreed to provide those services on the terms of this Agreement.\n\nAGREED TERMS\n`;
  const fill = (s: string): string =>
    s.replace(/\{years\}/g, String(rng.int(2, 5)))
      .replace(/\{days\}/g, String(rng.pick([30, 45, 60])))
      .replace(/\{rate\}/g, String(rng.pick([2, 4, 8])))
      .replace(/\{sched\}/g, String(rng.int(1, 9)))
      .replace(/\{warranty\}/g, String(rng.pick([30, 60, 90])))
      .replace(/\{cap\}/g, String(rng.pick([100, 125, 150])))
      .replace(/\{ref\}/g, `${rng.int(1, 20)}.${rng.int(1, 6)}`)
      .replace(/\{ins\}/g, String(rng.pick([2, 5, 10])))
      .replace(/\{ins2\}/g, String(rng.pick([5, 10])))
      .replace(/\{cure\}/g, String(rng.pick([14, 30])))
      .replace(/\{law\}/g, rng.pick(['England and Wales', 'Germany', 'the Netherlands', 'Ireland']))
      .replace(/\{court\}/g, rng.pick(['London', 'Frankfurt am Main', 'Amsterdam', 'Dublin']));
  let sched = 0;
  const body = until(rng, minBytes, (i) => {
    const [title, text] = CLAUSES[i % CLAUSES.length]!;
    const n = i + 1;
    if (i > 0 && i % CLAUSES.length === 0) sched++;
    const suffix = sched > 0 ? ` (Schedule ${sched} variant)` : '';
    const subs = [1, 2, 3].slice(0, rng.int(1, 3)).map((k) => `${n}.${k} ${fill(rng.pick(CLAUSES)[1])}`);
    return `${n}. ${title.toUpperCase()}${suffix}\n${n}.0 ${fill(text)}\n${subs.join('\n')}\n`;
  });
  return head + body + '\nSigned by the authorised representatives of the parties.\n';
}

// ---------------------------------------------------------------- logs

const UAS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Safari/605.1.15',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1',
  'okhttp/4.12.0',
  'python-requests/2.32.3',
  'kube-probe/1.30',
];
const API_PATHS = ['/api/v2/orders', '/api/v2/orders/{id}', '/api/v2/customers/{id}/invoices', '/api/v2/search?q={q}&page={p}', '/healthz', '/static/js/app.{h}.js', '/api/v2/cart', '/login', '/api/v2/products?category={c}'];

function accessLog(rng: Rng, minBytes: number): string {
  const base = Date.UTC(2024, 10, rng.int(1, 28), rng.int(0, 23));
  return until(rng, minBytes, (i) => {
    const ip = rng.pick([`10.${rng.int(0, 3)}.${rng.int(0, 255)}.${rng.int(1, 254)}`, `203.0.113.${rng.int(1, 254)}`, `198.51.100.${rng.int(1, 254)}`, `192.0.2.${rng.int(1, 254)}`]);
    const path = rng.pick(API_PATHS)
      .replace('{id}', String(rng.int(1000, 99999)))
      .replace('{q}', rng.pick(['shoes', 'winter+jacket', 'usb-c', 'desk%20lamp']))
      .replace('{p}', String(rng.int(1, 9)))
      .replace('{h}', rng.hex(8))
      .replace('{c}', rng.pick(['garden', 'office', 'kitchen']));
    const method = path.startsWith('/api/v2/cart') || path === '/login' ? rng.pick(['GET', 'POST']) : 'GET';
    const status = rng.pick([200, 200, 200, 200, 200, 201, 204, 301, 304, 400, 401, 404, 404, 500, 502]);
    return `${ip} - - [${clf(ts(rng, base, i, 2))}] "${method} ${path} HTTP/1.1" ${status} ${rng.int(0, 48000)} "-" "${rng.pick(UAS)}" rt=${(rng.int(1, 2500) / 1000).toFixed(3)}`;
  });
}

function jsonLog(rng: Rng, minBytes: number): string {
  const base = Date.UTC(2025, 0, rng.int(1, 28), rng.int(0, 23));
  const msgs = [
    ['info', 'request completed'], ['info', 'cache hit'], ['warn', 'slow query'], ['info', 'payment authorised'],
    ['error', 'upstream timeout'], ['warn', 'retrying request'], ['info', 'job finished'], ['debug', 'token refreshed'],
  ] as const;
  return until(rng, minBytes, (i) => {
    const [level, msg] = rng.pick(msgs);
    const rec: Record<string, unknown> = {
      ts: iso(ts(rng, base, i, 3)), level, msg, service: rng.pick(['checkout', 'catalog', 'payments', 'notifier']),
      pod: `${rng.pick(['checkout', 'catalog', 'payments'])}-${rng.hex(9)}-${rng.chars('abcdefghijklmnopqrstuvwxyz0123456789', 5)}`,
      trace_id: rng.hex(32), duration_ms: rng.int(1, 4000),
    };
    if (msg === 'slow query') rec.sql = 'SELECT * FROM order_lines WHERE order_id = $1';
    if (msg === 'upstream timeout') rec.upstream = `http://inventory.svc.cluster.local:8080/v1/stock/${rng.int(100, 999)}`;
    return JSON.stringify(rec);
  });
}

function javaLog(rng: Rng, minBytes: number): string {
  const base = Date.UTC(2024, 8, rng.int(1, 28), 8);
  return until(rng, minBytes, (i) => {
    const t = iso(ts(rng, base, i, 5)).replace('T', ' ').replace('Z', '');
    if (rng.chance(0.12)) {
      return `${t} ERROR [http-nio-8080-exec-${rng.int(1, 40)}] c.c.o.web.OrderController - Failed to load order ${rng.int(10000, 99999)}
org.springframework.dao.QueryTimeoutException: PreparedStatementCallback; SQL [select o.id, o.status from orders o where o.customer_id=?]; Query timed out
	at org.springframework.jdbc.support.SQLStateSQLExceptionTranslator.doTranslate(SQLStateSQLExceptionTranslator.java:${rng.int(90, 120)})
	at org.springframework.jdbc.core.JdbcTemplate.execute(JdbcTemplate.java:${rng.int(640, 680)})
	at com.contoso.orders.repo.OrderRepository.findByCustomer(OrderRepository.java:${rng.int(40, 90)})
	at com.contoso.orders.web.OrderController.list(OrderController.java:${rng.int(30, 80)})
	at java.base/jdk.internal.reflect.DirectMethodHandleAccessor.invoke(DirectMethodHandleAccessor.java:103)
Caused by: java.sql.SQLTimeoutException: ORA-01013: user requested cancel of current operation`;
    }
    return `${t} ${rng.pick(['INFO ', 'INFO ', 'DEBUG', 'WARN '])} [${rng.pick(['main', `http-nio-8080-exec-${rng.int(1, 40)}`, 'scheduling-1'])}] ${rng.pick(['c.c.o.web.OrderController', 'o.h.e.j.s.SqlExceptionHelper', 'c.c.o.svc.PricingService', 'o.s.w.s.DispatcherServlet'])} - ${rng.pick(['Completed 200 OK', 'Recalculated prices for 42 items', 'HikariPool-1 - Connection is not available, request timed out after 30000ms.', 'GET "/orders?page=2", parameters={masked}', 'Scheduled sync finished in 812 ms'])}`;
  });
}

function syslog(rng: Rng, minBytes: number): string {
  const base = Date.UTC(2024, 11, rng.int(1, 28), 0);
  const hosts = ['web-01', 'web-02', 'db-01', 'bastion'];
  return until(rng, minBytes, (i) => {
    const d = new Date(ts(rng, base, i, 20));
    const stamp = `${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
    const host = rng.pick(hosts);
    return `${stamp} ${host} ${rng.pick([
      `sshd[${rng.int(1000, 9999)}]: Accepted publickey for deploy from 10.0.${rng.int(0, 9)}.${rng.int(2, 250)} port ${rng.int(30000, 65000)} ssh2: ED25519 SHA256:${rng.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/', 43)}`,
      `systemd[1]: Started Daily apt download activities.`,
      `kernel: [${rng.int(100000, 999999)}.${rng.int(100000, 999999)}] EXT4-fs (sda1): mounted filesystem with ordered data mode.`,
      `CRON[${rng.int(1000, 9999)}]: (root) CMD (test -x /usr/sbin/anacron || ( cd / && run-parts --report /etc/cron.daily ))`,
      `postgres[${rng.int(1000, 9999)}]: [${rng.int(1, 9)}-1] LOG:  checkpoint complete: wrote ${rng.int(10, 900)} buffers`,
      `sshd[${rng.int(1000, 9999)}]: Invalid user admin from 198.51.100.${rng.int(1, 254)} port ${rng.int(30000, 65000)}`,
      `nginx[${rng.int(100, 999)}]: upstream timed out (110: Connection timed out) while reading response header from upstream`,
    ])}`;
  });
}

// ---------------------------------------------------------------- tables and data

function salesCsv(rng: Rng, minBytes: number): string {
  const head = 'order_ref,order_date,region,country,product,category,qty,unit_price_eur,discount_pct,total_eur,channel';
  const products: [string, string, number][] = [['Trail Runner 2', 'Footwear', 119], ['Rain Shell Jacket', 'Apparel', 149], ['Merino Base Layer', 'Apparel', 69], ['Camp Stove Mini', 'Equipment', 45], ['Headlamp 400', 'Equipment', 39], ['Daypack 22L', 'Bags', 89]];
  const regions: [string, string][] = [['EMEA', 'DE'], ['EMEA', 'FR'], ['EMEA', 'NL'], ['NA', 'US'], ['NA', 'CA'], ['APAC', 'JP'], ['APAC', 'AU']];
  return head + '\n' + until(rng, minBytes, (i) => {
    const [p, cat, price] = rng.pick(products);
    const [reg, cc] = rng.pick(regions);
    const qty = rng.int(1, 12);
    const disc = rng.pick([0, 0, 0, 5, 10, 15]);
    const total = (qty * price * (100 - disc)) / 100;
    return `SO-${100000 + i},2024-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))},${reg},${cc},${p},${cat},${qty},${price.toFixed(2)},${disc},${total.toFixed(2)},${rng.pick(['web', 'store', 'marketplace'])}`;
  });
}

function inventoryCsv(rng: Rng, minBytes: number): string {
  const head = 'hostname;environment;os;cpu;ram_gb;ip;owner_team;patch_level;last_seen';
  return head + '\n' + until(rng, minBytes, (i) => {
    const env = rng.pick(['prod', 'prod', 'staging', 'dev']);
    return `${rng.pick(['app', 'db', 'cache', 'batch', 'web'])}-${env}-${pad(i % 97 + 1, 3)};${env};${rng.pick(['Ubuntu 22.04', 'Ubuntu 24.04', 'RHEL 9.4', 'Windows Server 2022'])};${rng.pick([2, 4, 8, 16])};${rng.pick([4, 8, 16, 32, 64])};10.${rng.int(10, 40)}.${rng.int(0, 255)}.${rng.int(2, 254)};${rng.pick(['platform', 'payments', 'data', 'web'])};2024-${pad(rng.int(6, 12))};2025-01-${pad(rng.int(1, 28))}T${pad(rng.int(0, 23))}:${pad(rng.int(0, 59))}Z`;
  });
}

function jsonExport(rng: Rng, minBytes: number): string {
  const items: unknown[] = [];
  let size = 2;
  for (let i = 0; size < minBytes; i++) {
    const it = {
      id: `TCK-${20000 + i}`,
      created: iso(Date.UTC(2024, rng.int(0, 11), rng.int(1, 28), rng.int(0, 23))),
      status: rng.pick(['open', 'pending', 'resolved', 'closed']),
      priority: rng.pick(['P1', 'P2', 'P3', 'P4']),
      component: rng.pick(['login', 'billing', 'search', 'mobile-app', 'reporting']),
      summary: rng.pick(['Cannot export report to PDF', 'Search returns stale results', 'App crashes on startup after update', 'Invoice shows wrong VAT rate', 'SSO redirect loop in Safari', 'Dashboard loads slowly on Mondays']),
      tags: rng.shuffle(['regression', 'customer-facing', 'needs-repro', 'ux', 'backend']).slice(0, rng.int(0, 3)),
      reopen_count: rng.int(0, 3),
    };
    const s = JSON.stringify(it, null, 2);
    items.push(it);
    size += Buffer.byteLength(s) + 2;
  }
  return JSON.stringify(items, null, 2);
}

// ---------------------------------------------------------------- prose documents

function designDoc(rng: Rng, minBytes: number): string {
  const sections = ['Context', 'Goals', 'Non-goals', 'Proposed design', 'Data model', 'API', 'Rollout plan', 'Alternatives considered', 'Risks', 'Open questions'];
  const sentences = [
    'The current batch export runs nightly and takes up to four hours for the largest tenants.',
    'We propose to move the export to an event-driven pipeline that writes incremental snapshots to object storage.',
    'Each tenant gets its own prefix, and snapshots are immutable once written.',
    'Consumers read a manifest file that lists the snapshot parts in order, with their checksums.',
    'Back-pressure is handled by the queue: if the writer falls behind, messages accumulate and alerts fire at a lag of fifteen minutes.',
    'We will keep the nightly job running in parallel for two weeks and compare row counts daily.',
    'The main risk is schema drift between the transactional database and the export format.',
    'To mitigate it, the export schema is versioned and validated in CI against the migration files.',
    'Deletes are exported as tombstones so that downstream systems can apply them idempotently.',
    'Cost is estimated at roughly a third of the current compute spend, mostly because we stop re-exporting unchanged rows.',
    'An alternative was change data capture directly from the write-ahead log, which we rejected for operational complexity.',
    'Open question: do analysts need sub-hour freshness, or is hourly enough?',
  ];
  let n = 0;
  const title = `# RFC-${rng.int(100, 400)}: Incremental tenant exports\n\nStatus: Draft · Authors: Platform team · Reviewers: Data, Security\n\n`;
  return title + until(rng, minBytes, (i) => {
    const s = sections[i % sections.length]!;
    n++;
    const paras = Array.from({ length: rng.int(2, 4) }, () => Array.from({ length: rng.int(3, 6) }, () => rng.pick(sentences)).join(' ')).join('\n\n');
    const code = s === 'API' ? `\n\n\`\`\`http\nGET /v1/tenants/{tenantId}/exports/{exportId}/manifest HTTP/1.1\nAccept: application/json\n\`\`\`` : s === 'Data model' ? `\n\n| column | type | note |\n|---|---|---|\n| tenant_id | uuid | partition key |\n| snapshot_seq | bigint | monotonic |\n| part_uri | text | object storage key |` : '';
    return `## ${n}. ${s}${n > sections.length ? ` (revision ${Math.ceil(n / sections.length)})` : ''}\n\n${paras}${code}\n`;
  });
}

function transcript(rng: Rng, minBytes: number): string {
  const speakers = ['Priya (PM)', 'Jonas (Eng)', 'Mei (Design)', 'Carlos (Support)', 'Aisha (Sales)'];
  const lines = [
    'I think we should ship the beta to the five pilot customers first and collect feedback for two weeks.',
    'The onboarding flow still has that extra step where users have to confirm their workspace name twice.',
    'Support tickets about password resets went down by about thirty percent since the last release.',
    'Can we get the analytics dashboard to load faster? Customers mention it in almost every call.',
    'We have a dependency on the billing team for the new invoice format, they said end of the month.',
    'Let me take the action item to write up the rollout plan and share it by Friday.',
    'From a design point of view, the empty states need more guidance, especially on mobile.',
    'Two enterprise prospects asked whether we support single sign-on with their identity provider.',
    'We should also decide what happens to data when a trial expires: delete after thirty days or archive?',
    'Okay, let us park that and come back to it next week with numbers.',
  ];
  let t = 0;
  return `Weekly product sync — transcript (auto-generated)\n\n` + until(rng, minBytes, () => {
    t += rng.int(5, 40);
    return `[${pad(Math.floor(t / 3600))}:${pad(Math.floor(t / 60) % 60)}:${pad(t % 60)}] ${rng.pick(speakers)}: ${rng.pick(lines)}`;
  });
}

function agbGerman(rng: Rng, minBytes: number): string {
  const paras = [
    'Diese Allgemeinen Geschäftsbedingungen gelten für alle Verträge zwischen der Anbieterin und ihren Kundinnen und Kunden über die Nutzung der Software als Dienstleistung.',
    'Der Vertrag kommt durch die Bestätigung der Bestellung in Textform zustande. Die Anbieterin ist berechtigt, Bestellungen ohne Angabe von Gründen abzulehnen.',
    'Die Vergütung ist monatlich im Voraus fällig. Alle Preise verstehen sich zuzüglich der gesetzlichen Umsatzsteuer.',
    'Die Anbieterin gewährleistet eine Verfügbarkeit von 99,5 % im Monatsmittel. Geplante Wartungsfenster werden mindestens fünf Werktage im Voraus angekündigt.',
    'Die Haftung der Anbieterin für leicht fahrlässige Pflichtverletzungen ist auf den vertragstypischen, vorhersehbaren Schaden begrenzt.',
    'Die Parteien verpflichten sich, alle ihnen im Rahmen der Vertragsdurchführung bekannt gewordenen vertraulichen Informationen geheim zu halten.',
    'Soweit die Anbieterin personenbezogene Daten im Auftrag verarbeitet, schließen die Parteien einen Vertrag zur Auftragsverarbeitung gemäß Art. 28 DSGVO.',
    'Der Vertrag kann von beiden Parteien mit einer Frist von drei Monaten zum Ende der jeweiligen Laufzeit gekündigt werden. Das Recht zur außerordentlichen Kündigung bleibt unberührt.',
    'Es gilt das Recht der Bundesrepublik Deutschland unter Ausschluss des UN-Kaufrechts. Gerichtsstand ist, soweit gesetzlich zulässig, der Sitz der Anbieterin.',
    'Sollte eine Bestimmung dieser Bedingungen unwirksam sein oder werden, so bleibt die Wirksamkeit der übrigen Bestimmungen unberührt.',
  ];
  return 'Allgemeine Geschäftsbedingungen (AGB) – Stand: Januar 2025\n\n' + until(rng, minBytes, (i) => `§ ${i + 1} ${rng.pick(['Geltungsbereich', 'Vertragsschluss', 'Vergütung', 'Verfügbarkeit', 'Haftung', 'Vertraulichkeit', 'Datenschutz', 'Laufzeit und Kündigung', 'Schlussbestimmungen'])}\n(1) ${rng.pick(paras)}\n(2) ${rng.pick(paras)}\n(3) ${rng.pick(paras)}\n`);
}

// ---------------------------------------------------------------- catalogue

type Maker = (rng: Rng, minBytes: number) => string;

const KINDS: readonly { kind: string; title: string; ask: string; make: Maker }[] = [
  { kind: 'contract', title: 'Master Services Agreement', ask: 'Summarise this contract for a non-lawyer. List the termination rights, the liability cap, and anything unusual compared to a standard MSA.', make: contract },
  { kind: 'access_log', title: 'nginx access log', ask: 'Here is an excerpt of our nginx access log from last night. Which endpoints produced the most 5xx errors, and is there a pattern in time or client?', make: accessLog },
  { kind: 'json_log', title: 'service logs (JSON lines)', ask: 'Analyse these JSON log lines from our Kubernetes cluster. What is failing, how often, and which service should we look at first?', make: jsonLog },
  { kind: 'sales_csv', title: 'sales export', ask: 'This CSV is our order export for 2024. Give me revenue by region and by category, and point out anything odd in the discounts.', make: salesCsv },
  { kind: 'design_doc', title: 'design RFC', ask: 'Review this design doc. What are the weakest parts of the proposal and which open questions should be answered before we start building?', make: designDoc },
  { kind: 'transcript', title: 'meeting transcript', ask: 'Summarise this meeting transcript: decisions, action items with owners, and open questions.', make: transcript },
  { kind: 'agb', title: 'AGB', ask: 'Fasse diese AGB zusammen und nenne die Punkte, die für einen Mittelständler als Kunde kritisch sein könnten.', make: agbGerman },
  { kind: 'java_log', title: 'Spring Boot log', ask: 'Our order service was slow this morning. Here is the application log. What do the stack traces tell you about the root cause?', make: javaLog },
  { kind: 'inventory_csv', title: 'server inventory', ask: 'Here is our server inventory export (semicolon separated). Which hosts are behind on patches, and how many prod hosts run each OS?', make: inventoryCsv },
  { kind: 'json_export', title: 'ticket export', ask: 'This is a JSON export of support tickets. Group them by component and status and tell me which component has the most reopened tickets.', make: jsonExport },
  { kind: 'syslog', title: 'syslog', ask: 'Please go through this syslog excerpt from our Linux fleet and tell me if anything looks like a security problem or an outage.', make: syslog },
];

/** Target sizes spread across 20–150 KB; the generator stops just past each target. */
export const LONG_DOC_SIZES_KB = [22, 35, 48, 60, 75, 90, 110, 130, 142, 28, 40, 55, 68, 84, 100];

export function longDocs(rng: Rng): LongDoc[] {
  return LONG_DOC_SIZES_KB.map((kb, i) => {
    const k = KINDS[i % KINDS.length]!;
    return { kind: k.kind, title: k.title, ask: k.ask, text: k.make(rng, kb * 1024) };
  });
}
