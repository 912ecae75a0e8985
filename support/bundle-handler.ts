import { type BuildOptions, build } from 'esbuild';
import { esmRequireBanner } from '../infra/esm-banner';

/**
 * Bundles a handler with the options the stack's PipelineFunction gives esbuild (ESM, minified, module
 * fields first, `\p{...}` regexes kept as literals), for the tests and benches that run a bundle
 * themselves; `overrides` states where one of them deliberately differs.
 */
export function bundleHandler(entry: string, outfile: string, overrides: BuildOptions = {}) {
  return build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minify: true,
    mainFields: ['module', 'main'],
    banner: { js: esmRequireBanner },
    supported: { 'regexp-unicode-property-escapes': true },
    logLevel: 'error',
    ...overrides,
  });
}
