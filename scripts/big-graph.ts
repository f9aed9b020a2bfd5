// A large valid graph for benchmarks: residual blocks of Conv2D, BatchNormalization and Activation.
import type { Edge, GraphDoc, LayerNode } from '../src/shared/graph/schema.ts';
import { layoutPositions } from '../src/renderer/src/store/auto-layout.ts';

/** Input, then blocks of Conv2D → BatchNormalization → Activation with a residual Add every other block. */
export function bigGraph(layers: number): GraphDoc {
  const nodes: LayerNode[] = [];
  const edges: Edge[] = [];
  const pos = { x: 0, y: 0 };
  const add = (n: Omit<LayerNode, 'id' | 'position'>, from: string[]): string => {
    const id = `n${nodes.length}`;
    nodes.push({ ...n, id, position: pos } as LayerNode);
    from.forEach((s, i) => edges.push({ id: `e${edges.length}`, source: s, target: id, targetIndex: i }));
    return id;
  };
  let last = add({ type: 'InputLayer', name: 'input_layer', params: { shape: [32, 32, 16] } }, []);
  let skip = last;
  for (let b = 0; nodes.length < layers - 3; b++) {
    const c = add(
      {
        type: 'Conv2D',
        name: `conv2d_${b}`,
        params: {
          filters: 16,
          kernel_size: [3, 3],
          strides: [1, 1],
          padding: 'same',
          activation: 'linear',
          use_bias: false,
        },
      },
      [last],
    );
    const bn = add(
      {
        type: 'BatchNormalization',
        name: `bn_${b}`,
        params: { momentum: 0.99, epsilon: 0.001, center: true, scale: true },
      },
      [c],
    );
    last = add({ type: 'Activation', name: `act_${b}`, params: { activation: 'relu' } }, [bn]);
    if (b % 2 === 1 && nodes.length < layers - 3) {
      last = add({ type: 'Add', name: `add_${b}`, params: {} }, [skip, last]);
      skip = last;
    }
  }
  last = add({ type: 'GlobalAveragePooling2D', name: 'gap', params: {} }, [last]);
  add({ type: 'Dense', name: 'dense', params: { units: 10, activation: 'softmax', use_bias: true } }, [last]);
  const doc: GraphDoc = { version: 1, name: `bench-${nodes.length}`, nodes, edges };
  const at = layoutPositions(doc);
  return { ...doc, nodes: nodes.map((n) => ({ ...n, position: at.get(n.id)! })) };
}
