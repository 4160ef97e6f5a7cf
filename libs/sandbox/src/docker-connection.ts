// Which Docker engine a worker runs its sandboxes on: the local socket by default, or another
// host's engine named the way the docker CLI names it (DOCKER_HOST, DOCKER_TLS_VERIFY,
// DOCKER_CERT_PATH), so sandboxes can run on machines other than the API's.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Docker from 'dockerode';
import type { DockerEndpoint } from '@asynclab/config';

export type DockerConnectionOptions = Docker.DockerOptions;

export function dockerConnectionOptions(socketPath: string, endpoint: DockerEndpoint, readFile = readFileSync): DockerConnectionOptions {
  if (!endpoint.host) return { socketPath };
  if (endpoint.host.startsWith('unix://')) return { socketPath: endpoint.host.slice('unix://'.length) || socketPath };
  const url = new URL(endpoint.host.replace(/^tcp:/, endpoint.tlsVerify ? 'https:' : 'http:'));
  if (!/^https?:$/.test(url.protocol) || !url.hostname) {
    throw new Error(`DOCKER_HOST must look like tcp://docker-host:2376 or unix:///var/run/docker.sock, not ${endpoint.host}`);
  }
  const tls = endpoint.tlsVerify || url.protocol === 'https:';
  const options: DockerConnectionOptions = {
    host: url.hostname,
    port: Number(url.port || (tls ? 2376 : 2375)),
    protocol: tls ? 'https' : 'http',
  };
  if (tls) {
    if (!endpoint.certPath)
      throw new Error('DOCKER_TLS_VERIFY is set: DOCKER_CERT_PATH must name the folder with ca.pem, cert.pem and key.pem');
    options.ca = readFile(join(endpoint.certPath, 'ca.pem'));
    options.cert = readFile(join(endpoint.certPath, 'cert.pem'));
    options.key = readFile(join(endpoint.certPath, 'key.pem'));
  }
  return options;
}

export function connectDocker(socketPath: string, endpoint: DockerEndpoint): Docker {
  return new Docker(dockerConnectionOptions(socketPath, endpoint));
}

/** A name for the engine shared by every worker using it: its own ID, so two names of one host agree. */
export async function dockerEngineId(docker: Docker): Promise<string> {
  const info = (await docker.info()) as { ID?: string; Name?: string };
  return info.ID || info.Name || 'unknown-engine';
}
