// Hands exported files to the user as downloads (the browser's save; inside Electron the download asks where).
import type { FileToSave } from './export-file.ts';

function downloadOne(file: FileToSave): void {
  const part: BlobPart = typeof file.bytes === 'string' ? file.bytes : new Uint8Array(file.bytes);
  const url = URL.createObjectURL(new Blob([part], { type: file.mime ?? 'application/octet-stream' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Downloads the files one after another (browsers drop clicks that come in the same instant). */
export async function saveFiles(files: readonly FileToSave[]): Promise<void> {
  for (const [i, f] of files.entries()) {
    if (i > 0) await new Promise((r) => setTimeout(r, 250));
    downloadOne(f);
  }
}
