/** The base path of the second build the browser tests serve (`BASE=/sub/`); see global-setup.ts. */
export { SUB_BASE } from '../../scripts/build-sites.mjs';
