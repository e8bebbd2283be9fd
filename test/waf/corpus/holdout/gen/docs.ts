/**
 * Long documents (20–100 KB) for benign.long_document: generated from seeded templates so
 * they read like the real thing (contracts, logs, CSV exports, specs, transcripts) without
 * containing anyone's personal data.
 */
import type { Rng } from './rng.js';

export interface LongDoc {
  readonly kind: string;
  readonly lang: string;
  readonly question: string;
  readonly text: string;
}

function grow(rng: Rng, target: number, head: string, part: (i: number) => string): string {
  let s = head;
  for (let i = 0; Buffer.byteLength(s, 'utf8') < target; i++) s += part(i);
  return s;
}

const size = (rng: Rng): number => rng.range(22, 90) * 1024;

const CITIES = ['Berlin', 'Madrid', 'Lyon', 'Porto', 'Leeds', 'Utrecht', 'Graz', 'Gdansk', 'Turin', 'Aarhus'];
const PRODUCTS = ['Trail 29 frame', 'City commuter', 'Cargo e-bike', 'Kids balance bike', 'Helmet Pro', 'Pannier set', 'Brake pads', 'Chain lube', 'Tubeless kit', 'Saddle comfort'];

function contract(rng: Rng): LongDoc {
  const parties = rng.pick([['Fabrikam Ltd', 'Northwind Logistics GmbH'], ['Adatum Corporation', 'Tailspin Analytics BV'], ['Contoso Pharmaceuticals', 'Woodgrove Research SAS']] as const);
  const topics = ['Definitions', 'Scope of Services', 'Service Levels', 'Fees and Payment', 'Term and Termination', 'Confidentiality', 'Data Protection', 'Intellectual Property', 'Warranties', 'Limitation of Liability', 'Indemnification', 'Insurance', 'Subcontracting', 'Audit Rights', 'Force Majeure', 'Governing Law', 'Dispute Resolution', 'Notices', 'Assignment', 'Entire Agreement'];
  const clauses = [
    'The Supplier shall perform the Services with reasonable skill, care and diligence and in accordance with Good Industry Practice.',
    'Each party shall keep the other party\'s Confidential Information strictly confidential and shall not disclose it except to its employees who need to know it for the purposes of this Agreement.',
    'The Customer shall pay each undisputed invoice within thirty (30) days of receipt. Late payments bear interest at two percent above the base rate.',
    'Either party may terminate this Agreement with immediate effect by written notice if the other party commits a material breach which is not remedied within twenty (20) Business Days.',
    'Nothing in this Agreement limits liability for death or personal injury caused by negligence, or for fraud or fraudulent misrepresentation.',
    'The Supplier shall process Personal Data only on documented instructions from the Customer, including with regard to transfers to a third country.',
    'Service Credits are the Customer\'s sole and exclusive remedy for a failure to meet the Availability Target, save where the failure amounts to a material breach.',
    'All Intellectual Property Rights in the Deliverables shall vest in the Customer upon payment in full of the relevant Fees.',
    'Neither party shall be liable for any delay in performing its obligations to the extent caused by a Force Majeure Event, provided it notifies the other party promptly.',
    'The Supplier may not subcontract any of its obligations without the prior written consent of the Customer, such consent not to be unreasonably withheld.',
  ];
  const text = grow(rng, size(rng), `MASTER SERVICES AGREEMENT\n\nThis Agreement is made between ${parties[0]} ("Customer") and ${parties[1]} ("Supplier").\n\n`, (i) => {
    const topic = topics[i % topics.length]!;
    let sec = `${i + 1}. ${topic.toUpperCase()}\n`;
    const n = rng.range(3, 6);
    for (let j = 1; j <= n; j++) sec += `${i + 1}.${j} ${rng.pick(clauses)}${rng.chance(0.3) ? ` This clause ${i + 1}.${j} survives termination.` : ''}\n`;
    return `${sec}\n`;
  });
  return { kind: 'contract', lang: 'en', question: rng.pick(['Summarise the termination and liability provisions of this agreement and flag anything unusual.', 'List every obligation of the Supplier with its clause number.', 'Which clauses would a data protection officer care about? Quote them.']), text };
}

