import { BODY_MAX_CHARS, SUBJECT_MAX_CHARS, type GetHelpForm, type TicketLevel } from '../common/bridge-api.js';

/** A problem with one field of the Get help form: which field, and which message (a locale key). */
export interface FormProblem {
  field: 'help-subject' | 'help-description';
  message: 'subjectMissing' | 'subjectTooLong' | 'descriptionMissing' | 'descriptionTooLong';
  max?: number;
}

/** Field-by-field problems, in the order of the form; none means the form may be sent. */
export function validateHelpForm(form: Pick<GetHelpForm, 'subject' | 'description'>): FormProblem[] {
  const problems: FormProblem[] = [];
  const subject = form.subject.trim();
  const description = form.description.trim();
  if (!subject) problems.push({ field: 'help-subject', message: 'subjectMissing' });
  else if (subject.length > SUBJECT_MAX_CHARS) problems.push({ field: 'help-subject', message: 'subjectTooLong', max: SUBJECT_MAX_CHARS });
  if (!description) problems.push({ field: 'help-description', message: 'descriptionMissing' });
  else if (description.length > BODY_MAX_CHARS) problems.push({ field: 'help-description', message: 'descriptionTooLong', max: BODY_MAX_CHARS });
  return problems;
}

/** Urgency and impact, in the order the radios list them (the locale keys of their words). */
export const URGENCY_CHOICES: ReadonlyArray<[TicketLevel, 'urgencyHigh' | 'urgencyMedium' | 'urgencyLow']> = [
  ['high', 'urgencyHigh'],
  ['medium', 'urgencyMedium'],
  ['low', 'urgencyLow'],
];
export const IMPACT_CHOICES: ReadonlyArray<[TicketLevel, 'impactLow' | 'impactMedium' | 'impactHigh']> = [
  ['low', 'impactLow'],
  ['medium', 'impactMedium'],
  ['high', 'impactHigh'],
];
