// File names for exports: a stem made from a model or run name that every file system accepts.

/** Letters, digits, '-' and '_' only; "model" when nothing is left. */
export function fileStem(name: string): string {
  return name.replace(/[^A-Za-z0-9_-]+/g, '_').replace(/^_+|_+$/g, '') || 'model';
}
