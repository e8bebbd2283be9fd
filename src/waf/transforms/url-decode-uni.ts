import { decodeUrl } from './url-decode.js';

/**
 * t:urlDecodeUni — t:urlDecode plus IIS-style `%uHHHH` (see decodeUrl for the mapping).
 * Invalid sequences stay as-is.
 */
export function urlDecodeUni(input: string): [string, boolean] {
  return decodeUrl(input, true);
}
