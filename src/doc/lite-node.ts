/** The tree the fast YAML reader builds (and the yaml library's trees are converted to). */
export type LiteNode = LiteMap | LiteSeq | LiteScalar | LiteOther;

/** Only from the yaml library's trees (aliases, missing values): no span, value from the library. */
export interface LiteOther {
  kind: 'other';
  start: number;
  end: number;
  line: number;
}

export interface LiteMap {
  kind: 'map';
  /** 0-based line of `start` in the embedded text (-1 when unknown), so spans need no search. */
  line: number;
  start: number;
  /** Block collections: end of their first line (all a span needs); flow ones: after the bracket. */
  end: number;
  pairs: LitePair[];
}

export interface LiteSeq {
  kind: 'seq';
  line: number;
  start: number;
  end: number;
  items: LiteNode[];
}

export interface LiteScalar {
  kind: 'scalar';
  line: number;
  start: number;
  end: number;
  value: unknown;
}

export interface LitePair {
  key: string;
  keyStart: number;
  keyEnd: number;
  keyLine: number;
  value: LiteNode;
}

/** The plain JS value of a node, as `toJS()` of the yaml library gives it. */
export function liteToJS(node: LiteNode): unknown {
  if (node.kind === 'scalar') return node.value;
  if (node.kind === 'other') return undefined;
  if (node.kind === 'seq') return node.items.map(liteToJS);
  const out: Record<string, unknown> = {};
  for (const pair of node.pairs) out[pair.key] = liteToJS(pair.value);
  return out;
}
