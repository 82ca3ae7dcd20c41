/** An instant as activity summaries show it: `2027-11-23 01:51 UTC` (the record's own time is separate). */
export function formatInstant(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}
