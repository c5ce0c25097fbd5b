// How long a child's original words are kept once their loop has closed. Pure: dates in, dates out.

/**
 * The last fed-back date whose words are due for erasure on `today`: `months` calendar months
 * earlier, on the same day of the month, or that month's last day when it is shorter. On
 * 30 September, six months back is 30 March: a loop closed on 31 March is due on 1 October.
 */
export function retentionCutoff(today: string, months: number): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) - months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(d, lastDay);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
