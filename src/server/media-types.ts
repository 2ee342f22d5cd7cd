/** The media types the service answers with and takes, named once for the routes and their description. */
export const MEDIA_TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  zip: 'application/zip',
  /** A campaign workbook (`thidua excel`), taken in place of the JSON campaign. */
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
