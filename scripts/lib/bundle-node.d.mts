// Types of bundle-node.mjs, for the TypeScript tests that bundle a server entry.
export function bundleForNode(entry: string, outfile: string, options?: { quiet?: boolean }): Promise<unknown>;
