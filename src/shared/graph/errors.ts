// GraphError: one problem in a graph document, tied to the node or edge at fault, in English and Spanish.

/** Every error code plan() can report. Tests and the UI match on these, never on message text. */
export const GRAPH_ERROR_CODES = [
  'empty-graph',
  'missing-input',
  'missing-output',
  'unknown-layer-type',
  'duplicate-id',
  'duplicate-name',
  'bad-name',
  'unknown-node',
  'duplicate-edge-id',
  'cycle',
  'unconnected',
  'too-few-inputs',
  'too-many-inputs',
  'bad-param',
  'bad-input-shape',
  'wrong-rank',
  'kernel-larger-than-input',
  'output-size-nonpositive',
  'dense-needs-flatten',
  'add-shape-mismatch',
  'concat-shape-mismatch',
  'concat-axis-out-of-range',
  'reshape-size-mismatch',
] as const;

export type GraphErrorCode = (typeof GRAPH_ERROR_CODES)[number];

export type ErrorParamValue = string | number | boolean | null | (string | number | null)[];

export interface GraphError {
  code: GraphErrorCode;
  /** The node at fault, so the canvas can point at it. */
  nodeId?: string;
  /** The edge at fault, where one is (an edge to an unknown node, the input that breaks an Add). */
  edgeId?: string;
  /** A sentence a student understands, saying what is wrong and what to do. */
  message: string;
  /** The same sentence in Spanish. */
  messageEs: string;
  /** The figures in the message, for UIs that want to format them themselves. */
  params?: Record<string, ErrorParamValue>;
}

/** A problem found by a layer rule before plan() knows which node or edge to blame. */
export interface Issue {
  code: GraphErrorCode;
  en: string;
  es: string;
  /** Which input (in targetIndex order) is at fault; plan() turns it into an edgeId. */
  inputIndex?: number;
  params?: Record<string, ErrorParamValue>;
}

export function issue(
  code: GraphErrorCode,
  en: string,
  es: string,
  params?: Record<string, ErrorParamValue>,
  inputIndex?: number,
): Issue {
  const out: Issue = { code, en, es };
  if (params) out.params = params;
  if (inputIndex !== undefined) out.inputIndex = inputIndex;
  return out;
}

/** A Keras-style shape with batch first: [null, 26, 26, 32]. */
export type Shape = (number | null)[];

/** "[null, 26, 26, 32]", as Keras prints a shape. */
export function formatShape(shape: Shape): string {
  return `[${shape.map((d) => (d === null ? 'null' : String(d))).join(', ')}]`;
}

/** "26x26" for a pair. */
export function formatPair(pair: readonly number[]): string {
  return pair.join('x');
}
