import type { Locator, Page } from 'playwright-core';
import { translate, type MessageKey } from '../../shared/i18n/translate.ts';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A key's text in Dutch or English, any `{param}` standing for any text. */
export function said(key: MessageKey, whole = true): RegExp {
  const alternatives = (['nl', 'en'] as const).map((lang) =>
    translate(lang, key)
      .split(/\{\w+\}/)
      .map(escape)
      .join('.*'),
  );
  const either = `(?:${alternatives.join('|')})`;
  return new RegExp(whole ? `^${either}$` : either);
}

const button = (key: MessageKey) => (page: Page) => page.getByRole('button', { name: said(key) });

/**
 * The app's controls as a person finds them, by role and visible name (in either language): the
 * tests press what a screen reader would announce, and production code carries no test ids.
 */
const CONTROLS = {
  'file-input': (page: Page) => page.locator('input[type=file]'),
  dropzone: (page: Page) => page.getByRole('region', { name: said('ui.drop') }),
  camera: button('ui.camera'),
  'camera-capture': button('ui.camera_capture'),
  'camera-use': button('ui.camera_use'),
  retake: button('ui.camera_retake'),
  progress: (page: Page) => page.getByRole('list', { name: said('ui.detecting') }),
  cancel: button('ui.cancel'),
  'region-list': (page: Page) => page.getByRole('list', { name: said('ui.regions') }),
  'document-overlay': (page: Page) =>
    page.getByRole('region', { name: said('ui.document_frame') }).locator('svg'),
  draw: button('ui.draw'),
  'add-box': button('ui.add_box'),
  delete: button('ui.delete'),
  undo: button('ui.undo'),
  'show-original': button('ui.show_original'),
  'side-1': button('ui.side_back'),
  'keep-readable': button('ui.keep_yes'),
  warnings: (page: Page) => page.getByRole('alert', { name: said('ui.warnings') }),
  acknowledge: (page: Page) => page.getByRole('checkbox', { name: said('ui.acknowledge') }),
  next: button('ui.next'),
  purpose: (page: Page) => page.getByRole('combobox', { name: said('ui.purpose') }),
  recipient: (page: Page) => page.getByRole('textbox', { name: said('ui.recipient') }),
  letter: (page: Page) => page.getByRole('checkbox', { name: said('ui.letter_add') }),
  'letter-name': (page: Page) => page.getByRole('textbox', { name: said('ui.letter_name') }),
  'letter-contact': (page: Page) => page.getByRole('textbox', { name: said('ui.letter_contact') }),
  summary: (page: Page) => page.getByRole('status').filter({ hasText: said('ui.summary', false) }),
  save: button('ui.save'),
  done: (page: Page) => page.getByRole('main', { name: said('ui.done') }),
  'show-in-folder': button('ui.show_in_folder'),
  'new-document': button('ui.new_document'),
  language: button('ui.language'),
  'front-desk': (page: Page) =>
    page.getByRole('button', {
      name: new RegExp(`${said('ui.front_desk_on').source}|${said('ui.front_desk_off').source}`),
    }),
  'handled-today': (page: Page) => page.getByText(said('ui.handled_today')),
  notice: (page: Page) =>
    page.getByRole('status').filter({
      hasText: new RegExp(`${said('ui.notice_saved').source}|${said('ui.notice_idle').source}`),
    }),
  'config-error': (page: Page) => page.getByRole('alert'),
} satisfies Record<string, (page: Page) => Locator>;

export type Control = keyof typeof CONTROLS;

export function control(page: Page, name: Control): Locator {
  return CONTROLS[name](page);
}

/**
 * From the start screen to the save step: open `file`, take the review as found (ticking off any
 * warning), name the recipient on the watermark step.
 */
export async function openToSaveStep(
  page: Page,
  file: string,
  recipient: string,
  timeout = 60_000,
): Promise<void> {
  await control(page, 'file-input').setInputFiles(file);
  await control(page, 'region-list').waitFor({ timeout });
  if (await control(page, 'acknowledge').count()) await control(page, 'acknowledge').check();
  await control(page, 'next').click();
  await control(page, 'recipient').fill(recipient);
  await control(page, 'next').click();
}
