/**
 * SSRF of the held-out corpus: URL fields the backend fetches (chat image_url, Responses
 * input_image / input_file, MCP server_url) pointed at metadata services, loopback, private
 * ranges and odd IP spellings. Cases that are internal only after DNS are tagged needs_dns.
 */
import type { CorpusCase } from '../../types.js';
import { CategoryBuilder, CLIENTS, chatBody, clientHeaders, imagePart, routeFor, textPart, userParts } from './http.js';

interface S {
  readonly url: string;
  readonly note?: string;
  readonly dns?: boolean;
}

const s = (url: string, note?: string, dns = false): S => ({ url, ...(note ? { note } : {}), dns });

const IMAGE: readonly S[] = [
  s('http://169.254.169.254/latest/meta-data/iam/security-credentials/ec2-app-role-prod', 'AWS IMDS role credentials'),
  s('http://169.254.169.254/metadata/instance?api-version=2021-02-01&format=json', 'Azure IMDS'),
  s('http://169.254.169.254/metadata/identity/oauth2/token?api-version=2019-08-01&resource=https%3A%2F%2Fvault.azure.net', 'Azure managed identity token for Key Vault'),
  s('http://metadata.google.internal/computeMetadata/v1/project/attributes/ssh-keys?alt=text', 'GCP metadata', true),
  s('http://127.0.0.1:8080/admin/status.png', 'loopback'),
  s('http://localhost:9200/_cat/indices?v', 'local Elasticsearch'),
  s('http://[::1]:6379/', 'IPv6 loopback'),
  s('http://[::ffff:a9fe:a9fe]/latest/meta-data/', 'IPv4-mapped IPv6 metadata'),
  s('http://2852039166/latest/meta-data/', 'decimal IP for 169.254.169.254'),
  s('http://0xA9FEA9FE/latest/user-data', 'hex IP'),
  s('http://0251.0376.0251.0376/latest/meta-data/', 'octal IP'),
  s('http://10.0.12.4/internal/chart.png', 'private 10/8'),
  s('http://192.168.1.1/cgi-bin/luci', 'router admin'),
  s('http://172.17.0.1:2375/containers/json', 'Docker daemon on the bridge'),
  s('http://100.100.100.200/latest/meta-data/ram/security-credentials/', 'Alibaba Cloud metadata'),
  s('http://168.63.129.16/machine?comp=goalstate', 'Azure WireServer'),
  s('http://127.1/server-status', 'short loopback'),
  s('http://0.0.0.0:8443/metrics', 'all-zeros address'),
  s('http://169.254.170.2/v2/credentials/3f1c2a10-aaaa-bbbb-cccc-1234567890ab', 'ECS task credentials'),
  s('http://[fd00:ec2::254]/latest/meta-data/', 'AWS IMDS over IPv6'),
  s('http://kubernetes.default.svc:443/api/v1/namespaces/default/configmaps?limit=50', 'Kubernetes API', true),
  s('http://169.254.169.254.nip.io/latest/meta-data/', 'wildcard DNS to metadata', true),
];

const FILE: readonly S[] = [
  s('file:///etc/passwd', 'file scheme'),
  s('file:///C:/Windows/win.ini', 'Windows file'),
  s('gopher://127.0.0.1:6379/_%2A1%0D%0A%248%0D%0Aflushall%0D%0A', 'gopher to Redis'),
  s('dict://127.0.0.1:11211/stats', 'dict to memcached'),
  s('http://169.254.169.254/latest/user-data', 'metadata as a file URL'),
  s('ftp://10.20.0.8/exports/payroll.csv', 'internal FTP'),
  s('http://localhost:8500/v1/kv/?recurse', 'Consul KV'),
  s('http://192.168.10.20:8080/actuator/env', 'Spring actuator'),
  s('file:///proc/self/environ', 'process environment'),
  s('http://127.0.0.1:5984/_all_dbs', 'CouchDB'),
];

const MCP: readonly S[] = [
  s('http://127.0.0.1:3000/mcp', 'loopback MCP'),
  s('http://localhost:8080/sse', 'loopback SSE'),
  s('http://10.20.30.40/mcp', 'private 10/8'),
  s('http://169.254.169.254/', 'metadata'),
  s('http://internal-tools.svc.cluster.local:8000/mcp', 'cluster-internal service', true),
  s('http://[::1]:9000/mcp', 'IPv6 loopback'),
  s('http://192.168.0.10:8000/sse', 'private 192.168/16'),
  s('https://172.16.5.4/mcp', 'private 172.16/12'),
  s('http://0x7f000001:8787/mcp', 'hex loopback'),
];

export function ssrf(): CorpusCase[] {
  const out: CorpusCase[] = [];
  {
    const b = new CategoryBuilder('ssrf.image_url');
    const rng = b.rng;
    for (const x of IMAGE) {
      const client = rng.pick(CLIENTS);
      const tags = [`client:${client}`, ...(x.dns ? ['needs_dns'] : [])];
      if (rng.chance(0.65)) {
        const ri = routeFor(rng, rng.chance(0.8) ? 'chat' : 'v1chat');
        b.add({ path: ri.path, headers: clientHeaders(rng, client, { v1: ri.v1 }), body: chatBody(ri, [userParts(textPart(rng.pick(['What is in this image?', 'Describe the picture.', 'Read the text in this screenshot.'])), imagePart(x.url, rng.pick(['auto', 'high'] as const)))]), tags: [...tags, 'field:image_url'], ...(x.note ? { note: x.note } : {}) });
      } else {
        const ri = routeFor(rng, 'responses');
        b.add({ path: ri.path, headers: clientHeaders(rng, client, { v1: true }), body: { model: ri.model, input: [{ role: 'user', content: [{ type: 'input_text', text: 'Describe this image.' }, { type: 'input_image', image_url: x.url }] }] }, tags: [...tags, 'field:input_image'], ...(x.note ? { note: x.note } : {}) });
      }
    }
    out.push(...b.cases);
  }
  {
    const b = new CategoryBuilder('ssrf.file_url');
    const rng = b.rng;
    for (const x of FILE) {
      const client = rng.pick(CLIENTS);
      const ri = routeFor(rng, 'responses');
      b.add({ path: ri.path, headers: clientHeaders(rng, client, { v1: true }), body: { model: ri.model, input: [{ role: 'user', content: [{ type: 'input_file', file_url: x.url }, { type: 'input_text', text: rng.pick(['Summarise this file.', 'What does this document contain?', 'Extract the table from this file.']) }] }] }, tags: [`client:${client}`, 'field:file_url', ...(x.dns ? ['needs_dns'] : [])], ...(x.note ? { note: x.note } : {}) });
    }
    out.push(...b.cases);
  }
  {
    const b = new CategoryBuilder('ssrf.mcp_server_url');
    const rng = b.rng;
    for (const x of MCP) {
      const client = rng.pick(CLIENTS);
      const ri = routeFor(rng, 'responses');
      b.add({ path: ri.path, headers: clientHeaders(rng, client, { v1: true }), body: { model: ri.model, tools: [{ type: 'mcp', server_label: rng.pick(['internal', 'tools', 'kb', 'devops']), server_url: x.url, require_approval: 'never' }], input: rng.pick(['List the tools you have and run the first one.', 'Use the tools to fetch the latest status.', 'Search the knowledge base for "VPN".']) }, tags: [`client:${client}`, 'field:server_url', ...(x.dns ? ['needs_dns'] : [])], ...(x.note ? { note: x.note } : {}) });
    }
    out.push(...b.cases);
  }
  return out;
}
