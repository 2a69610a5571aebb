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

  function start() {
    adding.reset();
    listing.reset();
    setFile(null);
  }

  /** The text of a file, or pasted (Juju: the output of `juju show-controller --show-password`), named for messages. */
  function loadText(kind: EndpointKind, name: string, text: string) {
    start();
    const problem = configFileProblem(name, text);
    setReadProblem(problem ?? null);
    if (problem) return;
    setFile({ name, text, kind });
    listing.mutate({ text, kind });
  }

  async function load(kind: EndpointKind, picked: File) {
    start();
    let text: string;
    try {
      text = await picked.text();
    } catch {
      setReadProblem(`${picked.name} could not be read.`);
      return;
    }
    loadText(kind, picked.name, text);
  }

  return { listing, adding, file, readProblem, load, loadText };
}

export type ConfigFileImportState = ReturnType<typeof useConfigFileImport>;
