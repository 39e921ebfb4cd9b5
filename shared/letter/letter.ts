import { translate, type Lang, type MessageKey } from '../i18n/translate.ts';
import { type Static, Type } from '../schema.ts';
import type { Purpose } from '../settings.ts';
import { answerDeadline, longDate } from './deadline.ts';

/** The GDPR article behind each right a person can invoke with the copy. */
export const ARTICLE: Record<Purpose, number> = {
  inzage: 15,
  rectificatie: 16,
  verwijdering: 17,
  beperking: 18,
  overdraagbaarheid: 20,
  bezwaar: 21,
};

/** What the person types in for the letter; held for this export only, never stored. */
export const RequesterSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 120, pattern: '\\S' }),
    /** Address, e-mail and/or phone, one per line. */
    contact: Type.String({ maxLength: 500 }),
  },
  { additionalProperties: false },
);
export type Requester = Static<typeof RequesterSchema>;

export interface LetterRequest {
  right: Purpose;
  lang: Lang;
  requester: Requester;
  recipient: string;
  /** ISO date the letter is dated (and, at the latest, received). */
  date: string;
}

export interface Letter {
  /** Lines at the top: sender, then recipient, then date. */
  sender: string[];
  recipient: string[];
  dateLine: string;
  subject: string;
  paragraphs: string[];
  closing: string;
  signature: string[];
}

/**
 * The request letter for one right, in Dutch or English: who asks, what, under which article,
 * by when the answer is due, and that the enclosed ID copy is redacted and watermarked.
 */
export function buildLetter(req: LetterRequest): Letter {
  const t = (key: MessageKey, params: Record<string, string | number> = {}) =>
    translate(req.lang, key, params);
  const article = ARTICLE[req.right];
  const lines = (text: string) =>
    text
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean);
  return {
    sender: [req.requester.name.trim(), ...lines(req.requester.contact)],
    recipient: lines(req.recipient),
    dateLine: t('letter.date', { date: longDate(req.date, req.lang) }),
    subject: t('letter.subject', { right: t(`letter.right_${req.right}`), article }),
    paragraphs: [
      t('letter.salutation'),
      t(`letter.request_${req.right}`, { article }),
      t('letter.deadline', { deadline: longDate(answerDeadline(req.date), req.lang) }),
      t('letter.enclosure'),
      t('letter.contact'),
    ],
    closing: t('letter.closing'),
    signature: [req.requester.name.trim()],
  };
}