function accessLog(rng: Rng): LongDoc {
  const paths = ['/', '/api/orders', '/api/orders/{id}', '/api/cart', '/static/js/app.{h}.js', '/static/css/main.{h}.css', '/favicon.ico', '/api/products?page={n}', '/api/search?q=helmet', '/healthz', '/login', '/account/settings', '/images/products/{id}.webp'];
  const uas = ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36', 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1', 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15', 'kube-probe/1.30', 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0'];
  let sec = 0;
  const text = grow(rng, size(rng), '', () => {
    sec += rng.range(0, 3);
    const p = rng.pick(paths).replace('{id}', String(rng.range(1000, 99999))).replace('{h}', rng.hex(8)).replace('{n}', String(rng.range(1, 40)));
    const status = rng.chance(0.9) ? (p === '/api/cart' && rng.chance(0.2) ? 409 : 200) : rng.pick([301, 304, 404, 499, 500, 502]);
    const ts = `14/Mar/2025:${String(8 + Math.floor(sec / 3600) % 12).padStart(2, '0')}:${String(Math.floor(sec / 60) % 60).padStart(2, '0')}:${String(sec % 60).padStart(2, '0')} +0000`;
    const ip = rng.chance(0.5) ? `10.12.${rng.range(0, 20)}.${rng.range(2, 250)}` : `198.51.100.${rng.range(2, 250)}`;
    const method = p.startsWith('/api/cart') && rng.chance(0.5) ? 'POST' : 'GET';
    return `${ip} - - [${ts}] "${method} ${p} HTTP/1.1" ${status} ${rng.range(120, 48000)} "-" "${rng.pick(uas)}" ${(rng.next() * 0.8).toFixed(3)}\n`;
  });
  return { kind: 'nginx_log', lang: 'en', question: 'Here is an hour of our nginx access log. Which endpoints produce the most 5xx errors, and is there a time pattern?', text };
}

function csvSales(rng: Rng): LongDoc {
  const text = grow(rng, size(rng), 'order_id,order_date,store_city,product,category,quantity,unit_price_eur,discount_pct,channel\n', (i) => {
    const p = rng.pick(PRODUCTS);
    return `SO-${String(240000 + i)},2024-${String(rng.range(1, 12)).padStart(2, '0')}-${String(rng.range(1, 28)).padStart(2, '0')},${rng.pick(CITIES)},${p},${p.includes('bike') || p.includes('frame') || p.includes('commuter') ? 'bikes' : 'accessories'},${rng.range(1, 6)},${(rng.range(500, 350000) / 100).toFixed(2)},${rng.pick([0, 0, 5, 10, 15])},${rng.pick(['web', 'store', 'marketplace'])}\n`;
  });
  return { kind: 'csv', lang: 'en', question: 'Compute total revenue per city and per channel from this CSV and point out anything odd in the data.', text };
}

function openapi(rng: Rng): LongDoc {
  const resources = ['orders', 'customers', 'invoices', 'shipments', 'products', 'warehouses', 'returns', 'coupons', 'payments', 'reviews', 'suppliers', 'categories'];
  let text = `openapi: 3.0.3\ninfo:\n  title: Northwind Commerce API\n  version: 2.${rng.range(0, 9)}.0\nservers:\n  - url: https://api.northwind-traders.net/v2\npaths:\n`;
  const target = size(rng);
  for (let i = 0; Buffer.byteLength(text) < target; i++) {
    const r = `${resources[i % resources.length]!}${i >= resources.length ? `-v${Math.floor(i / resources.length) + 1}` : ''}`;
    const S = r.replace(/(^|-)(\w)/g, (_m, _a: string, c: string) => c.toUpperCase());
    text += `  /${r}:\n    get:\n      summary: List ${r}\n      operationId: list${S}\n      parameters:\n        - name: page\n          in: query\n          schema: { type: integer, minimum: 1 }\n        - name: pageSize\n          in: query\n          schema: { type: integer, maximum: 200 }\n        - name: sort\n          in: query\n          schema: { type: string, enum: [createdAt, -createdAt, updatedAt] }\n      responses:\n        '200':\n          description: A page of ${r}\n          content:\n            application/json:\n              schema:\n                $ref: '#/components/schemas/${S}Page'\n        '401':\n          $ref: '#/components/responses/Unauthorized'\n    post:\n      summary: Create one of ${r}\n      operationId: create${S}\n      requestBody:\n        required: true\n        content:\n          application/json:\n            schema:\n              $ref: '#/components/schemas/${S}Input'\n      responses:\n        '201':\n          description: Created\n        '422':\n          $ref: '#/components/responses/ValidationError'\n  /${r}/{id}:\n    parameters:\n      - name: id\n        in: path\n        required: true\n        schema: { type: string, format: uuid }\n    get:\n      operationId: get${S}\n      responses:\n        '200':\n          description: One item\n        '404':\n          $ref: '#/components/responses/NotFound'\n    delete:\n      operationId: delete${S}\n      responses:\n        '204':\n          description: Deleted\n`;
  }
  text += `components:\n  securitySchemes:\n    oauth2:\n      type: oauth2\n      flows:\n        clientCredentials:\n          tokenUrl: https://login.northwind-traders.net/oauth2/token\n          scopes: {}\n`;
  return { kind: 'openapi', lang: 'en', question: rng.pick(['Generate a typed TypeScript client for the orders endpoints of this spec.', 'Review this OpenAPI spec for consistency problems and missing error responses.']), text };
}

