import { z } from 'zod';
import { ClassificationSchema } from './envelope';

/**
 * Need-to-know across services (DESIGN.md §5, §7, decision 0019). The service that owns an entity
 * with restricted data publishes, whenever who may see it changes, the entity's whole audience:
 * its classification and its reader keys. Every service that holds a reference to the entity keeps
 * the latest audience as a read model and applies the shared predicate in `@ebp/access` to it.
 *
 * Reader keys:
 * - `everyone`: every member of staff;
 * - `person:<id>`, `role:<role>`: a member of staff with OFFICIAL-SENSITIVE clearance, by id or role;
 * - `partner:<organisation id>`: that partner organisation's identities;
 * - `cleared-partner:<organisation id>`: those of them with OFFICIAL-SENSITIVE clearance.
 */
export const ReaderKeySchema = z
  .string()
  .max(220)
  .regex(
    /^(everyone|(person|role|partner|cleared-partner):[^\s]{1,200})$/,
    'must be a reader key (everyone, person:…, role:…, partner:… or cleared-partner:…)',
  );
export type ReaderKey = z.infer<typeof ReaderKeySchema>;

/** The audience of one entity, whole, as its owner published it last. */
export const EntityAudienceSchema = z
  .object({
    entityId: z.string().min(1).max(200),
    classification: ClassificationSchema,
    readers: z.array(ReaderKeySchema).max(2_000),
    /**
     * Counts the entity's audience changes from 1. A consumer keeps the highest it has seen, so a
     * redelivered or late event never brings back an older audience.
     */
    revision: z.int().min(1),
  })
  .strict();
export type EntityAudience = z.infer<typeof EntityAudienceSchema>;
