// Hands a blob to the browser as a download with the given file name (a temporary link, clicked once).
export function saveFile(blob: Blob, filename: string): void {
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked a moment later: some browsers start reading the URL only after the click returns.
  setTimeout(() => URL.revokeObjectURL(href), 1000);
}
