const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface Age {
  /** Whole days; null when there is no readable date. */
  days: number | null;
  label: string;
}

/**
 * How long ago a doc was verified, against an injected `now` so reports and tests are reproducible.
 * Days are the unit that matters for "is this still true?"; hours and minutes only for fresh ones.
 */
export function ageOf(verifiedAt: string | undefined, now: Date): Age {
  if (verifiedAt === undefined || verifiedAt.trim() === '') return { days: null, label: 'never' };
  const at = Date.parse(verifiedAt);
  if (Number.isNaN(at)) return { days: null, label: 'invalid date' };
  const elapsed = now.getTime() - at;
  if (elapsed < 0) return { days: 0, label: 'in the future' };
  const days = Math.floor(elapsed / DAY);
  if (days >= 1) return { days, label: `${days} d ago` };
  if (elapsed >= HOUR) return { days, label: `${Math.floor(elapsed / HOUR)} h ago` };
  if (elapsed >= MINUTE) return { days, label: `${Math.floor(elapsed / MINUTE)} min ago` };
  return { days, label: 'just now' };
}
