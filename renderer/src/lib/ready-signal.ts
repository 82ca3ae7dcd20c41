/**
 * `<html data-app-ready="true">` once the first status and app list have come back (whatever they
 * said). End-to-end tests wait for this instead of sleeping.
 */
export function signalAppReady(): void {
  document.documentElement.dataset.appReady = 'true';
}

export function clearAppReady(): void {
  delete document.documentElement.dataset.appReady;
}
