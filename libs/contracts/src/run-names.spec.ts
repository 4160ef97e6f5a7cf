import { MAIN_RUN, variantOfRun, variantRunName } from './run-names';

describe('run names', () => {
  it('name a variant run so that the variant can be read back, and the main run is no variant', () => {
    expect(variantOfRun(variantRunName('drops-await'))).toBe('drops-await');
    expect(variantOfRun(MAIN_RUN)).toBeNull();
    expect(variantRunName('x')).not.toBe(MAIN_RUN);
  });
});
