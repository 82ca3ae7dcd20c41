/**
 * Saves text as a file the web way (a blob URL and `<a download>`), so the same code runs in Electron
 * (main's download guard lets `*.khvault` blobs through with a save dialog) and in the browser
 * harness. The text is already encrypted when it gets here.
 */
export function downloadFile(fileName: string, contents: string): void {
  const url = URL.createObjectURL(new Blob([contents], { type: 'application/octet-stream' }));
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // Chromium takes hold of the blob when the download starts (in click), so the URL can go now.
    URL.revokeObjectURL(url);
  }
}
