/** t:length — the value's length in bytes, as a decimal string. */
export function length(input: string): [string, boolean] {
  return [String(input.length), true];
}
