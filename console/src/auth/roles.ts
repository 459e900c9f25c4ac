/** Console roles, weakest first: admin ⊃ operator ⊃ viewer (realm composites). */
export const ROLES = ['viewer', 'operator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The strongest console role among a token's `roles` claim, or null when it holds none. */
export function roleOf(claims: { roles?: unknown }): Role | null {
  const held = Array.isArray(claims.roles) ? claims.roles : [];
  for (let i = ROLES.length - 1; i >= 0; i--) {
    if (held.includes(ROLES[i])) return ROLES[i];
  }
  return null;
}

/** Whether a user of `role` may do what `needed` may. */
export function allows(role: Role | null, needed: Role): boolean {
  return role !== null && ROLES.indexOf(role) >= ROLES.indexOf(needed);
}
