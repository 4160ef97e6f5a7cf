import { checkOutboundTarget, isPublicAddress, OutboundTargetError } from './outbound-target';

describe('isPublicAddress', () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.16.0.1',
    '192.168.1.1',
    '169.254.169.254',
    '0.0.0.0',
    '::1',
    'fe80::1',
    'fc00::1',
    '::ffff:127.0.0.1',
    '100.64.0.1',
  ])('refuses %s', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(['93.184.216.34', '2606:4700::1111'])('accepts %s', (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });
});

describe('checkOutboundTarget', () => {
  it('refuses loopback, link-local and IPv6 loopback literals unless allowed', async () => {
    await expect(checkOutboundTarget('http://127.0.0.1:8080/hook', false)).rejects.toThrow(/127\.0\.0\.1/);
    await expect(checkOutboundTarget('http://[::1]/hook', false)).rejects.toThrow(OutboundTargetError);
    await expect(checkOutboundTarget('http://169.254.169.254/', false)).rejects.toThrow(OutboundTargetError);
    await expect(checkOutboundTarget('http://localhost/', false)).rejects.toThrow(OutboundTargetError);
    await expect(checkOutboundTarget('http://127.0.0.1:8080/hook', true)).resolves.toBeInstanceOf(URL);
  });

  it('refuses URLs that are not http(s) or carry credentials', async () => {
    await expect(checkOutboundTarget('ftp://93.184.216.34/', true)).rejects.toThrow(/http or https/);
    await expect(checkOutboundTarget('http://u:p@93.184.216.34/', true)).rejects.toThrow(/credentials/);
    await expect(checkOutboundTarget('not a url', true)).rejects.toThrow(/not a URL/);
  });
});
