import { useState, type DragEvent, type ReactNode } from 'react';

export interface FileDropZoneProps {
  /** Without it the zone is a plain wrapper and drops are left to the browser (which ignores them in a dialog). */
  enabled: boolean;
  /** Shown over the content while a file is dragged over it. */
  label: string;
  onFile(file: File): void;
  children: ReactNode;
}

function carriesFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer.types).includes('Files');
}

/** Lets a file be dropped anywhere on its content. The file picker next to it is the keyboard path. */
export function FileDropZone({ enabled, label, onFile, children }: FileDropZoneProps) {
  const [over, setOver] = useState(false);
  if (!enabled) return <>{children}</>;
  return (
    <div
      data-testid="file-drop-zone"
      className="relative"
      onDragOver={(event) => {
        if (!carriesFiles(event)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
        setOver(true);
      }}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOver(false);
      }}
      onDrop={(event) => {
        if (!carriesFiles(event)) return;
        event.preventDefault();
        setOver(false);
        const file = event.dataTransfer.files[0];
        if (file) onFile(file);
      }}
    >
      {children}
      {over && (
        <div
          aria-hidden="true"
          className="pointer-events-none absolute inset-0 z-10 flex items-center justify-center rounded-md border-2 border-dashed border-blue-500 bg-blue-50/90 text-sm font-medium text-blue-900 dark:border-blue-400 dark:bg-blue-950/90 dark:text-blue-100"
        >
          {label}
        </div>
      )}
    </div>
  );
}
