import { InvalidJobPayloadError } from './run-submission.job';
import { LTI_ROSTER_SCHEDULER_ID, parseSyncLtiRosterJob, syncLtiRosterJobId, tickSlotOf } from './sync-lti-roster.job';

describe('the sync-lti-roster payload and ids', () => {
  const id = '3f1c2b7e-8a34-4a8e-9c51-0d2f6e1b9a77';

  it('accepts version 1 with a context id and a slot, and refuses anything else', () => {
    expect(parseSyncLtiRosterJob({ version: 1, contextId: id, slotMs: 1_700_000_000_000, extra: 1 })).toEqual({
      version: 1,
      contextId: id,
      slotMs: 1_700_000_000_000,
    });
    expect(() => parseSyncLtiRosterJob({ version: 2, contextId: id, slotMs: 1 })).toThrow(InvalidJobPayloadError);
    expect(() => parseSyncLtiRosterJob({ version: 1, contextId: 'x', slotMs: 1 })).toThrow(/contextId/);
    expect(() => parseSyncLtiRosterJob({ version: 1, contextId: id, slotMs: 1.5 })).toThrow(/slotMs/);
    expect(() => parseSyncLtiRosterJob({ version: 1, contextId: id, slotMs: '1' })).toThrow(/slotMs/);
  });

  it('names one job per context and slot, without the colon BullMQ reserves', () => {
    expect(syncLtiRosterJobId(id, 60_000)).toBe(`ltir-${id}-60000`);
    expect(syncLtiRosterJobId(id, 60_000)).not.toBe(syncLtiRosterJobId(id, 120_000));
    expect(syncLtiRosterJobId(id, 60_000)).not.toContain(':');
  });

  it("reads a tick's slot from the id BullMQ gives the scheduler's jobs, and nothing else", () => {
    expect(tickSlotOf(`repeat:${LTI_ROSTER_SCHEDULER_ID}:1700000000123`)).toBe(1_700_000_000_123);
    expect(tickSlotOf('repeat:another-scheduler:1700000000123')).toBeNull();
    expect(tickSlotOf(`repeat:${LTI_ROSTER_SCHEDULER_ID}:soon`)).toBeNull();
    expect(tickSlotOf('42')).toBeNull();
    expect(tickSlotOf(undefined)).toBeNull();
  });
});
