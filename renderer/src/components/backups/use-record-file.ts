import { useRef, useState } from 'react';
import { checkRecordText, recordFileProblem, type RecordPreview } from './backup-record-file';

export type RecordFileState =
  | { status: 'empty' }
  | { status: 'reading'; name: string }
  | { status: 'ready'; name: string; size: number; text: string; preview: RecordPreview }
  | { status: 'invalid'; name?: string; message: string };

/** Reads a dropped or picked record file in the renderer and checks it before anything is sent. */
export function useRecordFile() {
  const [state, setState] = useState<RecordFileState>({ status: 'empty' });
  // A second file chosen while the first is still being read wins.
  const latest = useRef(0);

  async function accept(files: FileList | readonly File[] | null | undefined) {
    const list = files ? Array.from(files) : [];
    if (list.length === 0) return;
    const token = ++latest.current;
    if (list.length > 1) return setState({ status: 'invalid', message: 'Drop one record file at a time.' });
    const file = list[0];
    const problem = recordFileProblem(file);
    if (problem) return setState({ status: 'invalid', name: file.name, message: problem });
    setState({ status: 'reading', name: file.name });
    let text: string;
    try {
      text = await file.text();
    } catch {
      if (token === latest.current) setState({ status: 'invalid', name: file.name, message: `“${file.name}” could not be read.` });
      return;
    }
    if (token !== latest.current) return;
    const check = checkRecordText(text);
    setState(check.ok ? { status: 'ready', name: file.name, size: file.size, text, preview: check.preview } : { status: 'invalid', name: file.name, message: check.message });
  }

  return { state, accept };
}
