// The direction rule of docs/architecture.md, checked over the import graph of server/src's production files:
// the inner rings (core, app) import nothing outside themselves but shared/, the edges do not lean on each other,
// and neither folders nor files form a cycle. Test files and test support (`testing/` folders, e2e/) are exempt
// from the folder rules; they are free to reach anything they fake or drive.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

const SRC = resolve(__dirname);
const SHARED = resolve(__dirname, '../../shared');

/** Folders that may import only these folders of server/src (besides themselves and shared/). */
const ONLY: Record<string, readonly string[]> = { core: [], app: ['core'] };
/** Folders that must never import these. */
const NEVER: Record<string, readonly string[]> = {
  cli: ['http'],
  runtime: ['http'],
  knowledge: ['http', 'runtime', 'storage'],
  storage: ['http', 'runtime', 'knowledge'],
  'channels-file': ['http'],
  http: ['runtime', 'e2e'],
  wechat: ['http', 'runtime', 'storage', 'emulator'],
  contract: ['http', 'runtime', 'storage', 'cli'],
  security: ['http', 'runtime', 'storage', 'app'],
  exports: ['http', 'runtime', 'storage', 'cli'],
};
/** Folders whose files may import no npm package and no Node built-in: the domain and its stories. */
const PURE = ['core', 'app'];

export interface ImportGraph {
  /** file (relative to server/src) → the files of server/src and shared/ it imports, and bare specifiers. */
  readonly files: ReadonlyMap<string, { local: string[]; bare: string[] }>;
}

function listSources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return listSources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

function resolveLocal(from: string, spec: string): string | undefined {
  const base = resolve(dirname(from), spec);
  for (const candidate of [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), base]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not this candidate
    }
  }
  return undefined;
}

export function isTestSupport(file: string): boolean {
  const parts = file.split(sep);
  return /\.test\.tsx?$/.test(file) || parts.includes('testing') || parts[0] === 'e2e';
}

export function readImportGraph(root = SRC): ImportGraph {
  const files = new Map<string, { local: string[]; bare: string[] }>();
  for (const path of listSources(root)) {
    const info = ts.preProcessFile(readFileSync(path, 'utf8'), true, false);
    const local: string[] = [];
    const bare: string[] = [];
    for (const { fileName } of info.importedFiles) {
      if (!fileName.startsWith('.')) bare.push(fileName);
      else {
        const target = resolveLocal(path, fileName);
        if (target) local.push(relative(root, target));
      }
    }
    files.set(relative(root, path), { local, bare });
  }
  return { files };
}

/** The top-level unit of server/src a file belongs to: its folder, or the file's name for top-level files. */
export function unitOf(file: string): string {
  if (file.startsWith(`..${sep}`)) return relative(SRC, resolve(SRC, file)).startsWith(relative(SRC, SHARED)) ? 'shared' : 'outside';
  const [first = '', ...rest] = file.split(sep);
  return rest.length === 0 ? first.replace(/\.tsx?$/, '') : first;
}

/** Every broken rule, as readable lines (empty when the house is in order). */
export function violations(graph: ImportGraph): string[] {
  const found: string[] = [];
  const folderEdges = new Map<string, Set<string>>();
  const production = [...graph.files].filter(([file]) => !isTestSupport(file));
  for (const [file, { local, bare }] of production) {
    const from = unitOf(file);
    if (PURE.includes(from)) for (const spec of bare) found.push(`${file} imports the package ${spec}`);
    for (const target of local) {
      const to = unitOf(target);
      if (to === from || to === 'shared') continue;
      if (isTestSupport(target)) found.push(`${file} imports test support ${target}`);
      if (ONLY[from] && !ONLY[from].includes(to))
        found.push(`${file} imports ${target} (${from} may import only ${['shared', ...ONLY[from]].join(', ')})`);
      if (NEVER[from]?.includes(to)) found.push(`${file} imports ${target} (${from} must not import ${to})`);
      if (!folderEdges.has(from)) folderEdges.set(from, new Set());
      folderEdges.get(from)?.add(to);
    }
  }
  for (const cycle of cycles(folderEdges)) found.push(`folders import each other: ${cycle.join(', ')}`);
  const fileEdges = new Map(production.map(([file, { local }]) => [file, new Set(local.filter((t) => !isTestSupport(t)))]));
  for (const cycle of cycles(fileEdges)) found.push(`files import each other: ${cycle.join(', ')}`);
  return found;
}

/** The strongly connected components with more than one member (Tarjan), members in the order they were reached. */
export function cycles(edges: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, index.size);
    low.set(node, index.get(node) as number);
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) as number, low.get(next) as number));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node) as number, index.get(next) as number));
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop() as string;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1) found.push(component.reverse());
  };
  for (const node of edges.keys()) if (!index.has(node)) visit(node);
  return found;
}

const graphOf = (files: Record<string, string[]>, bare: Record<string, string[]> = {}): ImportGraph => ({
  files: new Map(
    Object.entries(files).map(([file, local]) => [
      file.split('/').join(sep),
      { local: local.map((t) => t.split('/').join(sep)), bare: bare[file] ?? [] },
    ]),
  ),
});

describe('the direction rule', () => {
  it('holds for every production file of server/src', () => {
    expect(violations(readImportGraph())).toEqual([]);
  });

  it('sees imports in every form a file writes them', () => {
    const graph = readImportGraph();
    expect(graph.files.get(join('main.ts'))?.local).toContain('compose.ts');
    expect(graph.files.size).toBeGreaterThan(200);
  });

  it('flags an edge importing the HTTP edge, and the inner rings reaching out', () => {
    const found = violations(
      graphOf(
        { 'cli/a.ts': ['http/b.ts'], 'http/b.ts': [], 'core/c.ts': ['storage/d.ts'], 'storage/d.ts': [], 'app/e.ts': ['core/c.ts'] },
        { 'app/e.ts': ['node:crypto'] },
      ),
    );
    expect(found).toEqual([
      `${join('cli/a.ts')} imports ${join('http/b.ts')} (cli must not import http)`,
      `${join('core/c.ts')} imports ${join('storage/d.ts')} (core may import only shared)`,
      `${join('app/e.ts')} imports the package node:crypto`,
    ]);
  });

  it('flags cycles between folders and between files, but not imports from tests', () => {
    const found = violations(
      graphOf({
        'wechat/a.ts': ['wechat/b.ts', 'exports/c.ts'],
        'wechat/b.ts': ['wechat/a.ts'],
        'exports/c.ts': ['wechat/b.ts'],
        'core/d.test.ts': ['http/e.ts'],
        'http/e.ts': [],
      }),
    );
    expect(found).toEqual([
      'folders import each other: wechat, exports',
      `files import each other: ${join('wechat/a.ts')}, ${join('wechat/b.ts')}, ${join('exports/c.ts')}`,
    ]);
  });
});
