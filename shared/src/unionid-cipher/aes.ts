// The one import of the AES implementation. @noble/ciphers (audited, no platform APIs) is ESM-only:
// Node and jest load it as it is, and scripts/build-kit.mjs bundles this file for the mini program.
export { ecb } from '@noble/ciphers/aes.js';
