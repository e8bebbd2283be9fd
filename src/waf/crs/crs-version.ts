import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type CrsMajor = 3 | 4;

/**
 * The CRS major version of a rules folder, read from the `ver:'OWASP_CRS/x.y.z'` of its
 * initialization file: v3 and v4 name the paranoia variables differently, so the setup
 * we generate must match. Throws when the folder does not hold the CRS.
 */
export function detectCrsVersion(rulesDir: string): { major: CrsMajor; version: string } {
  let text: string;
  try {
    text = readFileSync(join(rulesDir, 'REQUEST-901-INITIALIZATION.conf'), 'utf8');
  } catch {
    throw new Error(`${rulesDir} holds no REQUEST-901-INITIALIZATION.conf: not an OWASP CRS rules folder`);
  }
  const m = /ver:'OWASP_CRS\/(\d+)\.(\d+)\.(\d+)'/.exec(text);
  if (m === null) throw new Error(`${rulesDir}: cannot tell the CRS version (no ver:'OWASP_CRS/…' in REQUEST-901)`);
  const major = Number(m[1]);
  if (major !== 3 && major !== 4) throw new Error(`${rulesDir}: CRS ${m[1]}.${m[2]}.${m[3]} is not supported (3.3 and 4.x are)`);
  return { major, version: `${m[1]}.${m[2]}.${m[3]}` };
}
