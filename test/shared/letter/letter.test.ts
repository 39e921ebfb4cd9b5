import { describe, expect, it } from 'vitest';
import { answerDeadline, longDate } from '../../../shared/letter/deadline.ts';
import { ARTICLE, buildLetter } from '../../../shared/letter/letter.ts';
import { PURPOSES } from '../../../shared/settings.ts';

describe('answer deadline: one month after receipt (art. 12(3) GDPR)', () => {
  it.each([
    ['2026-12-02', '2027-01-02'],
    ['2026-12-31', '2027-01-31'],
    ['2026-01-31', '2026-02-28'],
    ['2028-01-31', '2028-02-29'],
    ['2028-01-29', '2028-02-29'],
    ['2026-01-28', '2026-02-28'],
    ['2026-03-31', '2026-04-30'],
    ['2026-08-31', '2026-09-30'],
    ['2026-05-30', '2026-06-30'],
    ['2026-02-28', '2026-03-28'],
  ])('%s → %s', (from, due) => {
    expect(answerDeadline(from)).toBe(due);
  });

  it('writes dates the way a letter does, in both languages', () => {
    expect(longDate('2027-01-02', 'nl')).toBe('2 januari 2027');
    expect(longDate('2027-01-02', 'en')).toBe('2 January 2027');
  });
});

describe('AVG request letter', () => {
  const requester = {
    name: 'Anna de Boer',
    contact: 'Dorpsstraat 1\n1234 AB Utrecht\nanna@example.org',
  };

  it.each(
    PURPOSES.flatMap((right) => (['nl', 'en'] as const).map((lang) => [right, lang] as const)),
  )(
    '%s in %s: the right, its article, the deadline, the redacted copy, the requester',
    (right, lang) => {
      const letter = buildLetter({
        right,
        lang,
        requester,
        recipient: 'Gemeente Voorbeeld\nPostbus 1\n1000 AA Voorbeeld',
        date: '2026-01-31',
      });
      const article = String(ARTICLE[right]);
      expect(letter.subject).toContain(article);
      expect(letter.subject).toMatch(lang === 'nl' ? /AVG/ : /GDPR/);
      const body = letter.paragraphs.join('\n');
      expect(body).toContain(`${lang === 'nl' ? 'artikel' : 'Article'} ${article}`);
      // Received 31 January 2026: the answer is due 28 February 2026.
      expect(body).toContain(lang === 'nl' ? '28 februari 2026' : '28 February 2026');
      expect(body).toMatch(lang === 'nl' ? /zwart gemaakt.*watermerk/s : /blacked out.*watermark/s);
      expect(letter.dateLine).toContain(lang === 'nl' ? '31 januari 2026' : '31 January 2026');
      expect(letter.sender).toEqual([
        'Anna de Boer',
        'Dorpsstraat 1',
        '1234 AB Utrecht',
        'anna@example.org',
      ]);
      expect(letter.recipient[0]).toBe('Gemeente Voorbeeld');
      expect(letter.signature).toEqual(['Anna de Boer']);
    },
  );

  it('asks for something different for each right', () => {
    const requests = PURPOSES.map(
      (right) =>
        buildLetter({ right, lang: 'nl', requester, recipient: 'X', date: '2026-12-02' })
          .paragraphs[1],
    );
    expect(new Set(requests).size).toBe(PURPOSES.length);
    expect(ARTICLE).toEqual({
      inzage: 15,
      rectificatie: 16,
      verwijdering: 17,
      beperking: 18,
      overdraagbaarheid: 20,
      bezwaar: 21,
    });
  });
});
