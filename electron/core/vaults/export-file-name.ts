/** `keyhaven-team-api-2026-11-23.khvault`: the vault's name made safe for every file system. */
export function exportFileName(vaultName: string, now: Date): string {
  const slug =
    vaultName
      .normalize('NFKD')
      .replace(/[^\w\s-]/g, '')
      .trim()
      .toLowerCase()
      .replace(/[\s_-]+/g, '-')
      .slice(0, 60) || 'vault';
  return `keyhaven-${slug}-${now.toISOString().slice(0, 10)}.khvault`;
}
