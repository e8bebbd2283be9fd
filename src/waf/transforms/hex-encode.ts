/** t:hexEncode — every byte → two lowercase hex digits. */
export function hexEncode(input: string): [string, boolean] {
  const out = Buffer.from(input, 'latin1').toString('hex');
  return [out, out !== input];
}
