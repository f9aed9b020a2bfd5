// Graph document -> a readable Keras (Python) training script, for users who outgrow one machine.
import type { ActivationName, Edge, GraphDoc, LayerNode, Pair } from './schema.ts';

/** What the exported script compiles and trains with; mirrors the app's training settings. */
export interface PyTrainingSettings {
  optimizer: 'rmsprop' | 'adam' | 'sgd';
  learningRate: number;
  momentum?: number;
  loss: string;
  metrics: string[];
  epochs: number;
  batchSize: number;
  validationSplit: number;
  seed: number;
  augmentation?: {
    rotation?: number;
    widthShift?: number;
    heightShift?: number;
    zoom?: number;
    horizontalFlip?: boolean;
  };
}

export const DEFAULT_PY_SETTINGS: PyTrainingSettings = {
  optimizer: 'rmsprop',
  learningRate: 0.001,
  loss: 'categorical_crossentropy',
  metrics: ['accuracy'],
  epochs: 5,
  batchSize: 64,
  validationSplit: 0.2,
  seed: 42,
};

export interface PyExportOptions {
  settings?: Partial<PyTrainingSettings>;
  /** Path of a tfjs model.json whose weights the script loads, relative to the script (or absolute). */
  weightsModelJson?: string;
}

const py = {
  str: (s: string) => JSON.stringify(s),
  num: (n: number) => (Number.isInteger(n) ? String(n) : String(n)),
  bool: (b: boolean) => (b ? 'True' : 'False'),
  pair: (p: Pair) => `(${p[0]}, ${p[1]})`,
  tuple: (xs: number[]) => (xs.length === 1 ? `(${xs[0]},)` : `(${xs.join(', ')})`),
  act: (a: ActivationName) => JSON.stringify(a),
};

/** The `layers.X(...)` constructor call for one node (without the call on its inputs). */
function layerCall(n: LayerNode): string {
  const name = `name=${py.str(n.name)}`;
  const tr = n.trainable === false ? ', trainable=False' : '';
  switch (n.type) {
    case 'InputLayer':
      return `keras.Input(shape=${py.tuple(n.params.shape)}, ${name})`;
    case 'Conv2D': {
      const p = n.params;
      return `layers.Conv2D(${p.filters}, ${py.pair(p.kernel_size)}, strides=${py.pair(p.strides)}, padding=${py.str(p.padding)}, activation=${py.act(p.activation)}, use_bias=${py.bool(p.use_bias)}, ${name}${tr})`;
    }
    case 'MaxPooling2D':
    case 'AveragePooling2D': {
      const p = n.params;
      const strides = p.strides ? py.pair(p.strides) : 'None';
      return `layers.${n.type}(${py.pair(p.pool_size)}, strides=${strides}, padding=${py.str(p.padding)}, ${name})`;
    }
    case 'GlobalAveragePooling2D':
    case 'GlobalMaxPooling2D':
    case 'Flatten':
    case 'Add':
      return `layers.${n.type}(${name})`;
    case 'Dense':
      return `layers.Dense(${n.params.units}, activation=${py.act(n.params.activation)}, use_bias=${py.bool(n.params.use_bias)}, ${name}${tr})`;
    case 'Dropout':
      return `layers.Dropout(${py.num(n.params.rate)}, ${name})`;
    case 'Activation':
      return `layers.Activation(${py.act(n.params.activation)}, ${name})`;
    case 'BatchNormalization': {
      const p = n.params;
      return `layers.BatchNormalization(momentum=${py.num(p.momentum)}, epsilon=${py.num(p.epsilon)}, center=${py.bool(p.center)}, scale=${py.bool(p.scale)}, ${name}${tr})`;
    }
    case 'Concatenate':
      return `layers.Concatenate(axis=${n.params.axis}, ${name})`;
    case 'Rescaling':
      return `layers.Rescaling(${py.num(n.params.scale)}, offset=${py.num(n.params.offset)}, ${name})`;
    case 'Reshape':
      return `layers.Reshape(${py.tuple(n.params.target_shape)}, ${name})`;
  }
}

