import { byDisplayPath } from '../core/order.js';
import type { StepGraph } from '../graph/graph.js';
import { loadProject } from './load-project.js';
import type { LoadedProject, ProjectOptions } from './types.js';

/** One doc the selection would run (or skip, or refuse), with its endpoint and the docs it `use:`s. */
export interface ListEntry {
  displayPath: string;
  endpoint?: string;
  uses: string[];
  state: 'run' | 'skipped' | 'invalid';
  reason?: string;
}

/** `run --list`: the selection after tags, grep and shard, as the run would see it. Sends nothing. */
export async function listProject(options: ProjectOptions): Promise<{ project: LoadedProject; entries: ListEntry[] }> {
  const project = await loadProject(options);
  const endpointOf = (fm: { endpoint?: { method: string; path: string } }) => (fm.endpoint ? `${fm.endpoint.method} ${fm.endpoint.path}` : undefined);
  const entries: ListEntry[] = [
    ...project.graphs.map((g): ListEntry => ({ displayPath: g.doc.displayPath, endpoint: endpointOf(g.doc.frontmatter), uses: usesOf(g), state: 'run' })),
    ...project.skipped.map((d): ListEntry => ({ displayPath: d.displayPath, endpoint: d.endpoint, uses: [], state: 'skipped', reason: d.skipReason })),
    ...project.invalid.map((d): ListEntry => ({ displayPath: d.displayPath, endpoint: endpointOf(d.frontmatter), uses: [], state: 'invalid' })),
  ];
  return { project, entries: entries.sort(byDisplayPath) };
}

function usesOf(graph: StepGraph): string[] {
  return graph.nodes.flatMap((n) => (n.kind === 'use' ? [n.target?.doc.displayPath ?? n.step.use] : []));
}
