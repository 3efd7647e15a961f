import { z } from 'zod';

/** The top-level field names an input schema reads, through its refinements and transforms. */
export function schemaFields(schema: z.ZodTypeAny): string[] {
  if (schema instanceof z.ZodEffects) return schemaFields(schema.innerType());
  if (schema instanceof z.ZodObject) return Object.keys(schema.shape as z.ZodRawShape);
  return [];
}
