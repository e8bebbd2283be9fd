/** t:removeNulls — deletes NUL bytes. */
export function removeNulls(input: string): [string, boolean] {
  if (input.indexOf('\0') === -1) return [input, false];
  return [input.replaceAll('\0', ''), true];
}
