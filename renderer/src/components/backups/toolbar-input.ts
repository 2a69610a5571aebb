import { inputClass } from '../ui/TextField';

/** The form input look at toolbar size: its width is set by each control, not stretched to the row. */
export const toolbarInputClass = `${inputClass.replace('block w-full', 'block')} h-8 py-1`;
