import { BODY_MAX_CHARS, SUBJECT_MAX_CHARS, type GetHelpForm, type TicketCategory, type TicketLevel } from '../common/bridge-api.js';

/** The categories, as the employee reads them. */
export const CATEGORY_LABELS: ReadonlyArray<[TicketCategory, string]> = [
  ['hardware', 'Hardware'],
  ['software', 'Software'],
  ['account', 'Account / password'],
  ['network', 'Network / Wi-Fi'],
  ['printer', 'Printer'],
  ['email', 'Email'],
  ['other', 'Other'],
];

/** Urgency in the employee's words. */
export const URGENCY_LABELS: ReadonlyArray<[TicketLevel, string]> = [
  ['high', 'I can’t work'],
  ['medium', 'My work is impaired'],
  ['low', 'It’s a question'],
];

/** Impact in the employee's words. */
export const IMPACT_LABELS: ReadonlyArray<[TicketLevel, string]> = [
  ['low', 'Just me'],
  ['medium', 'My team'],
  ['high', 'The whole office'],
];

export type FormErrors = Partial<Record<'subject' | 'description', string>>;

/** Clear, field-by-field messages; an empty object means the form may be sent. */
export function validateHelpForm(form: Pick<GetHelpForm, 'subject' | 'description'>): FormErrors {
  const errors: FormErrors = {};
  const subject = form.subject.trim();
  const description = form.description.trim();
  if (!subject) errors.subject = 'Please say in a few words what the problem is.';
  else if (subject.length > SUBJECT_MAX_CHARS) errors.subject = `Please keep the subject under ${SUBJECT_MAX_CHARS} characters (it has ${subject.length}).`;
  if (!description) errors.description = 'Please describe what happens, and what you were doing.';
  else if (description.length > BODY_MAX_CHARS) errors.description = `Please shorten the description to ${BODY_MAX_CHARS} characters.`;
  return errors;
}

/** "1.5 GB", "820 MB": for RAM in the diagnostics summary. */
export function formatBytes(bytes: number | null): string {
  if (bytes === null) return 'Unknown';
  const gb = bytes / 1024 ** 3;
  return gb >= 1 ? `${gb.toFixed(1)} GB` : `${Math.round(bytes / 1024 ** 2)} MB`;
}

/** Yes / No / Unknown for a nullable boolean. */
export const yesNo = (value: boolean | null): string => (value === null ? 'Unknown' : value ? 'Yes' : 'No');
