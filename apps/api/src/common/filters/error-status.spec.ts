import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ErrorCode } from '@asynclab/contracts';
import { HTTP_STATUS_OF } from './error-status';

describe('error codes', () => {
  it('are each listed in docs/api-errors.md with the status the API answers', () => {
    const doc = readFileSync(join(__dirname, '../../../../../docs/api-errors.md'), 'utf8');
    for (const code of Object.values(ErrorCode)) {
      expect(doc).toContain(`| \`${code}\` | ${HTTP_STATUS_OF[code]} |`);
    }
  });
});
