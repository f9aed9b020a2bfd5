// GraphBuilder: writes graph documents in code (templates, tests) with Keras auto-names and a tidy layout.
import {
  GRAPH_DOC_VERSION,
  type Edge,
  type GraphDoc,
  type LayerNode,
  type LayerType,
  type ParamsByType,
} from './schema.ts';
import { autoName, defaults } from './layers.ts';
import { withLayout } from './layout.ts';

export interface AddOptions {
  /** Keras name; the automatic one (conv2d, conv2d_1, ...) when absent. */
  name?: string;
  trainable?: boolean;
}

export class GraphBuilder {
  private readonly nodes: LayerNode[] = [];
  private readonly edges: Edge[] = [];
  private readonly name: string;

  constructor(name: string) {
    this.name = name;
  }

  /** Adds a layer fed by `from` (in order: targetIndex 0, 1, ...) and returns its id. */
  add<T extends LayerType>(
    type: T,
    params: Partial<ParamsByType[T]> = {},
    from: string | string[] = [],
    opts: AddOptions = {},
  ): string {
    const name =
      opts.name ??
      autoName(
        type,
        this.nodes.map((n) => n.name),
      );
    const id = name;
    const node = {
      id,
      type,
      name,
      params: { ...defaults(type), ...params },
      position: { x: 0, y: 0 },
    } as LayerNode;
    if (opts.trainable !== undefined) node.trainable = opts.trainable;
    this.nodes.push(node);
    const sources = Array.isArray(from) ? from : [from];
    sources.forEach((source, i) => {
      const edge: Edge = { id: `${source}->${id}${sources.length > 1 ? `#${i}` : ''}`, source, target: id };
      if (sources.length > 1) edge.targetIndex = i;
      this.edges.push(edge);
    });
    return id;
  }

  /** Adds a chain of layers, each fed by the one before (the first by `from`); returns the last id. */
  chain(
    from: string,
    layers: { [T in LayerType]: [T, Partial<ParamsByType[T]>?, AddOptions?] }[LayerType][],
  ): string {
    let last = from;
    for (const [type, params, opts] of layers) last = this.add(type, params ?? {}, last, opts);
    return last;
  }

  doc(): GraphDoc {
    return {
      version: GRAPH_DOC_VERSION,
      name: this.name,
      nodes: withLayout(this.nodes, this.edges),
      edges: this.edges.map((e) => ({ ...e })),
    };
  }
}

/** A Sequential-style graph: an InputLayer of `shape` followed by `layers` in a chain. */
export function sequential(
  name: string,
  shape: number[],
  layers: Parameters<GraphBuilder['chain']>[1],
): GraphDoc {
  const b = new GraphBuilder(name);
  b.chain(b.add('InputLayer', { shape }), layers);
  return b.doc();
}
