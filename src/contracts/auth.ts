import { z } from 'zod';
import { ROLES } from '../auth/roles.js';

/**
 * Request and response shapes of the sign-in API. The server validates with them and the web
 * app imports them, so both sides agree by construction.
 */
export const emailField = z.email({ error: 'Enter an email address in the correct format, like name@example.com' }).max(254);
export const passwordField = z.string().min(1, { error: 'Enter your password' }).max(200);
export const newPasswordField = z
  .string()
  .min(12, { error: 'Password must be 12 characters or more' })
  .max(200, { error: 'Password must be 200 characters or fewer' });
export const totpCodeField = z.string().regex(/^\d{6}$/, { error: 'Enter the 6-digit code from your authenticator app' });

export const signInRequest = z.strictObject({ email: emailField, password: passwordField });

export const signInResponse = z.object({
  /** 'mfa': enter a code next; 'mfa_setup': the scheme requires MFA, set it up next. */
  stage: z.enum(['active', 'mfa', 'mfa_setup']),
  csrfToken: z.string(),
});

export const mfaVerifyRequest = z.strictObject({ code: totpCodeField });
export const mfaSetupResponse = z.object({ secret: z.string(), otpauthUrl: z.string() });
export const mfaEnableRequest = z.strictObject({ code: totpCodeField });

export const passwordResetRequest = z.strictObject({ email: emailField });
export const passwordResetComplete = z.strictObject({
  token: z.string().min(20).max(200),
  password: newPasswordField,
});

export const roleSchema = z.enum(ROLES);

export const membershipSchema = z.object({
  membershipId: z.uuid(),
  schemeId: z.uuid(),
  schemeName: z.string(),
  role: roleSchema,
  roleLabel: z.string(),
  organisationId: z.uuid(),
  organisationName: z.string(),
});

export const sessionResponse = z.object({
  user: z.object({ id: z.uuid(), displayName: z.string(), email: z.string(), mfaEnabled: z.boolean() }),
  stage: z.enum(['active', 'mfa', 'mfa_setup']),
  csrfToken: z.string(),
  membership: membershipSchema.nullable(),
  memberships: z.array(membershipSchema),
});

export const switchMembershipRequest = z.strictObject({ membershipId: z.uuid() });

export type SignInRequest = z.infer<typeof signInRequest>;
export type SignInResponse = z.infer<typeof signInResponse>;
export type SessionResponse = z.infer<typeof sessionResponse>;
export type Membership = z.infer<typeof membershipSchema>;
