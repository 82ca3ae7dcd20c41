/** ⌘ on a Mac, Ctrl elsewhere: how shortcut hints name the primary modifier (both keys work everywhere). */
const isMac = typeof navigator !== 'undefined' && /Mac/i.test(navigator.platform);
export const PRIMARY_MODIFIER = isMac ? '⌘' : 'Ctrl';
/** The Alt key as a Mac keyboard labels it. */
export const ALT_MODIFIER = isMac ? '⌥' : 'Alt';
