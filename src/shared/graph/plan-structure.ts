// The structural checks of plan(): ids, names, edges, arity, inputs/outputs, topological order and cycles.
import type { Edge, LayerNode } from './schema.ts';
import type { GraphError } from './errors.ts';
import { isLayerType, layerLabel, layerSpec } from './layers.ts';

/** What tfjs accepts as a layer name (it also allows '/', which Keras 3 forbids). */
export const LAYER_NAME = /^[A-Za-z0-9][-A-Za-z0-9._]*$/;

/** A model name Keras and tfjs accept, from a document name such as "My net (v2)". */
export function safeModelName(name: string): string {
  const s = name.trim().replace(/[^-A-Za-z0-9._]+/g, '_');
  return LAYER_NAME.test(s) ? s : `model${s ? `_${s}` : ''}`.replace(/__+/g, '_');
}

const plural = (n: number, en: string) => `${n} ${en}${n === 1 ? '' : 's'}`;

/** Indexes nodes by id; reports duplicate ids, bad or duplicate names and unknown types. */
export function checkNodes(
  nodes: LayerNode[],
  errors: GraphError[],
): { byId: Map<string, LayerNode>; broken: Set<string> } {
  const byId = new Map<string, LayerNode>();
  const broken = new Set<string>();
  const names = new Map<string, LayerNode>();
  for (const node of nodes) {
    if (byId.has(node.id)) {
      errors.push({
        code: 'duplicate-id',
        nodeId: node.id,
        message: `Two layers share the id '${node.id}' (${node.name}): the file is damaged; delete and re-add one of them.`,
        messageEs: `Dos capas comparten el id '${node.id}' (${node.name}): el archivo está dañado; borra y vuelve a añadir una de ellas.`,
      });
      continue;
    }
    byId.set(node.id, node);
    if (!isLayerType(node.type)) {
      broken.add(node.id);
      errors.push({
        code: 'unknown-layer-type',
        nodeId: node.id,
        message: `Layer '${node.name}' has type '${String(node.type)}', which this app does not know: replace it with a layer from the palette.`,
        messageEs: `La capa '${node.name}' es de tipo '${String(node.type)}', que esta aplicación no conoce: sustitúyela por una capa de la paleta.`,
        params: { type: String(node.type) },
      });
    }
    if (typeof node.name !== 'string' || !LAYER_NAME.test(node.name)) {
      errors.push({
        code: 'bad-name',
        nodeId: node.id,
        message: `A ${String(node.type)} layer has the name ${JSON.stringify(node.name)}: use letters, digits, '_', '-' or '.', starting with a letter or digit (like conv2d_1).`,
        messageEs: `Una capa ${String(node.type)} tiene el nombre ${JSON.stringify(node.name)}: usa letras, cifras, '_', '-' o '.', empezando por letra o cifra (como conv2d_1).`,
      });
    } else if (names.has(node.name)) {
      errors.push({
        code: 'duplicate-name',
        nodeId: node.id,
        message: `Two layers are named '${node.name}': Keras needs every layer name to be unique; rename one.`,
        messageEs: `Dos capas se llaman '${node.name}': Keras necesita que cada nombre sea único; renombra una.`,
        params: { name: node.name },
      });
    } else names.set(node.name, node);
  }
  return { byId, broken };
}

