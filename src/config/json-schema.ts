import { z } from 'zod';
import { GatewayConfigSchema } from './schema.js';

/** JSON Schema of the config for editors (YAML language servers read it via `# yaml-language-server: $schema=`). */
export function configJsonSchema(): Record<string, unknown> {
  return {
    $id: 'https://portcullis.dev/schema/portcullis.schema.json',
    title: 'Portcullis gateway configuration',
    ...z.toJSONSchema(GatewayConfigSchema, { io: 'input', unrepresentable: 'any' }),
  };
}