function transcript(rng: Rng): LongDoc {
  const people = ['Priya', 'Marcus', 'Lena', 'Tomás', 'Aiko', 'Femi', 'Jonas'];
  const lines = [
    "Let's start with the status of the migration.", 'We moved the first two services last week, the third one is blocked on the network team.',
    'Do we have a date from them?', 'They said end of the month, but I would not plan on it.', 'Can we run the old and new in parallel for a while?',
    'That doubles the cost for the overlap, roughly four thousand a month.', 'I think that is acceptable if it is under six weeks.',
    "Okay, let's note that as a decision.", 'On the hiring side, we have two offers out.', 'The customer survey came back, mostly positive about the new dashboard.',
    'Support tickets went down eleven percent after the release.', 'One concern: the export feature times out for large accounts.', 'I can take that, I will look at pagination.',
    'Please also update the runbook once you do.', 'Any other business?', 'Just a reminder that the office is closed on Friday.',
  ];
  let min = 0;
  const text = grow(rng, size(rng), 'Transcript — Platform weekly sync\n\n', () => {
    min += rng.range(0, 1);
    return `[00:${String(min % 60).padStart(2, '0')}:${String(rng.range(0, 59)).padStart(2, '0')}] ${rng.pick(people)}: ${rng.pick(lines)}\n`;
  });
  return { kind: 'transcript', lang: 'en', question: 'Summarise this meeting transcript into decisions, action items with owners, and open questions.', text };
}

function germanPolicy(rng: Rng): LongDoc {
  const heads = ['Geltungsbereich', 'Begriffsbestimmungen', 'Arbeitszeit', 'Mobiles Arbeiten', 'Zeiterfassung', 'Überstunden', 'Urlaub', 'Krankmeldung', 'Datenschutz', 'Nutzung von IT-Systemen', 'Schlussbestimmungen'];
  const sents = [
    'Die regelmäßige wöchentliche Arbeitszeit beträgt 38,5 Stunden.', 'Mobiles Arbeiten ist an bis zu drei Tagen pro Woche möglich, sofern die betrieblichen Belange dies zulassen.',
    'Die Zeiterfassung erfolgt elektronisch; Pausen von mindestens 30 Minuten sind bei mehr als sechs Stunden Arbeitszeit einzuhalten.', 'Überstunden sind vorab mit der Führungskraft abzustimmen und werden innerhalb von drei Monaten ausgeglichen.',
    'Der Urlaubsanspruch beträgt 30 Arbeitstage pro Kalenderjahr.', 'Eine Arbeitsunfähigkeit ist unverzüglich, spätestens am ersten Tag, mitzuteilen.',
    'Personenbezogene Daten werden ausschließlich zweckgebunden und nach den Vorgaben der DSGVO verarbeitet.', 'Die private Nutzung der IT-Systeme ist in geringem Umfang gestattet, sofern keine betrieblichen Interessen beeinträchtigt werden.',
    'Änderungen dieser Vereinbarung bedürfen der Schriftform.', 'Der Betriebsrat ist vor Einführung neuer technischer Einrichtungen zu beteiligen.',
  ];
  const text = grow(rng, size(rng), 'Betriebsvereinbarung über Arbeitszeit und mobiles Arbeiten\n\n', (i) => {
    let s = `§ ${i + 1} ${heads[i % heads.length]}\n`;
    for (let j = 1; j <= rng.range(3, 6); j++) s += `(${j}) ${rng.pick(sents)}\n`;
    return `${s}\n`;
  });
  return { kind: 'policy', lang: 'de', question: 'Fasse diese Betriebsvereinbarung zusammen und liste alle Fristen auf, die Mitarbeitende beachten müssen.', text };
}

