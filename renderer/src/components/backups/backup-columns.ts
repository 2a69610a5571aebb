/** One grid template for the header and every row, so the columns line up. */
export const backupGridColumns =
  'grid min-w-[43rem] grid-cols-[minmax(10.5rem,1.6fr)_minmax(7.5rem,1.1fr)_minmax(5rem,0.6fr)_minmax(10.5rem,1.3fr)_minmax(4.5rem,0.7fr)_minmax(6rem,0.9fr)]';

export const backupHeaderHeight = 36;
export const backupRowHeight = 44;
