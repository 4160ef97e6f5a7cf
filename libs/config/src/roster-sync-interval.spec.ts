import { loadAppConfig, rosterSyncIntervalMs } from './app-config';

describe('LTI_ROSTER_SYNC_INTERVAL_MINUTES', () => {
  it('defaults to six hours, 0 turns the schedule off, and fractions of a minute are taken down to a second', () => {
    expect(loadAppConfig({}).ltiServices.rosterSyncIntervalMs).toBe(6 * 3600_000);
    expect(loadAppConfig({ LTI_ROSTER_SYNC_INTERVAL_MINUTES: '0' }).ltiServices.rosterSyncIntervalMs).toBe(0);
    expect(loadAppConfig({ LTI_ROSTER_SYNC_INTERVAL_MINUTES: '0.05' }).ltiServices.rosterSyncIntervalMs).toBe(3000);
    expect(rosterSyncIntervalMs(0.001)).toBe(1000);
    expect(rosterSyncIntervalMs(-5)).toBe(0);
  });
});
