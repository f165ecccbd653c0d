import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { X509Certificate } from 'node:crypto';
import { ConfigError, type HubConfig } from '../config.js';

export interface HubServer {
  /** HTTP, or HTTPS when a certificate was given: the API, the console and socket.io on one port. */
  server: HttpServer;
  scheme: 'http' | 'https';
  /** SHA-256 fingerprint of the certificate (`AA:BB:…`), for agents to pin. */
  tlsFingerprint?: string;
}

// Bounded request reception, so slow clients cannot hold connections open (upgraded sockets are exempt).
const TIMEOUTS = { requestTimeout: 30_000, headersTimeout: 15_000 } as const;

/** The hub's server: plain HTTP, or HTTPS with `--tls-cert FILE --tls-key FILE`. */
export function createHubServer(config: Pick<HubConfig, 'tlsCertFile' | 'tlsKeyFile' | 'connectionLimits'>): HubServer {
  const { tlsCertFile, tlsKeyFile } = config;
  if (tlsCertFile === undefined && tlsKeyFile === undefined) return { server: createHttpServer(TIMEOUTS), scheme: 'http' };
  if (tlsCertFile === undefined || tlsKeyFile === undefined) throw new ConfigError('--tls-cert and --tls-key go together.');
  const cert = readPem(tlsCertFile, '--tls-cert');
  const key = readPem(tlsKeyFile, '--tls-key');
  let tlsFingerprint: string;
  try {
    tlsFingerprint = new X509Certificate(cert).fingerprint256;
  } catch {
    throw new ConfigError(`--tls-cert ${tlsCertFile} is not a PEM certificate.`);
  }
  // https.Server speaks http.Server's request API; socket.io attaches to it the same way.
  // A connection that never finishes its TLS handshake is held no longer than a silent plain one.
  const handshakeTimeout = config.connectionLimits.idleSeconds * 1000;
  const server = createHttpsServer({ ...TIMEOUTS, cert, key, minVersion: 'TLSv1.2', handshakeTimeout }) as unknown as HttpServer;
  return { server, scheme: 'https', tlsFingerprint };
}

function readPem(file: string, flag: string): Buffer {
  try {
    return readFileSync(file);
  } catch (err) {
    throw new ConfigError(`${flag} ${file} cannot be read: ${(err as Error).message}`);
  }
}