/** Keeps the edges whose ends exist; incoming edges per target are sorted by targetIndex, then edge order. */
export function checkEdges(
  edges: Edge[],
  byId: Map<string, LayerNode>,
  errors: GraphError[],
): { incoming: Map<string, Edge[]>; outgoing: Map<string, string[]> } {
  const incoming = new Map<string, Edge[]>();
  const outgoing = new Map<string, string[]>();
  const seen = new Set<string>();
  const position = new Map<Edge, number>();
  edges.forEach((edge, i) => {
    if (seen.has(edge.id)) {
      errors.push({
        code: 'duplicate-edge-id',
        edgeId: edge.id,
        message: `Two connections share the id '${edge.id}': the file is damaged; delete one and connect again.`,
        messageEs: `Dos conexiones comparten el id '${edge.id}': el archivo está dañado; borra una y conecta de nuevo.`,
      });
      return;
    }
    seen.add(edge.id);
    const missing = [edge.source, edge.target].filter((id) => !byId.has(id));
    if (missing.length) {
      const known = byId.has(edge.source) ? edge.source : byId.has(edge.target) ? edge.target : undefined;
      const from = known === undefined ? '' : ` of '${byId.get(known)?.name}'`;
      const fromEs = known === undefined ? '' : ` de '${byId.get(known)?.name}'`;
      const err: GraphError = {
        code: 'unknown-node',
        edgeId: edge.id,
        message: `A connection${from} points to a layer that does not exist ('${missing.join("', '")}'): delete that connection.`,
        messageEs: `Una conexión${fromEs} apunta a una capa que no existe ('${missing.join("', '")}'): borra esa conexión.`,
        params: { missing },
      };
      if (known !== undefined) err.nodeId = known;
      errors.push(err);
      return;
    }
    position.set(edge, i);
    const list = incoming.get(edge.target);
    if (list) list.push(edge);
    else incoming.set(edge.target, [edge]);
    const outs = outgoing.get(edge.source);
    if (outs) outs.push(edge.target);
    else outgoing.set(edge.source, [edge.target]);
  });
  for (const list of incoming.values()) {
    if (list.length < 2) continue;
    const key = (e: Edge) => e.targetIndex ?? Infinity;
    list.sort((a, b) => key(a) - key(b) || (position.get(a) as number) - (position.get(b) as number));
  }
  return { incoming, outgoing };
}

/** Missing input/output, unconnected layers, and too few or too many inputs per layer. */
export function checkStructure(
  nodes: LayerNode[],
  incoming: Map<string, Edge[]>,
  outgoing: Map<string, string[]>,
  broken: Set<string>,
  errors: GraphError[],
): void {
  const inCount = (id: string) => incoming.get(id)?.length ?? 0;
  const outCount = (id: string) => outgoing.get(id)?.length ?? 0;
  if (nodes.length === 0) {
    errors.push({
      code: 'empty-graph',
      message: 'The graph is empty: start from a template or drag an InputLayer from the palette.',
      messageEs: 'El grafo está vacío: empieza con una plantilla o arrastra un InputLayer desde la paleta.',
    });
    return;
  }
  if (!nodes.some((n) => n.type === 'InputLayer')) {
    errors.push({
      code: 'missing-input',
      message:
        'The graph has no InputLayer: add one (palette group Input) and connect it to the first layer.',
      messageEs:
        'El grafo no tiene InputLayer: añade uno (grupo Entrada de la paleta) y conéctalo a la primera capa.',
    });
  }
  if (!nodes.some((n) => n.type !== 'InputLayer' && outCount(n.id) === 0 && inCount(n.id) > 0)) {
    errors.push({
      code: 'missing-output',
      message:
        'The graph has no output layer: connect at least one layer after the InputLayer and leave its output free.',
      messageEs:
        'El grafo no tiene capa de salida: conecta al menos una capa tras el InputLayer y deja libre su salida.',
    });
  }
  for (const node of nodes) {
    if (!isLayerType(node.type)) continue;
    const label = layerLabel(node);
    const n = inCount(node.id);
    const { min, max } = layerSpec(node.type).arity;
    if (nodes.length > 1 && n === 0 && outCount(node.id) === 0) {
      broken.add(node.id);
      errors.push({
        code: 'unconnected',
        nodeId: node.id,
        message: `${label} is not connected to anything: connect it or delete it.`,
        messageEs: `${label} no está conectada a nada: conéctala o bórrala.`,
      });
    } else if (n < min) {
      broken.add(node.id);
      const needs = max === Infinity ? `at least ${plural(min, 'input')}` : plural(min, 'input');
      const needsEs =
        max === Infinity ? `al menos ${min} entradas` : min === 1 ? '1 entrada' : `${min} entradas`;
      errors.push({
        code: 'too-few-inputs',
        nodeId: node.id,
        message: `${label} needs ${needs} but has ${n}: connect ${min - n === 1 ? 'a layer' : 'more layers'} to it.`,
        messageEs: `${label} necesita ${needsEs} pero tiene ${n}: conéctale ${min - n === 1 ? 'una capa' : 'más capas'}.`,
        params: { min, got: n },
      });
    } else if (n > max) {
      broken.add(node.id);
      const extra = incoming.get(node.id)?.[max];
      const err: GraphError = {
        code: 'too-many-inputs',
        nodeId: node.id,
        message:
          max === 0
            ? `${label} is where data enters, so nothing can connect into it: delete the ${plural(n, 'connection')} into it.`
            : `${label} takes ${plural(max, 'input')} but has ${n}: to join branches use an Add or Concatenate layer.`,
        messageEs:
          max === 0
            ? `${label} es por donde entran los datos y nada puede conectarse a ella: borra las ${n} conexiones que llegan.`
            : `${label} admite ${max} entrada${max === 1 ? '' : 's'} pero tiene ${n}: para unir ramas usa una capa Add o Concatenate.`,
        params: { max, got: n },
      };
      if (extra) err.edgeId = extra.id;
      errors.push(err);
    }
  }
}

