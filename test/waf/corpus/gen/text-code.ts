/** Code in prompts (benign.code). Written for this corpus. */

export interface Snippet {
  readonly lang: string;
  readonly asks: readonly string[];
  readonly code: string;
}

export const CODE: readonly Snippet[] = [
  {
    lang: 'python',
    asks: ['Why does this raise KeyError sometimes?', 'Can you make this more idiomatic?'],
    code: `def count_words(lines):
    counts = {}
    for line in lines:
        for w in line.lower().split():
            w = w.strip('.,;:!?"\\'()[]')
            counts[w] += 1
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:10]`,
  },
  {
    lang: 'python',
    asks: ['Review this Flask endpoint. Is the query safe?', 'Add input validation to this handler.'],
    code: `@app.route("/orders/<int:order_id>")
def get_order(order_id):
    row = db.execute(
        "SELECT id, status, total FROM orders WHERE id = ? AND tenant_id = ?",
        (order_id, g.tenant_id),
    ).fetchone()
    if row is None:
        abort(404)
    return jsonify(dict(row))`,
  },
  {
    lang: 'python',
    asks: ['This regex is supposed to match ISO dates but it also matches 2023-13-45. Fix it?', 'Explain this regex piece by piece.'],
    code: `import re
DATE = re.compile(r"^(\\d{4})-(\\d{2})-(\\d{2})(?:T(\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})?)?$")
for s in ["2024-02-29", "2023-13-45", "2024-06-01T12:30:00Z"]:
    print(s, bool(DATE.match(s)))`,
  },
  {
    lang: 'python',
    asks: ['My asyncio tasks never finish, what am I doing wrong?', 'Rewrite this with asyncio.TaskGroup.'],
    code: `import asyncio, aiohttp

async def fetch(session, url):
    async with session.get(url) as r:
        return await r.text()

async def main(urls):
    async with aiohttp.ClientSession() as s:
        tasks = [fetch(s, u) for u in urls]
        for t in tasks:
            print(len(t))

asyncio.run(main(["https://example.com", "https://example.org"]))`,
  },
  {
    lang: 'python',
    asks: ['Write pytest tests for this function.', 'Is there an off-by-one error here?'],
    code: `def paginate(items, page, per_page=20):
    start = (page - 1) * per_page
    end = start + per_page
    return {"items": items[start:end], "page": page, "pages": (len(items) + per_page - 1) // per_page}`,
  },
  {
    lang: 'python',
    asks: ['Is subprocess with shell=True a problem here? The filename comes from the upload form.', 'How do I rewrite this without shell=True?'],
    code: `import subprocess
def thumbnail(path):
    out = path.rsplit(".", 1)[0] + "_thumb.jpg"
    subprocess.run(f"convert '{path}' -resize 200x200 '{out}'", shell=True, check=True)
    return out`,
  },
  {
    lang: 'javascript',
    asks: ['Code review please: we render user comments like this. Is it XSS-safe?', 'How should I fix the innerHTML usage here?'],
    code: `function renderComment(c) {
  const li = document.createElement('li');
  li.innerHTML = '<strong>' + c.author + '</strong>: ' + c.text;
  document.querySelector('#comments').appendChild(li);
}
// c.text can contain "<script>alert(1)</script>" from other users`,
  },
  {
    lang: 'javascript',
    asks: ['Why does this print undefined three times?', 'Explain closures using this example.'],
    code: `var fns = [];
for (var i = 0; i < 3; i++) {
  fns.push(function () { return [1, 2, 3][i]; });
}
console.log(fns.map(f => f()));`,
  },
  {
    lang: 'javascript',
    asks: ['Convert this Express middleware to TypeScript.', 'Does this rate limiter leak memory?'],
    code: `const hits = new Map();
module.exports = function rateLimit(req, res, next) {
  const key = req.ip;
  const now = Date.now();
  const list = (hits.get(key) || []).filter(t => now - t < 60_000);
  list.push(now);
  hits.set(key, list);
  if (list.length > 100) return res.status(429).json({ error: "too many requests" });
  next();
};`,
  },
  {
    lang: 'javascript',
    asks: ['This regex for emails rejects valid addresses with a plus sign. Can you fix it?', 'Write a few test cases for this validator.'],
    code: `const EMAIL = /^[a-zA-Z0-9._-]+@[a-zA-Z0-9.-]+\\.[a-zA-Z]{2,}$/;
console.log(EMAIL.test("first.last@example.com"));   // true
console.log(EMAIL.test("first+tag@example.org"));    // false, should be true`,
  },
  {
    lang: 'javascript',
    asks: ['Our CSP blocks this inline script. What is the right way to load it?', 'Review this snippet from our index.html.'],
    code: `<script>
  window.__APP_CONFIG__ = { apiBase: "/api", featureFlags: ["newNav", "darkMode"] };
</script>
<script src="/static/js/main.3f9a1c.js" defer></script>`,
  },
  {
    lang: 'typescript',
    asks: ['Why does TypeScript complain "Type string is not assignable to type never" here?', 'Can you make this type-safe without the cast?'],
    code: `type Handlers = { click: (x: number, y: number) => void; key: (code: string) => void };
function on<K extends keyof Handlers>(kind: K, fn: Handlers[K]) { registry[kind].push(fn as any); }
const registry: { [K in keyof Handlers]: Handlers[K][] } = { click: [], key: [] };
on('key', (code) => console.log(code.toUpperCase()));`,
  },
  {
    lang: 'typescript',
    asks: ['Refactor this into a discriminated union.', 'Add exhaustive checking to this switch.'],
    code: `interface Shape { kind: string; radius?: number; width?: number; height?: number }
function area(s: Shape): number {
  if (s.kind === 'circle') return Math.PI * s.radius! ** 2;
  if (s.kind === 'rect') return s.width! * s.height!;
  throw new Error('unknown shape ' + s.kind);
}`,
  },
  {
    lang: 'typescript',
    asks: ['Is this zod schema right for the payload below?', 'Generate the TypeScript type from this schema.'],
    code: `const Order = z.object({
  id: z.string().uuid(),
  items: z.array(z.object({ sku: z.string().regex(/^[A-Z]{3}-\\d{4}$/), qty: z.number().int().positive() })).min(1),
  note: z.string().max(500).optional(),
});
// payload: {"id":"5b0f7d4e-2c1a-4d7b-9a51-0f2e3c4b5a69","items":[{"sku":"ABC-0042","qty":2}]}`,
  },
  {
    lang: 'typescript',
    asks: ['What does the `satisfies` operator do here?', 'Why is the inferred type of routes different with and without satisfies?'],
    code: `const routes = {
  home: '/',
  user: '/users/:id',
  search: '/search?q=:query',
} satisfies Record<string, \`/\${string}\`>;`,
  },
  {
    lang: 'go',
    asks: ['Is there a race condition in this code?', 'How would you test this with the race detector?'],
    code: `type Counter struct{ n map[string]int }

func (c *Counter) Inc(k string) { c.n[k]++ }

func main() {
	c := &Counter{n: map[string]int{}}
	var wg sync.WaitGroup
	for i := 0; i < 100; i++ {
		wg.Add(1)
		go func() { defer wg.Done(); c.Inc("hits") }()
	}
	wg.Wait()
	fmt.Println(c.n["hits"])
}`,
  },
  {
    lang: 'go',
    asks: ['Review this HTTP handler for errors I am not handling.', 'How do I add a timeout to this handler?'],
    code: `func handleUpload(w http.ResponseWriter, r *http.Request) {
	r.ParseMultipartForm(32 << 20)
	f, hdr, _ := r.FormFile("file")
	defer f.Close()
	dst, _ := os.Create(filepath.Join("/srv/uploads", filepath.Base(hdr.Filename)))
	io.Copy(dst, f)
	fmt.Fprintf(w, "{\\"ok\\":true,\\"name\\":%q}", hdr.Filename)
}`,
  },
  {
    lang: 'go',
    asks: ['Explain what this generic function does.', 'Can this be written without generics in Go 1.17?'],
    code: `func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}`,
  },
  {
    lang: 'rust',
    asks: ['Why does the borrow checker reject this?', 'How do I fix "cannot borrow `v` as mutable because it is also borrowed as immutable"?'],
    code: `fn main() {
    let mut v = vec![1, 2, 3];
    let first = &v[0];
    v.push(4);
    println!("first = {}", first);
}`,
  },
  {
    lang: 'rust',
    asks: ['Make this parser return a proper error type instead of panicking.', 'Use thiserror for the errors here.'],
    code: `fn parse_kv(line: &str) -> (String, i64) {
    let mut it = line.splitn(2, '=');
    let k = it.next().unwrap().trim().to_string();
    let v = it.next().unwrap().trim().parse::<i64>().unwrap();
    (k, v)
}`,
  },
  {
    lang: 'rust',
    asks: ['Is this unsafe block sound?', 'Can I avoid unsafe here?'],
    code: `fn as_bytes(xs: &[u32]) -> &[u8] {
    unsafe { std::slice::from_raw_parts(xs.as_ptr() as *const u8, xs.len() * 4) }
}`,
  },
  {
    lang: 'java',
    asks: ['Our security scan flagged this DAO method. What is wrong and how do I fix it?', 'Rewrite with PreparedStatement.'],
    code: `public List<User> findByName(String name) throws SQLException {
    String sql = "SELECT id, name, email FROM users WHERE name = '" + name + "'";
    try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(sql)) {
        List<User> out = new ArrayList<>();
        while (rs.next()) out.add(new User(rs.getLong(1), rs.getString(2), rs.getString(3)));
        return out;
    }
}`,
  },
  {
    lang: 'java',
    asks: ['Convert this to a record and streams.', 'What does this print?'],
    code: `public class Point {
    private final int x, y;
    public Point(int x, int y) { this.x = x; this.y = y; }
    public int getX() { return x; }
    public int getY() { return y; }
}
List<Point> pts = List.of(new Point(1, 2), new Point(3, 4));
int sum = 0;
for (Point p : pts) { if (p.getX() > 1) sum += p.getY(); }
System.out.println(sum);`,
  },
  {
    lang: 'java',
    asks: ['We upgraded log4j to 2.17.1 after Log4Shell. Is this logging config still risky?', 'Explain what %m{nolookups} did in older versions.'],
    code: `<Configuration status="WARN">
  <Appenders>
    <Console name="Console" target="SYSTEM_OUT">
      <PatternLayout pattern="%d{ISO8601} [%t] %-5level %logger{36} - %msg%n"/>
    </Console>
  </Appenders>
  <Loggers><Root level="info"><AppenderRef ref="Console"/></Root></Loggers>
</Configuration>`,
  },
  {
    lang: 'csharp',
    asks: ['Why is this async method deadlocking in our ASP.NET app?', 'Review this for async best practices.'],
    code: `public string GetWeather(string city)
{
    var client = new HttpClient();
    var json = client.GetStringAsync($"https://api.example.com/weather?city={Uri.EscapeDataString(city)}").Result;
    return JsonSerializer.Deserialize<Weather>(json)!.Summary;
}`,
  },
  {
    lang: 'csharp',
    asks: ['Is this EF Core query going to run in the database or in memory?', 'How do I see the SQL that EF generates here?'],
    code: `var recent = await db.Orders
    .Where(o => o.CreatedAt > DateTime.UtcNow.AddDays(-7) && o.Status != OrderStatus.Cancelled)
    .OrderByDescending(o => o.Total)
    .Select(o => new { o.Id, o.Total, Customer = o.Customer.Name })
    .Take(20)
    .ToListAsync();`,
  },
  {
    lang: 'csharp',
    asks: ['Write xUnit tests for this class.', 'Does this handle leap years correctly?'],
    code: `public static class Age
{
    public static int Years(DateOnly birth, DateOnly today)
    {
        int years = today.Year - birth.Year;
        if (today < birth.AddYears(years)) years--;
        return years;
    }
}`,
  },
  {
    lang: 'c',
    asks: ['Is there a buffer overflow here?', 'How would you make this safe?'],
    code: `void greet(const char *name) {
    char buf[32];
    strcpy(buf, "Hello, ");
    strcat(buf, name);
    printf("%s\\n", buf);
}`,
  },
  {
    lang: 'bash',
    asks: ['Why does this script break on filenames with spaces?', 'Make this script pass shellcheck.'],
    code: `#!/bin/bash
for f in $(ls *.csv); do
  n=$(wc -l < $f)
  echo "$f has $n lines"
  if [ $n -gt 1000 ]; then mv $f archive/; fi
done`,
  },
  {
    lang: 'yaml',
    asks: ['Why does this GitHub Actions job never run on pull requests?', 'Add a cache step for npm to this workflow.'],
    code: `name: ci
on:
  push:
    branches: [main]
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with: { node-version: 22 }
      - run: npm ci && npm test`,
  },
  {
    lang: 'dockerfile',
    asks: ['How can I make this Docker image smaller?', 'Review this Dockerfile for security issues.'],
    code: `FROM node:22
WORKDIR /app
COPY . .
RUN npm install
EXPOSE 3000
CMD ["node", "server.js"]`,
  },
  {
    lang: 'python',
    asks: ['Why is pandas warning about SettingWithCopy here?', 'Rewrite this with .loc.'],
    code: `df = pd.read_csv("sales.csv", parse_dates=["date"])
q1 = df[df["date"].dt.quarter == 1]
q1["revenue_eur"] = q1["revenue_usd"] * 0.92
print(q1.groupby("region")["revenue_eur"].sum().round(2))`,
  },
  {
    lang: 'python',
    asks: ['Is pickle safe to use for this cache?', 'What would you use instead of pickle for untrusted data?'],
    code: `import pickle, redis
r = redis.Redis()
def cached(key, fn):
    raw = r.get(key)
    if raw is not None:
        return pickle.loads(raw)
    val = fn()
    r.set(key, pickle.dumps(val), ex=300)
    return val`,
  },
  {
    lang: 'javascript',
    asks: ['Our linter complains about eval here. What is a safer alternative?', 'Explain why eval is dangerous in this case.'],
    code: `// formula comes from a spreadsheet cell, e.g. "A1 * 2 + B3"
function evaluate(formula, cells) {
  const expr = formula.replace(/[A-Z]\\d+/g, (ref) => String(cells[ref] ?? 0));
  return eval(expr);
}`,
  },
  {
    lang: 'javascript',
    asks: ['Write a React component test for this.', 'Should this use dangerouslySetInnerHTML?'],
    code: `export function Markdown({ source }) {
  const html = useMemo(() => DOMPurify.sanitize(marked.parse(source)), [source]);
  return <article className="prose" dangerouslySetInnerHTML={{ __html: html }} />;
}`,
  },
  {
    lang: 'php',
    asks: ['I inherited this PHP login form. What would you change first?', 'Convert this to use PDO prepared statements.'],
    code: `<?php
$user = $_POST['user'];
$pass = md5($_POST['pass']);
$res = mysqli_query($db, "SELECT * FROM users WHERE login='$user' AND pw='$pass'");
if (mysqli_num_rows($res) == 1) { $_SESSION['uid'] = mysqli_fetch_assoc($res)['id']; header('Location: /home.php'); }
?>`,
  },
  {
    lang: 'kotlin',
    asks: ['Convert this Java-style code to idiomatic Kotlin.', 'Is the null check needed here?'],
    code: `fun findUser(id: String?): User? {
    if (id == null) return null
    val u = repo.findById(id)
    if (u != null && u.active == true) {
        return u
    }
    return null
}`,
  },
  {
    lang: 'sql-in-python',
    asks: ['This migration script is slow on 20M rows, any ideas?', 'Should I batch these updates?'],
    code: `with conn.cursor() as cur:
    cur.execute("SELECT id, email FROM customers")
    for cid, email in cur.fetchall():
        cur.execute("UPDATE customers SET email_lower = %s WHERE id = %s", (email.lower(), cid))
conn.commit()`,
  },
  {
    lang: 'typescript',
    asks: ['Why does this fetch wrapper swallow errors?', 'Add retries with exponential backoff.'],
    code: `export async function getJson<T>(url: string, init?: RequestInit): Promise<T | undefined> {
  try {
    const res = await fetch(url, { ...init, headers: { accept: 'application/json', ...init?.headers } });
    return (await res.json()) as T;
  } catch {
    return undefined;
  }
}`,
  },
  {
    lang: 'regex',
    asks: ['Can you explain what this regular expression matches?', 'Is this regex vulnerable to catastrophic backtracking?'],
    code: `^(?=.*[A-Z])(?=.*[a-z])(?=.*\\d)(?=.*[!@#$%^&*()_+\\-=\\[\\]{};':"\\\\|,.<>\\/?]).{12,64}$`,
  },
  {
    lang: 'powershell',
    asks: ['Why does this only return the first 1000 users?', 'Add error handling to this script.'],
    code: `Import-Module ActiveDirectory
$users = Get-ADUser -Filter 'Enabled -eq $true' -Properties LastLogonDate |
  Where-Object { $_.LastLogonDate -lt (Get-Date).AddDays(-90) }
$users | Select-Object SamAccountName, LastLogonDate | Export-Csv .\\stale.csv -NoTypeInformation`,
  },
];
