/** The server's ArtifactName pattern: one safe path component, no "..", no leading punctuation, no trailing space. */
const PATTERN = /^(?!.*\.\.)[\p{L}\p{N}](?:[\p{L}\p{N} ._+()@,~-]*[\p{L}\p{N}._+()@,~-])?$/u;
const CHARS = "letters, digits, spaces and . _ + - ( ) @ , ~, starting with a letter or digit, without '..' and without a trailing space";

/** Messages per field for an upload's name and version, mirroring ArtifactName and ArtifactVersion. */
export function validateCoordinates(name: string, version: string): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!name.trim()) errors.name = 'A name is required.';
  else if ([...name].length > 200) errors.name = 'The name is at most 200 characters.';
  else if (new TextEncoder().encode(name).length > 255) errors.name = 'The name is at most 255 bytes in UTF-8.';
  else if (!PATTERN.test(name)) errors.name = `The name may hold ${CHARS}.`;
  if (!version.trim()) errors.version = 'A version is required.';
  else if ([...version].length > 100) errors.version = 'The version is at most 100 characters.';
  else if (!PATTERN.test(version)) errors.version = `The version may hold ${CHARS}.`;
  return errors;
}
