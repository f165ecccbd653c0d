import { describe, expect, it } from 'vitest';
import { validateHelpForm } from './help-form.js';

describe('validateHelpForm', () => {
  it('names each empty field, in the order of the form', () => {
    expect(validateHelpForm({ subject: '  ', description: '' })).toEqual([
      { field: 'help-subject', message: 'subjectMissing' },
      { field: 'help-description', message: 'descriptionMissing' },
    ]);
  });

  it('says how long a field may be', () => {
    expect(validateHelpForm({ subject: 'x'.repeat(201), description: 'ok' })).toEqual([{ field: 'help-subject', message: 'subjectTooLong', max: 200 }]);
  });

  it('accepts a filled-in form', () => {
    expect(validateHelpForm({ subject: 'Printer', description: 'Jams' })).toEqual([]);
  });
});