function appLog(rng: Rng): LongDoc {
  const levels = ['INFO', 'INFO', 'INFO', 'DEBUG', 'WARN', 'ERROR'];
  const msgs = [
    'Started OrderService in 7.412 seconds (process running for 8.03)', 'HikariPool-1 - Start completed.', 'Hibernate: select o1_0.id,o1_0.customer_id,o1_0.total from orders o1_0 where o1_0.status=? order by o1_0.created_at desc limit ?',
    'Completed 200 OK in 43ms', 'Request GET /api/orders?page=3 from 10.12.4.18', 'Cache miss for key product:48211', 'Retrying call to inventory-service (attempt 2/3)',
    'Connection is not available, request timed out after 30000ms.', 'Hibernate: update inventory set reserved=reserved+? where sku=? and reserved+?<=stock',
    'Published event OrderCreated to topic orders.v1 partition 3', 'Slow query detected (1288 ms): select count(*) from order_items where order_id in (...)',
  ];
  let ms = 0;
  const text = grow(rng, size(rng), '', () => {
    ms += rng.range(1, 900);
    const lvl = rng.pick(levels);
    const base = `2025-03-14T09:${String(Math.floor(ms / 60000) % 60).padStart(2, '0')}:${String(Math.floor(ms / 1000) % 60).padStart(2, '0')}.${String(ms % 1000).padStart(3, '0')}Z ${lvl.padEnd(5)} [order-service,${rng.hex(16)},${rng.hex(16)}] ${rng.range(1, 9)} --- [nio-8080-exec-${rng.range(1, 10)}] c.n.orders.${rng.pick(['OrderController', 'OrderRepository', 'InventoryClient', 'EventPublisher'])} : ${rng.pick(msgs)}\n`;
    if (lvl === 'ERROR') {
      return `${base}java.sql.SQLTransientConnectionException: HikariPool-1 - Connection is not available, request timed out after 30000ms.\n\tat com.zaxxer.hikari.pool.HikariPool.createTimeoutException(HikariPool.java:686)\n\tat com.zaxxer.hikari.pool.HikariPool.getConnection(HikariPool.java:179)\n\tat org.hibernate.engine.jdbc.connections.internal.DatasourceConnectionProviderImpl.getConnection(DatasourceConnectionProviderImpl.java:122)\n\tat com.northwind.orders.OrderRepository.findPage(OrderRepository.java:88)\n`;
    }
    return base;
  });
  return { kind: 'app_log', lang: 'en', question: 'These are logs from our order service during an incident. What is the most likely root cause and what should we check first?', text };
}

function paper(rng: Rng): LongDoc {
  const sections = ['Abstract', 'Introduction', 'Related Work', 'Method', 'Experimental Setup', 'Results', 'Ablations', 'Limitations', 'Conclusion'];
  const sents = [
    'We study the problem of retrieval-augmented generation under distribution shift.', 'Our method combines a dense retriever with a lightweight re-ranker trained on synthetic queries.',
    'Prior work has focused on in-domain benchmarks, where lexical overlap between queries and passages is high.', 'We evaluate on four public datasets and report exact match and F1.',
    'The re-ranker adds 12 ms of latency per query on a single A100 GPU.', 'Performance degrades gracefully as the proportion of out-of-domain queries increases.',
    'Removing the synthetic query generation step reduces F1 by 3.1 points on average.', 'A limitation of our approach is its reliance on an English-only query generator.',
    'We hypothesise that calibration of the retriever scores is the dominant factor.', 'Table 3 summarises the results across all settings; best results are in bold.',
    'Hyperparameters were tuned on the development split only, with a learning rate of 2e-5 and batch size 64.',
  ];
  const text = grow(rng, size(rng), 'Robust Retrieval-Augmented Generation under Domain Shift\n\n', (i) => {
    let s = `${Math.floor(i / 2) + 1}${i % 2 ? '.1' : ''} ${sections[Math.floor(i / 2) % sections.length]}\n\n`;
    for (let p = 0; p < rng.range(2, 4); p++) s += `${Array.from({ length: rng.range(4, 8) }, () => rng.pick(sents)).join(' ')}\n\n`;
    return s;
  });
  return { kind: 'paper', lang: 'en', question: 'Write a critical peer review of this paper: summary, strengths, weaknesses, and questions for the authors.', text };
}

