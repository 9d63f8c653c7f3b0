/** Roles compare case-insensitively with `_` and `-` alike: `risk_officer` (as Camunda Modeler users write it) is the role `risk-officer`. */
export function canonicalRole(role: string): string {
  return role.trim().toLowerCase().replace(/_/g, '-');
}

export function holdsCandidateRole(roles: readonly string[], candidateRoles: readonly string[]): boolean {
  return roles.some((role) => candidateRoles.includes(canonicalRole(role)));
}
