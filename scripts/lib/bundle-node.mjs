// One way to turn a TypeScript entry of the server into a file node runs: bundled, CommonJS, Node 20,
// dependencies left external (they resolve from the repository's node_modules; a bundle written outside
// the repository needs NODE_PATH pointing there). Used by npm start, the benchmarks and process tests.
import { build } from 'esbuild';

export function bundleForNode(entry, outfile, { quiet = false } = {}) {
  return build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    outfile,
    logLevel: quiet ? 'silent' : 'warning',
  });
}
