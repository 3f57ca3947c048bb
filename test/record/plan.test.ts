import { describe, expect, it } from 'vitest';
import { planChanges } from '../../src/record/plan.js';

const now = new Date('2026-03-01T12:00:00.000Z');
const seed = { status: 'verified', savedAt: '2026-02-08T11:31:40.000Z', verifiedAt: '2026-02-08T11:31:40.000Z', timesReused: 0 };
const later = '2026-03-01T10:00:00.123Z';

describe('planChanges', () => {
  it('a pass sets verifiedAt to the finish time and counts the execution', () => {
    expect(planChanges(seed, { outcome: 'passed', finishedAt: later, reuseIncrement: 1, now })).toEqual([
      { key: 'verifiedAt', old: seed.verifiedAt, new: later },
      { key: 'timesReused', old: 0, new: 1 },
    ]);
  });

  it('pending (or success, or no status) becomes verified on a pass', () => {
    for (const status of ['pending', 'success', undefined]) {
      const changes = planChanges({ ...seed, status }, { outcome: 'passed', finishedAt: later, reuseIncrement: 1, now });
      expect(changes[0]).toEqual({ key: 'status', old: status, new: 'verified' });
    }
  });

  it('a failure sets status failed and keeps verifiedAt', () => {
    expect(planChanges(seed, { outcome: 'failed', finishedAt: later, reuseIncrement: 1, now })).toEqual([
      { key: 'status', old: 'verified', new: 'failed' },
      { key: 'timesReused', old: 0, new: 1 },
    ]);
  });

  it('a skipped doc changes nothing, unless other docs used it', () => {
    expect(planChanges(seed, { outcome: 'skipped', finishedAt: later, reuseIncrement: 0, now })).toEqual([]);
    expect(planChanges(seed, { outcome: 'skipped', finishedAt: later, reuseIncrement: 2, now })).toEqual([{ key: 'timesReused', old: 0, new: 2 }]);
  });

  it('a used doc only gains timesReused', () => {
    expect(planChanges({ ...seed, status: 'pending', timesReused: 4 }, { reuseIncrement: 2, now })).toEqual([{ key: 'timesReused', old: 4, new: 6 }]);
  });

  it.each(['skip', 'skipped', 'deprecated', ' Skipped '])('never touches a doc with status %s', (status) => {
    expect(planChanges({ ...seed, status }, { outcome: 'passed', finishedAt: later, reuseIncrement: 3, now })).toEqual([]);
  });

  it('a result older than the current verifiedAt does not move status or verifiedAt backwards', () => {
    const old = '2026-01-01T00:00:00.000Z';
    expect(planChanges(seed, { outcome: 'passed', finishedAt: old, reuseIncrement: 1, now })).toEqual([{ key: 'timesReused', old: 0, new: 1 }]);
    expect(planChanges(seed, { outcome: 'failed', finishedAt: old, reuseIncrement: 1, now })).toEqual([{ key: 'timesReused', old: 0, new: 1 }]);
  });

  it('adds savedAt and a missing or unreadable timesReused', () => {
    expect(planChanges({ status: 'pending', timesReused: 'many' }, { outcome: 'passed', finishedAt: later, reuseIncrement: 1, now })).toEqual([
      { key: 'status', old: 'pending', new: 'verified' },
      { key: 'verifiedAt', old: undefined, new: later },
      { key: 'timesReused', old: 'many', new: 1 },
      { key: 'savedAt', old: undefined, new: later },
    ]);
  });

  it('normalises the finish time to ISO 8601 UTC with milliseconds', () => {
    const changes = planChanges(seed, { outcome: 'passed', finishedAt: '2026-03-01T11:00:00+01:00', reuseIncrement: 0, now });
    expect(changes).toEqual([{ key: 'verifiedAt', old: seed.verifiedAt, new: '2026-03-01T10:00:00.000Z' }]);
  });
});
