import { describe, expect, it } from 'vitest';
import { BUILTIN_NAMES, builtinVariables } from '../../src/template/builtins.js';

/** A fixed clock: 2026-02-08T11:31:40.123Z (a Sunday), so every date below is exact. */
const T = Date.UTC(2026, 1, 8, 11, 31, 40, 123);

describe("built-in variables mean what the docs' authors' runner meant", () => {
  const vars = builtinVariables(T);

  it('dates and times', () => {
    expect(vars).toMatchObject({
      timestamp: T,
      unique_id: T,
      now_timestamp: Math.floor(T / 1000),
      tomorrow_timestamp: Math.floor(T / 1000) + 86_400,
      now_datetime: '2026-02-08T11:31:40.123Z',
      current_date: '2026-02-08',
      today_date: '2026-02-08',
      yesterday_date: '2026-02-07',
      tomorrow_date: '2026-02-09',
      tomorrow_datetime: '2026-02-09T17:00:00.000Z',
      next_week_date: '2026-02-15',
      next_week_datetime: '2026-02-15T17:00:00.000Z',
      next_month_date: '2026-03-08',
      start_of_month_date: '2026-02-01',
      end_of_month_date: '2026-02-28',
      current_year: '2026',
      current_month: '02',
      future_datetime: '2026-02-09T11:31:40.123Z',
      future_datetime_48h: '2026-02-10T11:31:40.123Z',
    });
  });

  it('end of month across years and leap years', () => {
    expect(builtinVariables(Date.UTC(2028, 1, 3)).end_of_month_date).toBe('2028-02-29');
    expect(builtinVariables(Date.UTC(2026, 11, 31, 23)).start_of_month_date).toBe('2026-12-01');
    expect(builtinVariables(Date.UTC(2026, 11, 31, 23)).tomorrow_date).toBe('2027-01-01');
  });

  it('random values have the documented shapes and stay fixed for the doc run', () => {
    expect(vars.random_email).toBe(`apitest_${T}@example.com`);
    expect(vars.random_phone).toMatch(/^\+1555\d{7}$/);
    expect(vars.random_string).toMatch(/^test_[0-9a-z]{8}$/);
    expect(vars.random_number).toBeGreaterThanOrEqual(0);
    expect(vars.random_number).toBeLessThanOrEqual(9999);
    expect(vars.random_url).toMatch(/^https:\/\/example\.com\//);
    for (const name of ['random_address', 'random_firstname', 'random_lastname']) expect(String(vars[name])).toMatch(/\S/);
    const again = [vars.random_phone, vars.random_string, vars.random_number, vars.random_firstname];
    expect([vars.random_phone, vars.random_string, vars.random_number, vars.random_firstname]).toEqual(again);
  });

  it('every documented name exists', () => {
    for (const name of [
      'tomorrow_timestamp',
      'next_week_datetime',
      'yesterday_date',
      'current_year',
      'random_address',
      'random_url',
      'random_firstname',
      'random_lastname',
      'random_number',
    ])
      expect(BUILTIN_NAMES.has(name)).toBe(true);
  });
});
