export const DOCUMENT_FORMATS = ['pdf', 'xlsx', 'docx'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

export const MEDIA_TYPES: Record<DocumentFormat, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** Each kind and its formats, the first being the default. */
export const DOCUMENT_KINDS = {
  'statement-of-applicability': ['pdf', 'xlsx'],
  'impact-assessment': ['pdf', 'docx'],
  'risk-register': ['xlsx', 'pdf'],
  nonconformities: ['pdf'],
  'audit-report': ['pdf'],
  'management-review': ['pdf'],
} as const satisfies Record<string, readonly DocumentFormat[]>;

export type DocumentKind = keyof typeof DOCUMENT_KINDS;
