/**
 * Calendar months in a given time zone (Europe/Paris by default): the quota period of an instant
 * and the instant the next one starts. Pure: Intl does the time-zone arithmetic.
 */

function zonedParts(instant: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
}

/** "YYYY-MM" of the month containing `instant` in `timeZone`. */
export function quotaPeriod(instant: Date, timeZone: string): string {
  const { year, month } = zonedParts(instant, timeZone);
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** Offset (ms) of `timeZone` from UTC at `instant`. */
function offsetAt(instant: Date, timeZone: string): number {
  const p = zonedParts(instant, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The UTC instant of local midnight on the first day of (year, month) in `timeZone`. */
function startOfMonth(year: number, month: number, timeZone: string): Date {
  const guess = Date.UTC(year, month - 1, 1, 0, 0, 0);
  // Two passes settle the offset even when a DST change falls near the boundary.
  let instant = guess - offsetAt(new Date(guess), timeZone);
  instant = guess - offsetAt(new Date(instant), timeZone);
  return new Date(instant);
}

/** When the quota of the period containing `instant` resets (first instant of the next month). */
export function nextPeriodStart(instant: Date, timeZone: string): Date {
  const { year, month } = zonedParts(instant, timeZone);
  return month === 12 ? startOfMonth(year + 1, 1, timeZone) : startOfMonth(year, month + 1, timeZone);
}
