/**
 * The `crs-setup.conf` equivalent, generated from the Portcullis config so that paranoia
 * level, thresholds and HTTP policy live in one YAML file and cannot drift from it.
 * Ids 900000–900999 are the range CRS reserves for its setup.
 */
import type { CrsMajor } from './crs-version.js';

export interface CrsSetup {
  readonly major: CrsMajor;
  /** x.y.z, written to tx.crs_setup_version as CRS expects (e.g. 4.7.0 → 470). */
  readonly version: string;
  readonly paranoiaLevel: number;
  /** v4 only: rules above paranoiaLevel up to this level run and score, but never block. */
  readonly detectionParanoiaLevel: number;
  readonly inboundAnomalyThreshold: number;
  readonly allowedMethods: readonly string[];
}

export function crsSetupText(s: CrsSetup): string {
  const lines = [
    // Anomaly-scoring mode: CRS rules add to a score and 949110 decides once.
    'SecDefaultAction "phase:1,log,auditlog,pass"',
    'SecDefaultAction "phase:2,log,auditlog,pass"',
    `SecAction "id:900990,phase:1,pass,nolog,setvar:tx.crs_setup_version=${s.version.replace(/\./g, '')}"`,
    `SecAction "id:900110,phase:1,pass,nolog,setvar:tx.inbound_anomaly_score_threshold=${s.inboundAnomalyThreshold},setvar:tx.outbound_anomaly_score_threshold=4"`,
    `SecAction "id:900200,phase:1,pass,nolog,setvar:'tx.allowed_methods=${s.allowedMethods.join(' ')}'"`,
  ];
  if (s.major === 4) {
    lines.push(`SecAction "id:900000,phase:1,pass,nolog,setvar:tx.blocking_paranoia_level=${s.paranoiaLevel}"`);
    lines.push(`SecAction "id:900001,phase:1,pass,nolog,setvar:tx.detection_paranoia_level=${Math.max(s.paranoiaLevel, s.detectionParanoiaLevel)}"`);
  } else {
    lines.push(`SecAction "id:900000,phase:1,pass,nolog,setvar:tx.paranoia_level=${s.paranoiaLevel}"`);
  }
  return `${lines.join('\n')}\n`;
}
