import { useState } from 'react';
import type { EndpointKind } from '../../../../shared/domain';
import { configFileProblem } from '../../lib/config-file';
import { useImportConfigFile } from '../../queries/use-endpoint-mutations';

export interface LoadedConfigFile {
  name: string;
  text: string;
  kind: EndpointKind;
}

/**
 * The state of one config-file import: the file as read here, the listing of its entries, then the
 * add. Owned by the dialog so a file dropped on the form starts loading from the drop itself.
 */
export function useConfigFileImport() {
  const listing = useImportConfigFile();
  const adding = useImportConfigFile();
  const [file, setFile] = useState<LoadedConfigFile | null>(null);
  const [readProblem, setReadProblem] = useState<string | null>(null);

  async function load(kind: EndpointKind, picked: File) {
    adding.reset();
    listing.reset();
    setFile(null);
    let text: string;
    try {
      text = await picked.text();
    } catch {
      setReadProblem(`${picked.name} could not be read.`);
      return;
    }
    const problem = configFileProblem(picked.name, text);
    setReadProblem(problem ?? null);
    if (problem) return;
    setFile({ name: picked.name, text, kind });
    listing.mutate({ text, kind });
  }

  return { listing, adding, file, readProblem, load };
}

export type ConfigFileImportState = ReturnType<typeof useConfigFileImport>;
