// The certificate a cluster's PostgreSQL serves (issue 13: TLS as on Hikube, `sslmode=require`,
// and `verify-full` with Hikube Local's CA): issued by that CA for the names clients use, issued
// again when those names change (the cluster becomes external) or the CA does.

import { readTlsCertificate, writeTlsFiles, type TlsFiles } from '../../engine/pg-tls-files.js';
import type { RunAs } from '../../engine/run-as.js';
import { certificateFits, issueServerCertificate, type KeyPairPem, type ServerNames } from '../../tls/certificates.js';

/**
 * The names of `postgres-<name>` in `namespace`: its Services (short and `.<namespace>.svc`), the
 * address of its internal endpoints (127.0.0.1) and its external address when it has one.
 */
export function clusterCertificateNames(name: string, namespace: string, externalAddress: string | undefined): ServerNames {
  const services = ['rw', 'ro', 'r', 'external-write'].map((suffix) => `postgres-${name}-${suffix}`);
  return {
    dnsNames: [...services, ...services.map((s) => `${s}.${namespace}.svc`), 'localhost'],
    ipAddresses: ['127.0.0.1', ...(externalAddress !== undefined && externalAddress !== '127.0.0.1' ? [externalAddress] : [])],
  };
}

/** Makes `files` hold a certificate for `names` from `ca`; true when it wrote a new one (reload the servers). */
export async function ensureClusterCertificate(
  files: TlsFiles,
  ca: KeyPairPem,
  subject: string,
  names: ServerNames,
  runAs: RunAs | undefined,
): Promise<boolean> {
  const current = await readTlsCertificate(files);
  if (current !== undefined && certificateFits(current, ca.certPem, names)) return false;
  await writeTlsFiles(files, issueServerCertificate(ca, subject, names), runAs);
  return true;
}
