/** ESM bundles still meet CommonJS dependencies that call `require`; this gives them one. */
export const esmRequireBanner =
  "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";
