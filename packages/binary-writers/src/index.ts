export { writeVarint, varint } from './varint.js';
export { basicConstraints, extendedKeyUsage, keyUsage, pem, subjectAltName, writeCertificate } from './x509-certificate.js';
export type { CertificateExtension, CertificateFields, DistinguishedName } from './x509-certificate.js';
