// Payload types shared by several channels: tensors (typed arrays with shape and dtype) and graph documents.
import { GRAPH_DOC_VERSION, LAYER_TYPES, type GraphDoc } from '../graph/schema';
import { isRecord, v, type Validator } from './check';

export const TENSOR_DTYPES = ['float32', 'int32', 'uint8', 'bool'] as const;
export type TensorDType = (typeof TENSOR_DTYPES)[number];

/** The typed array that carries each dtype; `bool` is one byte per value, 0 or 1. */
export interface TensorData {
  float32: Float32Array;
  int32: Int32Array;
  uint8: Uint8Array;
  bool: Uint8Array;
}

const ARRAY_OF: { [D in TensorDType]: new (length: number) => TensorData[D] } = {
  float32: Float32Array,
  int32: Int32Array,
  uint8: Uint8Array,
  bool: Uint8Array,
};

/**
 * Bulk numbers (feature maps, images, weights) as they cross IPC and the WebSocket: never as JSON
 * number arrays. `shape` is row-major, batch first when there is a batch.
 */
export type TensorPayload = {
  [D in TensorDType]: { dtype: D; shape: number[]; data: TensorData[D] };
}[TensorDType];

/** Number of values a shape holds. */
export function shapeSize(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/** Wraps a typed array as a tensor payload, checking that its length matches the shape. */
export function tensorPayload<D extends TensorDType>(
  dtype: D,
  shape: number[],
  data: TensorData[D],
): TensorPayload {
  if (data.length !== shapeSize(shape)) {
    throw new RangeError(
      `Tensor data has ${data.length} values but shape [${shape.join(', ')}] needs ${shapeSize(shape)}.`,
    );
  }
  return { dtype, shape, data } as TensorPayload;
}

/** A zero-filled tensor payload of the given dtype and shape. */
export function emptyTensor(dtype: TensorDType, shape: number[]): TensorPayload {
  return { dtype, shape, data: new ARRAY_OF[dtype](shapeSize(shape)) } as TensorPayload;
}

function checkTensor(x: unknown, p: string): string | null {
  if (!isRecord(x)) return `${p} should be a tensor {dtype, shape, data}`;
  const { dtype, shape, data } = x;
  if (typeof dtype !== 'string' || !(TENSOR_DTYPES as readonly string[]).includes(dtype)) {
    return `${p}.dtype should be one of ${TENSOR_DTYPES.join(', ')}`;
  }
  if (!Array.isArray(shape) || !shape.every((d) => Number.isInteger(d) && d >= 0)) {
    return `${p}.shape should be a list of whole numbers`;
  }
  const Ctor = ARRAY_OF[dtype as TensorDType];
  if (!(data instanceof Ctor)) return `${p}.data should be a ${Ctor.name} for dtype ${dtype}`;
  const size = shapeSize(shape as number[]);
  if (data.length !== size) return `${p}.data has ${data.length} values but its shape needs ${size}`;
  return null;
}

export const tensorValidator: Validator<TensorPayload> = v.custom<TensorPayload>(checkTensor);

const position = v.object({ x: v.number(), y: v.number() });

const nodeShape = v.object({
  id: v.string({ nonEmpty: true, maxLength: 200 }),
  type: v.literal(...LAYER_TYPES),
  name: v.string({ maxLength: 200 }),
  params: v.record(v.unknown()),
  position,
  trainable: v.optional(v.boolean()),
});

const edgeShape = v.object({
  id: v.string({ nonEmpty: true, maxLength: 200 }),
  source: v.string({ nonEmpty: true }),
  target: v.string({ nonEmpty: true }),
  targetIndex: v.optional(v.number({ integer: true, min: 0 })),
});

const docShape = v.object({
  version: v.literal(GRAPH_DOC_VERSION),
  name: v.string({ maxLength: 500 }),
  nodes: v.array(nodeShape, { maxLength: 10_000 }),
  edges: v.array(edgeShape, { maxLength: 50_000 }),
});

/**
 * The structure of a graph document. Param values are left to plan(), which reports bad ones
 * against the node at fault in words a student understands.
 */
export const graphDocValidator: Validator<GraphDoc> = v.custom<GraphDoc>((x, p) => docShape.check(x, p));
