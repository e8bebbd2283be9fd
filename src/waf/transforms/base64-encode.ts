/** t:base64Encode — standard alphabet with `=` padding, over the bytes of the value. */
export function base64Encode(input: string): [string, boolean] {
  const out = Buffer.from(input, 'latin1').toString('base64');
  return [out, out !== input];
}
