import type { AnyStep, Doc, Phase, Step, UseStep } from '../core/model.js';
import type { CompiledRequest } from './compiled-step.js';

export interface RequestNode {
  kind: 'request';
  step: Step;
  compiled: CompiledRequest;
  /** Indices of the nodes this one waits for (needs, data dependencies, phase barriers). */
  deps: number[];
}

export interface UseNode {
  kind: 'use';
  step: UseStep;
  /** The used doc's graph (setup and test steps only run), resolved and analysed. */
  target?: StepGraph;
  deps: number[];
}

export type GraphNode = RequestNode | UseNode;

/** A doc ready to run: steps compiled, dependencies known, analysis done. */
export interface StepGraph {
  doc: Doc;
  nodes: GraphNode[];
  /** Variables a run of this graph extracts (its own and its used docs'). */
  extracts: Set<string>;
}

export function stepOf(node: GraphNode): AnyStep {
  return node.step;
}

export function phaseOf(node: GraphNode): Phase {
  return node.step.phase;
}
