/** t:replaceNulls — NUL bytes → space. */
export function replaceNulls(input: string): [string, boolean] {
  if (input.indexOf('\0') === -1) return [input, false];
  return [input.replaceAll('\0', ' '), true];
}
