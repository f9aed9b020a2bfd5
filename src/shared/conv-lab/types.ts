// Shared value types of the convolution lab: matrices, grids and the settings of one convolution.

/** A small matrix as rows of numbers (what the user types, what the CLI prints). */
export type Matrix = number[][];

/** Keras' two padding modes: `valid` keeps only whole windows, `same` pads with zeros to keep the size (at stride 1). */
export type Padding = 'valid' | 'same';

export type PoolKind = 'max' | 'avg';

/** A single-channel image or feature map, row-major, as the tensors carry it. */
export interface Grid {
  height: number;
  width: number;
  data: Float32Array;
}

export interface ConvSettings {
  stride: number;
  padding: Padding;
}

export interface PoolSettings {
  kind: PoolKind;
  size: number;
  stride: number;
}

export const MIN_KERNEL = 1;
export const MAX_KERNEL = 7;
