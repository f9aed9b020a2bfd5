// What the network-inspection probes return: typed arrays with their shapes, shared by engine, IPC and views.

/** An image as the probes take it: pixels in [0, 1], row-major [height, width, channels]. */
export interface ProbeImage {
  shape: [number, number, number];
  data: Float32Array;
}

export interface FeatureMapLayer {
  name: string;
  /** The Keras class name: Conv2D, MaxPooling2D, Activation... */
  className: string;
  /** [height, width, channels] of the layer's output for one input. */
  shape: [number, number, number];
  /** Where this layer's values start in `FeatureMaps.data`; laid out channel-major: [c][y][x]. */
  offset: number;
  min: number;
  max: number;
}

/** All the feature maps of one input, in one buffer so they cross IPC as one block of bytes. */
export interface FeatureMaps {
  layers: FeatureMapLayer[];
  data: Float32Array;
  /** The model's output for the input (class probabilities for a classifier). */
  output: Float32Array;
  /** Engine time for the probe, milliseconds. */
  ms: number;
}

export interface ConvKernels {
  name: string;
  /** [kernelHeight, kernelWidth, inputChannels, filters], as tfjs stores a Conv2D kernel. */
  shape: [number, number, number, number];
  data: Float32Array;
  min: number;
  max: number;
}

export interface FilterPatterns {
  layer: string;
  /** [count, height, width, channels]; values in [0, 1] after deprocessing. */
  shape: [number, number, number, number];
  data: Float32Array;
  /** Mean activation each pattern reaches in its filter, before deprocessing. */
  activation: Float32Array;
}

export interface GradCam {
  /** The conv layer whose output the heatmap is computed on. */
  layer: string;
  classIndex: number;
  /** The model's output for the input. */
  output: Float32Array;
  /** [height, width] of the input image. */
  shape: [number, number];
  /** Heatmap at input resolution, normalised to [0, 1]. */
  heatmap: Float32Array;
  /** [height, width] of the conv layer's output, before upsampling. */
  camShape: [number, number];
}
