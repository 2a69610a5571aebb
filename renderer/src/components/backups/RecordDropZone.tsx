import { useRef, useState, type DragEvent, type Ref } from 'react';
import { Button } from '../ui/Button';

export interface RecordDropZoneProps {
  onFiles(files: FileList | null): void;
  describedBy?: string;
  /** The "Choose a file…" button, where the dialog puts focus. */
  chooseRef?: Ref<HTMLButtonElement>;
}

/** Only file drags are accepted; text or links dragged over the zone are ignored. */
export function isFileDrag(event: DragEvent): boolean {
  return Array.from(event.dataTransfer?.types ?? []).includes('Files');
}

/**
 * The drop target, with a file picker for keyboard users (a drop zone alone cannot be operated
 * without a mouse). The dialog around it accepts drops too; this zone just shows where.
 */
export function RecordDropZone({ onFiles, describedBy, chooseRef }: RecordDropZoneProps) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  return (
    <div
      data-testid="import-record-drop-zone"
      data-drag-over={over || undefined}
      onDragEnter={(event) => isFileDrag(event) && setOver(true)}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOver(false);
      }}
      onDrop={() => setOver(false)}
      className={`flex flex-col items-center gap-3 rounded-md border-2 border-dashed p-6 text-center text-sm ${
        over
          ? 'border-blue-600 bg-blue-50 dark:border-blue-400 dark:bg-blue-950/50'
          : 'border-slate-300 bg-slate-50 dark:border-slate-600 dark:bg-slate-800/40'
      }`}
    >
      <p className="font-medium text-slate-800 dark:text-slate-200">Drop a backup record (.json) here</p>
      <p className="text-xs text-slate-600 dark:text-slate-400">or</p>
      <Button ref={chooseRef} data-testid="import-record-choose" aria-describedby={describedBy} onClick={() => inputRef.current?.click()}>
        Choose a file…
      </Button>
      <input
        ref={inputRef}
        type="file"
        accept=".json,application/json"
        data-testid="import-record-file"
        className="sr-only"
        tabIndex={-1}
        aria-hidden="true"
        onChange={(event) => {
          onFiles(event.target.files);
          // Picking the same file again after fixing it must fire a change again.
          event.target.value = '';
        }}
      />
    </div>
  );
}
