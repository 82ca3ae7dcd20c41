/**
 * Code signing and notarization come from the environment of the machine that packages (a maintainer's
 * Mac, CI with secrets), never from the repository. Without them the build still succeeds, unsigned,
 * and says so once per platform, so nobody ships an unsigned build by accident.
 */
export interface SigningPlan {
  /** macOS: false turns electron-builder's identity discovery off (an explicit unsigned build). */
  macSign: boolean;
  macNotarize: boolean;
  windowsSign: boolean;
  notices: string[];
}

export function signingPlan(env: NodeJS.ProcessEnv = process.env): SigningPlan {
  const notices: string[] = [];
  const macCertificate = Boolean(env.CSC_LINK || env.CSC_NAME);
  const notarize =
    Boolean(env.APPLE_API_KEY && env.APPLE_API_KEY_ID && env.APPLE_API_ISSUER) ||
    Boolean(env.APPLE_ID && env.APPLE_APP_SPECIFIC_PASSWORD && env.APPLE_TEAM_ID) ||
    Boolean(env.APPLE_KEYCHAIN && env.APPLE_KEYCHAIN_PROFILE);
  const windowsCertificate = Boolean(env.WIN_CSC_LINK || env.CSC_LINK);
  if (!macCertificate) {
    notices.push('macOS: no CSC_LINK or CSC_NAME, so the app is not signed (Gatekeeper will warn users).');
  }
  if (!notarize) {
    notices.push(
      'macOS: no APPLE_API_KEY/APPLE_API_KEY_ID/APPLE_API_ISSUER (or APPLE_ID/APPLE_APP_SPECIFIC_PASSWORD/APPLE_TEAM_ID), so it is not notarized.',
    );
  }
  if (!windowsCertificate) notices.push('Windows: no WIN_CSC_LINK or CSC_LINK, so the installer is not signed.');
  return { macSign: macCertificate, macNotarize: macCertificate && notarize, windowsSign: windowsCertificate, notices };
}
