/** Readers for request-body fields, shared by the operations; a wrong type is a 400 naming the field. */
import { EmulatorError } from './azure-errors.js';

export type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads an optional positive integer field; absent or null means "no limit". */
export function optionalPositiveInt(body: JsonObject, field: string): number | null {
  const value = body[field];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new EmulatorError('invalid_request', `'${field}' must be a positive integer.`, field);
  }
  return value;
}

export function optionalBoolean(body: JsonObject, field: string): boolean {
  const value = body[field];
  if (value === undefined || value === null) return false;
  if (typeof value !== 'boolean') {
    throw new EmulatorError('invalid_request', `'${field}' must be a boolean.`, field);
  }
  return value;
}

/** `stream_options.include_usage`, which asks for a final usage chunk in a stream. */
export function includeUsage(body: JsonObject): boolean {
  const options = body['stream_options'];
  return isJsonObject(options) && options['include_usage'] === true;
}

/** Text of a message's `content`, which is a string, null, or an array of typed parts. */
export function contentText(content: unknown): { text: string; images: number } {
  if (typeof content === 'string') return { text: content, images: 0 };
  if (!Array.isArray(content)) return { text: '', images: 0 };
  let text = '';
  let images = 0;
  for (const part of content) {
    if (!isJsonObject(part)) continue;
    if (typeof part['text'] === 'string') text += (text.length > 0 ? '\n' : '') + part['text'];
    else if (part['type'] === 'image_url' || part['type'] === 'input_image') images++;
  }
  return { text, images };
}