function tsModule(rng: Rng): LongDoc {
  const text = grow(rng, size(rng), "import { EventEmitter } from 'node:events';\nimport type { Order, OrderLine } from './types.js';\n\n", (i) => `/** Handler ${i}: validates and applies one kind of order change. */
export class OrderChange${i}Handler extends EventEmitter {
  private readonly seen = new Set<string>();

  constructor(private readonly maxLines = ${rng.range(10, 200)}) {
    super();
  }

  apply(order: Order, lines: readonly OrderLine[]): Order {
    if (lines.length > this.maxLines) throw new RangeError(\`too many lines: \${lines.length}\`);
    const next = { ...order, lines: [...order.lines] };
    for (const line of lines) {
      if (this.seen.has(line.id)) continue;
      this.seen.add(line.id);
      const idx = next.lines.findIndex((l) => l.sku === line.sku);
      if (idx === -1) next.lines.push(line);
      else next.lines[idx] = { ...next.lines[idx]!, qty: next.lines[idx]!.qty + line.qty };
    }
    next.total = next.lines.reduce((s, l) => s + l.qty * l.unitPrice, 0);
    this.emit('applied', next.id, lines.length);
    return next;
  }
}

`);
  return { kind: 'source', lang: 'en', question: 'Review this TypeScript module. The handlers look copy-pasted; propose a refactoring and point out bugs.', text };
}

function tickets(rng: Rng): LongDoc {
  const subjects = ['Cannot log in after password reset', 'Invoice shows wrong VAT', 'Export to Excel times out', 'Feature request: dark mode', 'App crashes when uploading photos', 'Delivery tracking not updating', 'Charged twice for one order', 'How do I add a second user?'];
  const bodies = ['The customer reports the issue started after the last update.', 'Steps to reproduce are attached in the original email.', 'Customer is on the Business plan and wants a callback.', 'Workaround provided: clear the cache and retry.', 'Escalated to tier 2, waiting for engineering.', 'Resolved by re-syncing the account.'];
  const items: string[] = [];
  let s = 0;
  const target = size(rng);
  for (let i = 0; s < target; i++) {
    const item = JSON.stringify({ ticket: `INC-${String(880000 + i)}`, customer_ref: `C-${rng.range(10000, 99999)}`, subject: rng.pick(subjects), priority: rng.pick(['low', 'normal', 'high']), status: rng.pick(['open', 'pending', 'resolved']), body: `${rng.pick(bodies)} ${rng.pick(bodies)}`, created: `2025-02-${String(rng.range(1, 28)).padStart(2, '0')}T${String(rng.range(0, 23)).padStart(2, '0')}:${String(rng.range(0, 59)).padStart(2, '0')}:00Z` }, null, 2);
    items.push(item);
    s += item.length + 2;
  }
  return { kind: 'json_export', lang: 'en', question: 'Cluster these support tickets into themes and estimate how many belong to each theme.', text: `[\n${items.join(',\n')}\n]` };
}

function runbook(rng: Rng): LongDoc {
  const steps = [
    'Check the pod status:\n\n```sh\nkubectl -n payments get pods -o wide\n```',
    'Look at recent events:\n\n```sh\nkubectl -n payments get events --sort-by=.lastTimestamp | tail -n 30\n```',
    'If the database is the bottleneck, check active connections:\n\n```sql\nSELECT state, count(*) FROM pg_stat_activity GROUP BY state;\n```',
    'Restart the deployment only if the health checks keep failing:\n\n```sh\nkubectl -n payments rollout restart deploy/payments-api\nkubectl -n payments rollout status deploy/payments-api\n```',
    'Drain a bad node:\n\n```sh\nkubectl cordon aks-nodepool1-12345678-vmss000003\nkubectl drain aks-nodepool1-12345678-vmss000003 --ignore-daemonsets --delete-emptydir-data\n```',
    'Check disk usage on the VM:\n\n```sh\ndf -h /var/lib/docker\nsudo du -sh /var/log/* | sort -h | tail\n```',
    'Escalate to the on-call DBA if replication lag exceeds 60 seconds.',
    'Post a status update in the incident channel every 30 minutes.',
  ];
  const text = grow(rng, size(rng), '# Payments platform runbook\n\n', (i) => `## ${i + 1}. ${rng.pick(['Symptom: elevated 5xx', 'Symptom: slow checkout', 'Symptom: queue backlog', 'Maintenance: node rotation', 'Maintenance: certificate renewal'])}\n\n${Array.from({ length: rng.range(2, 4) }, () => rng.pick(steps)).join('\n\n')}\n\n`);
  return { kind: 'runbook', lang: 'en', question: 'Turn this runbook into a shorter checklist for first responders. Keep the commands.', text };
}

