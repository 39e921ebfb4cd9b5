import { VkError } from '../../shared/errors.ts';
import { translate } from '../../shared/i18n/translate.ts';
import type { OrgConfig } from '../../shared/org-config.ts';
import type { RedactArgs } from './args.ts';

const OPTION_OF = {
  recipient: '--recipient',
  purpose: '--purpose',
  language: '--lang',
  keep: '--keep',
  detect: '--no-detect',
  watermark: '--no-watermark',
} as const;

/**
 * The command's settings under an organisation's config: its defaults fill what the command
 * line left open; what it locks may not be given; kinds it does not allow to keep stay black.
 */
export function applyOrgConfig(args: RedactArgs, config: OrgConfig): RedactArgs {
  const locked = new Set(config.locked ?? []);
  const given = (option: string) => args.given.includes(option);
  const lang = given('--lang') ? args.lang : (config.language ?? args.lang);
  const organisation = config.organisation?.name ?? '—';
  for (const [setting, option] of Object.entries(OPTION_OF)) {
    if (locked.has(setting as keyof typeof OPTION_OF) && given(option))
      throw new VkError('INVALID_ARGUMENTS', {
        reason: translate(lang, 'cli.locked', { option, organisation }),
      });
  }
  const keep = given('--keep') ? args.keep : (config.keep ?? args.keep);
  if (config.mayKeep) {
    const refused = keep.find((k) => !config.mayKeep?.includes(k));
    if (refused)
      throw new VkError('INVALID_ARGUMENTS', {
        reason: translate(lang, 'cli.not_keepable', { kind: refused, organisation }),
      });
  }
  const purpose = given('--purpose') ? args.purpose : (config.purposes?.[0] ?? args.purpose);
  return {
    ...args,
    lang,
    keep,
    purpose,
    recipient: given('--recipient') ? args.recipient : (config.defaultRecipient ?? args.recipient),
  };
}