/** A Python identifier for a layer's output tensor, unique within the script. */
function identifiers(nodes: LayerNode[]): Map<string, string> {
  const used = new Set([
    'keras',
    'layers',
    'np',
    'json',
    'os',
    'argparse',
    'inputs',
    'outputs',
    'model',
    'x',
  ]);
  const out = new Map<string, string>();
  for (const n of nodes) {
    let base = n.name.replace(/[^A-Za-z0-9_]/g, '_').replace(/^([0-9])/, '_$1') || 'layer';
    if (
      /^(and|as|class|def|del|for|from|if|import|in|is|lambda|not|or|pass|return|try|while|with|yield|None|True|False)$/.test(
        base,
      )
    )
      base += '_';
    let id = base;
    for (let i = 2; used.has(id); i++) id = `${base}_${i}`;
    used.add(id);
    out.set(n.id, id);
  }
  return out;
}

/** Nodes in dependency order (Kahn); the graph is assumed valid (plan() passed). */
function topoOrder(doc: GraphDoc): LayerNode[] {
  const indeg = new Map(doc.nodes.map((n) => [n.id, 0]));
  for (const e of doc.edges) indeg.set(e.target, (indeg.get(e.target) ?? 0) + 1);
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const queue = doc.nodes.filter((n) => indeg.get(n.id) === 0).map((n) => n.id);
  const order: LayerNode[] = [];
  while (queue.length) {
    const id = queue.shift()!;
    order.push(byId.get(id)!);
    for (const e of doc.edges.filter((e) => e.source === id)) {
      const d = indeg.get(e.target)! - 1;
      indeg.set(e.target, d);
      if (d === 0) queue.push(e.target);
    }
  }
  if (order.length !== doc.nodes.length)
    throw new Error('The graph has a cycle: fix it in the editor before exporting.');
  return order;
}

function inputsOf(doc: GraphDoc, id: string): Edge[] {
  return doc.edges
    .map((e, i) => ({ e, i }))
    .filter(({ e }) => e.target === id)
    .sort((a, b) => (a.e.targetIndex ?? a.i) - (b.e.targetIndex ?? b.i) || a.i - b.i)
    .map(({ e }) => e);
}

function labelMode(loss: string): string {
  if (loss === 'sparse_categorical_crossentropy') return 'int';
  if (loss === 'binary_crossentropy') return 'binary';
  return 'categorical';
}

function optimizerCall(s: PyTrainingSettings): string {
  if (s.optimizer === 'sgd')
    return `keras.optimizers.SGD(learning_rate=${s.learningRate}, momentum=${s.momentum ?? 0})`;
  if (s.optimizer === 'adam') return `keras.optimizers.Adam(learning_rate=${s.learningRate})`;
  return `keras.optimizers.RMSprop(learning_rate=${s.learningRate})`;
}

function augmentationLines(s: PyTrainingSettings): string[] {
  const a = s.augmentation;
  if (!a) return ['    return None'];
  const parts: string[] = [];
  if (a.horizontalFlip) parts.push('layers.RandomFlip("horizontal")');
  if (a.rotation) parts.push(`layers.RandomRotation(${+(a.rotation / 360).toFixed(4)})`);
  if (a.widthShift || a.heightShift)
    parts.push(`layers.RandomTranslation(${a.heightShift ?? 0}, ${a.widthShift ?? 0})`);
  if (a.zoom) parts.push(`layers.RandomZoom(${a.zoom})`);
  if (!parts.length) return ['    return None'];
  return [
    '    return keras.Sequential([',
    ...parts.map((p) => `        ${p},`),
    '    ], name="augmentation")',
  ];
}