/** Kahn's algorithm; among ready nodes the earliest in the document goes first, so chains keep their order. */
export function toposort(
  nodes: LayerNode[],
  incoming: Map<string, Edge[]>,
  outgoing: Map<string, string[]>,
): string[] {
  const index = new Map<string, number>();
  const indeg = new Map<string, number>();
  nodes.forEach((n, i) => {
    index.set(n.id, i);
    indeg.set(n.id, incoming.get(n.id)?.length ?? 0);
  });
  const ready = nodes.filter((n) => indeg.get(n.id) === 0).map((n) => n.id);
  const order: string[] = [];
  while (ready.length) {
    let best = 0;
    for (let i = 1; i < ready.length; i++) {
      if ((index.get(ready[i]) as number) < (index.get(ready[best]) as number)) best = i;
    }
    const id = ready.splice(best, 1)[0];
    order.push(id);
    for (const t of outgoing.get(id) ?? []) {
      const d = (indeg.get(t) as number) - 1;
      indeg.set(t, d);
      if (d === 0) ready.push(t);
    }
  }
  return order;
}

/** Reports each loop (a strongly connected component left out of the order) once, on its first layer. */
export function findCycles(
  nodes: LayerNode[],
  order: string[],
  outgoing: Map<string, string[]>,
  errors: GraphError[],
): void {
  const done = new Set(order);
  const rest = nodes.filter((n) => !done.has(n.id));
  const byId = new Map(rest.map((n) => [n.id, n]));
  const low = new Map<string, number>();
  const num = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  let counter = 0;
  const visit = (id: string): void => {
    num.set(id, counter);
    low.set(id, counter++);
    stack.push(id);
    onStack.add(id);
    for (const t of outgoing.get(id) ?? []) {
      if (!byId.has(t)) continue;
      if (!num.has(t)) {
        visit(t);
        low.set(id, Math.min(low.get(id) as number, low.get(t) as number));
      } else if (onStack.has(t)) low.set(id, Math.min(low.get(id) as number, num.get(t) as number));
    }
    if (low.get(id) !== num.get(id)) return;
    const scc: string[] = [];
    let top: string;
    do {
      top = stack.pop() as string;
      onStack.delete(top);
      scc.push(top);
    } while (top !== id);
    const selfLoop = scc.length === 1 && (outgoing.get(id) ?? []).includes(id);
    if (scc.length > 1 || selfLoop)
      reportCycle(
        rest.filter((n) => scc.includes(n.id)),
        errors,
      );
  };
  for (const n of rest) if (!num.has(n.id)) visit(n.id);
}

function reportCycle(members: LayerNode[], errors: GraphError[]): void {
  const names = members.map((n) => `'${n.name}'`);
  const list =
    names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  const listEs =
    names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} y ${names[names.length - 1]}`;
  errors.push({
    code: 'cycle',
    nodeId: members[0].id,
    message:
      members.length === 1
        ? `Layer ${list} is connected to itself: a network must flow one way, from input to output; delete that connection.`
        : `Layers ${list} form a loop: a network must flow one way, from input to output; delete one of the connections between them.`,
    messageEs:
      members.length === 1
        ? `La capa ${listEs} está conectada a sí misma: una red debe fluir en un sentido, de la entrada a la salida; borra esa conexión.`
        : `Las capas ${listEs} forman un bucle: una red debe fluir en un sentido, de la entrada a la salida; borra una de las conexiones entre ellas.`,
    params: { layers: members.map((n) => n.name) },
  });
}
