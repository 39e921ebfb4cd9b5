/** The files a person may hand in: photos and scans, iPhone HEIC, and scanner PDFs. */
export const INPUT_EXTENSIONS = [
  'jpg',
  'jpeg',
  'png',
  'webp',
  'tif',
  'tiff',
  'heic',
  'heif',
  'pdf',
] as const;

const INPUT_MIME_TYPES = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/tiff',
  'image/heic',
  'image/heif',
  'application/pdf',
];

/** For `<input type="file" accept>`: HEIC often has no MIME type, so extensions are named too. */
export const INPUT_ACCEPT = [...INPUT_MIME_TYPES, ...INPUT_EXTENSIONS.map((e) => `.${e}`)].join(
  ',',
);

/** Whether a pasted or dropped file is worth handing to the pipeline (which checks content). */
export function isAcceptedFile(type: string, name: string): boolean {
  const ext = name.toLowerCase().split('.').pop() ?? '';
  return INPUT_MIME_TYPES.includes(type) || (INPUT_EXTENSIONS as readonly string[]).includes(ext);
}
