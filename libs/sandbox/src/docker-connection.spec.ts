import { dockerConnectionOptions } from './docker-connection';

const files: Record<string, string> = { '/certs/ca.pem': 'CA', '/certs/cert.pem': 'CERT', '/certs/key.pem': 'KEY' };
const readFile = ((path: string) => Buffer.from(files[path] ?? '')) as never;

describe('dockerConnectionOptions', () => {
  it('uses the local socket when DOCKER_HOST is empty', () => {
    expect(dockerConnectionOptions('/var/run/docker.sock', { host: '', tlsVerify: false, certPath: '' })).toEqual({
      socketPath: '/var/run/docker.sock',
    });
  });

  it('talks TLS to a remote engine with the client certificates', () => {
    const options = dockerConnectionOptions('/s', { host: 'tcp://sandbox-1.internal:2376', tlsVerify: true, certPath: '/certs' }, readFile);
    expect(options).toMatchObject({ host: 'sandbox-1.internal', port: 2376, protocol: 'https' });
    expect(options.ca).toEqual(Buffer.from('CA'));
    expect(options.cert).toEqual(Buffer.from('CERT'));
    expect(options.key).toEqual(Buffer.from('KEY'));
  });

  it('takes a plain tcp engine and a unix socket path', () => {
    expect(dockerConnectionOptions('/s', { host: 'tcp://10.0.0.5:2375', tlsVerify: false, certPath: '' })).toEqual({
      host: '10.0.0.5',
      port: 2375,
      protocol: 'http',
    });
    expect(dockerConnectionOptions('/s', { host: 'unix:///run/other.sock', tlsVerify: false, certPath: '' })).toEqual({
      socketPath: '/run/other.sock',
    });
  });

  it('refuses TLS without a certificate folder, saying which variable is missing', () => {
    expect(() => dockerConnectionOptions('/s', { host: 'tcp://h:2376', tlsVerify: true, certPath: '' })).toThrow(/DOCKER_CERT_PATH/);
  });
});
