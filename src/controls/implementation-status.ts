/** How far an organisation has implemented an Annex A control, in the Statement of Applicability. */
export const IMPLEMENTATION_STATUSES = ['not-started', 'planned', 'in-progress', 'implemented', 'verified'] as const;
export type ImplementationStatus = (typeof IMPLEMENTATION_STATUSES)[number];
