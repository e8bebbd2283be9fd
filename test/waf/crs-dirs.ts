import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** CRS v4 rules: $PORTCULLIS_CRS_V4_DIR, else ../shared/crs-v4 beside the repo (compiled tests run from dist/test/waf). */
export const CRS_V4_RULES = `${process.env['PORTCULLIS_CRS_V4_DIR'] ?? fileURLToPath(new URL('../../../../shared/crs-v4', import.meta.url))}/rules`;
/** CRS 3.3 from Debian's modsecurity-crs package (.ci/run installs it). */
export const CRS_V33_RULES = '/usr/share/modsecurity-crs/rules';

export const hasV4 = existsSync(`${CRS_V4_RULES}/REQUEST-901-INITIALIZATION.conf`);
export const hasV33 = existsSync(`${CRS_V33_RULES}/REQUEST-901-INITIALIZATION.conf`);
