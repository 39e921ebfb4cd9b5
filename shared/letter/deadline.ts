/**
 * The date by which an organisation must answer an AVG request: one month after receipt
 * (art. 12(3) GDPR). The same day of the next month; where that month is shorter, its last day
 * (31 January → 28 or 29 February).
 */
export function answerDeadline(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const next = new Date(Date.UTC(y, m, Math.min(d, lastDay)));
  return next.toISOString().slice(0, 10);
}

/** "2027-01-02" → "2 januari 2027" / "2 January 2027", as a letter writes dates. */
export function longDate(isoDate: string, lang: 'nl' | 'en'): string {
  return new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${isoDate}T00:00:00Z`));
}
