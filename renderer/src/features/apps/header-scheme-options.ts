import { VERIFY_SCHEMES, verifyHeaderLine } from '../../../../shared/catalogs/header-schemes';

/** The header an app's keys go in, as chosen at New App and in Settings: the line itself, and who sends it so. */
export const HEADER_SCHEME_LABEL = 'Keys are sent as';

export const HEADER_SCHEME_OPTIONS = VERIFY_SCHEMES.map((scheme) => ({
  value: scheme.id,
  label: `${verifyHeaderLine(scheme.id, '<key>')} (${scheme.seenIn})`,
}));
