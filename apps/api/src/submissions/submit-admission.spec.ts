import { SubmitAdmission } from './submit-admission';

describe('SubmitAdmission', () => {
  it('refuses with 429 and Retry-After past the bound, and admits again once one finishes', async () => {
    const admission = new SubmitAdmission(2);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const first = admission.run(() => held);
    const second = admission.run(() => held);
    await expect(admission.run(() => Promise.resolve('third'))).rejects.toMatchObject({ code: 'TOO_MANY_SUBMISSIONS' });
    release();
    await Promise.all([first, second]);
    await expect(admission.run(() => Promise.resolve('fourth'))).resolves.toBe('fourth');
  });

  it('frees the place of a submit that failed', async () => {
    const admission = new SubmitAdmission(1);
    await expect(admission.run(() => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    await expect(admission.run(() => Promise.resolve('next'))).resolves.toBe('next');
  });
});
