/** `endpoints.importConfigFile` takes at most this many characters; a clouds.yaml is a few kilobytes. */
export const maxConfigFileChars = 200_000;

/** Why a file's text cannot be sent, in the operator's words; undefined when it can. */
export function configFileProblem(fileName: string, text: string): string | undefined {
  if (text.trim() === '') return `${fileName} is empty.`;
  if (text.length > maxConfigFileChars) {
    return `${fileName} is ${Math.ceil(text.length / 1000)} kB; a configuration file of at most ${maxConfigFileChars / 1000} kB is expected. Is it the right file?`;
  }
  if (text.includes('\u0000')) return `${fileName} is not a text file.`;
  return undefined;
}

/** The name main gives an imported endpoint when none is typed, shown as the field's placeholder. */
export function defaultImportedName(entry: string, kindLabel: string): string {
  return `${entry} (${kindLabel})`;
}