function frenchReport(rng: Rng): LongDoc {
  const sents = [
    'Le chiffre d\'affaires du trimestre progresse de 4,2 % par rapport à la même période de l\'année précédente.', 'La marge opérationnelle reste stable malgré la hausse des coûts de l\'énergie.',
    'Les ventes en ligne représentent désormais 38 % du total.', 'Le conseil recommande de poursuivre les investissements dans la logistique du dernier kilomètre.',
    'Les effectifs ont augmenté de douze personnes, principalement dans les équipes techniques.', 'Un audit externe a confirmé la conformité des processus de facturation.',
    'La trésorerie nette s\'élève à 14,8 millions d\'euros à la clôture.', 'Les risques identifiés concernent principalement la dépendance à deux fournisseurs.',
  ];
  const text = grow(rng, size(rng), 'Rapport trimestriel — Direction financière\n\n', (i) => `${i + 1}. ${rng.pick(['Synthèse', 'Activité', 'Résultats', 'Ressources humaines', 'Risques', 'Perspectives'])}\n${Array.from({ length: rng.range(3, 7) }, () => rng.pick(sents)).join(' ')}\n\n`);
  return { kind: 'report', lang: 'fr', question: 'Résume ce rapport en dix points clés pour le comité de direction.', text };
}

function chineseManual(rng: Rng): LongDoc {
  const sents = ['首次使用前，请将电池充满电，充电时间约为四小时。', '长按电源键三秒即可开机，指示灯会显示为蓝色。', '如果设备无法连接无线网络，请检查路由器是否支持2.4GHz频段。', '清洁时请使用干燥的软布，不要使用含酒精的清洁剂。', '保修期为自购买之日起两年，人为损坏不在保修范围内。', '固件更新会在夜间自动进行，更新期间请勿断电。', '如需恢复出厂设置，请用针按住复位孔十秒钟。'];
  const text = grow(rng, size(rng), '智能空气净化器 用户手册\n\n', (i) => `第${i + 1}章 ${rng.pick(['安全须知', '产品概述', '安装说明', '使用方法', '维护保养', '故障排除', '技术参数'])}\n${Array.from({ length: rng.range(3, 6) }, () => rng.pick(sents)).join('')}\n\n`);
  return { kind: 'manual', lang: 'zh', question: '请根据这份用户手册，整理一份常见问题解答（FAQ），至少十条。', text };
}

function spanishMinutes(rng: Rng): LongDoc {
  const sents = ['Se aprueba por unanimidad el acta de la sesión anterior.', 'El tesorero presenta el estado de cuentas, con un saldo positivo de 8.420 euros.', 'Se acuerda solicitar tres presupuestos para la reparación de la fachada.', 'Varios vecinos manifiestan quejas por el ruido del ascensor.', 'Se decide instalar iluminación LED en el garaje para reducir el consumo.', 'La próxima junta se celebrará en el mes de junio.'];
  const text = grow(rng, size(rng), 'Acta de la Junta General Ordinaria de la Comunidad de Propietarios\n\n', (i) => `Punto ${i + 1}. ${rng.pick(['Aprobación de cuentas', 'Obras', 'Ruegos y preguntas', 'Presupuesto anual', 'Nombramiento de cargos'])}\n${Array.from({ length: rng.range(3, 6) }, () => rng.pick(sents)).join(' ')}\n\n`);
  return { kind: 'minutes', lang: 'es', question: 'Resume los acuerdos tomados en esta acta y los plazos pendientes.', text };
}

export const LONG_DOCS: readonly ((rng: Rng) => LongDoc)[] = [contract, accessLog, csvSales, openapi, transcript, germanPolicy, appLog, paper, tsModule, tickets, runbook, frenchReport, chineseManual, spanishMinutes];
