import { z } from 'zod';
import { ActorSchema, ClassificationSchema, EbpError } from '@ebp/contracts';

export const RoleSchema = z.enum([
  'viewer',
  'researcher',
  'reviewer',
  'committee',
  'admin',
  'partner',
]);
export type Role = z.infer<typeof RoleSchema>;

/** Who is asking, once verified: the actor, their roles, and the classifications they may see. */
export const IdentitySchema = z
  .object({
    actor: ActorSchema,
    name: z.string().min(1).max(200),
    roles: z.array(RoleSchema),
    clearances: z.array(ClassificationSchema),
  })
  .strict();
export type Identity = z.infer<typeof IdentitySchema>;

/** No credentials, or credentials that do not verify. HTTP 401; GraphQL `UNAUTHENTICATED`. */
export class AuthenticationError extends EbpError {
  readonly code = 'UNAUTHENTICATED';
}

/** A verified caller without the role or need-to-know the action requires. GraphQL `FORBIDDEN`. */
export class ForbiddenError extends EbpError {
  readonly code = 'FORBIDDEN';
}