/** Writes the script. The graph must be valid (run plan() first). */
export function toKerasPython(doc: GraphDoc, opts: PyExportOptions = {}): string {
  const s: PyTrainingSettings = { ...DEFAULT_PY_SETTINGS, ...opts.settings };
  const order = topoOrder(doc);
  const ids = identifiers(order);
  const inputs = order.filter((n) => n.type === 'InputLayer');
  const consumed = new Set(doc.edges.map((e) => e.source));
  const outputs = order.filter((n) => !consumed.has(n.id) && n.type !== 'InputLayer');
  const inputShape = inputs[0]?.type === 'InputLayer' ? inputs[0].params.shape : [0, 0, 0];
  const [h, w, c] = inputShape.length === 3 ? inputShape : [inputShape[0] ?? 0, 1, 1];

  const body: string[] = [];
  for (const n of order) {
    const id = ids.get(n.id)!;
    if (n.type === 'InputLayer') {
      body.push(`    ${id} = ${layerCall(n)}`);
      continue;
    }
    const srcs = inputsOf(doc, n.id).map((e) => ids.get(e.source)!);
    const arg = n.type === 'Add' || n.type === 'Concatenate' ? `[${srcs.join(', ')}]` : srcs[0];
    body.push(`    ${id} = ${layerCall(n)}(${arg})`);
  }
  const list = (ns: LayerNode[]) =>
    ns.length === 1 ? ids.get(ns[0].id)! : `[${ns.map((n) => ids.get(n.id)).join(', ')}]`;
  const weights = opts.weightsModelJson ? py.str(opts.weightsModelJson) : 'None';

  return `#!/usr/bin/env python3
"""${doc.name.replace(/"/g, "'")}: exported from Convnet Studio.

Rebuilds the model with the Keras functional API, compiles it with the project's
optimizer, loss and metrics, loads the trained weights (when exported from a run) and
trains on an image folder laid out as keras.utils.image_dataset_from_directory expects
(one sub-folder per class).

    python3 ${doc.name.replace(/[^A-Za-z0-9_-]/g, '_')}.py path/to/images [--epochs N]

Several GPUs or machines: pass --strategy mirrored (all GPUs of this machine) or
--strategy multiworker (set TF_CONFIG on every machine first). The model is then built
and compiled inside strategy.scope(), which is all tf.distribute needs; the global batch
size is split across the replicas.
"""
import argparse
import json
import os

import numpy as np
import keras
from keras import layers

IMAGE_SIZE = (${h}, ${w})
CHANNELS = ${c}
WEIGHTS_MODEL_JSON = ${weights}


def build_model():
${body.join('\n')}
    return keras.Model(inputs=${list(inputs)}, outputs=${list(outputs)}, name=${py.str(doc.name.replace(/[^A-Za-z0-9_]/g, '_') || 'model')})


def load_tfjs_weights(model, model_json_path):
    """Copies weights saved by Convnet Studio (tfjs format) into the Keras model, layer by layer."""
    with open(model_json_path) as f:
        manifest = json.load(f)["weightsManifest"]
    base = os.path.dirname(model_json_path)
    arrays = {}
    for group in manifest:
        data = b"".join(open(os.path.join(base, p), "rb").read() for p in group["paths"])
        offset = 0
        for spec in group["weights"]:
            count = int(np.prod(spec["shape"])) if spec["shape"] else 1
            arrays[spec["name"]] = np.frombuffer(data, dtype=np.float32, count=count, offset=offset).reshape(spec["shape"])
            offset += 4 * count
    for layer in model.layers:
        names = [w.path if hasattr(w, "path") else w.name for w in layer.weights]
        mine = [arrays[k] for k in arrays if k.split("/")[0] == layer.name]
        if names and len(mine) == len(names):
            layer.set_weights(mine)


def augmentation():
${augmentationLines(s).join('\n')}


def datasets(folder, batch_size):
    color = "grayscale" if CHANNELS == 1 else "rgb"
    train, val = keras.utils.image_dataset_from_directory(
        folder, validation_split=${s.validationSplit > 0 ? s.validationSplit : 0.2}, subset="both", seed=${s.seed},
        image_size=IMAGE_SIZE, color_mode=color, label_mode=${py.str(labelMode(s.loss))}, batch_size=batch_size)
    aug = augmentation()
    scale = lambda x, y: (x / 255.0, y)
    train = train.map(scale)
    if aug is not None:
        train = train.map(lambda x, y: (aug(x, training=True), y))
    return train, val.map(scale)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("images", help="folder with one sub-folder of images per class")
    ap.add_argument("--epochs", type=int, default=${s.epochs})
    ap.add_argument("--batch-size", type=int, default=${s.batchSize})
    ap.add_argument("--strategy", choices=["none", "mirrored", "multiworker"], default="none")
    ap.add_argument("--save", default="model.keras")
    a = ap.parse_args()
    import tensorflow as tf
    strategy = {
        "none": tf.distribute.get_strategy,
        "mirrored": tf.distribute.MirroredStrategy,
        "multiworker": tf.distribute.MultiWorkerMirroredStrategy,
    }[a.strategy]()
    with strategy.scope():
        model = build_model()
        if WEIGHTS_MODEL_JSON:
            here = os.path.dirname(os.path.abspath(__file__))
            load_tfjs_weights(model, os.path.join(here, WEIGHTS_MODEL_JSON))
        model.compile(optimizer=${optimizerCall(s)},
                      loss=${py.str(s.loss)},
                      metrics=${JSON.stringify(s.metrics)})
    model.summary()
    train, val = datasets(a.images, a.batch_size)
    model.fit(train, validation_data=val, epochs=a.epochs)
    model.save(a.save)


if __name__ == "__main__":
    main()
`;
}
