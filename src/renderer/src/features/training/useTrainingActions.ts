// What the training panel asks of the engine: start, pause, resume, stop, preview augmentation, choose a folder.
import { useMemo } from 'react';
import type { AugmentationConfig } from '../../../../shared/training.ts';
import { datasetSpec } from './dataset-spec.ts';
import type { GraphDoc } from '../../../../shared/graph/schema.ts';
import type { DatasetKind } from '../../store/training-slice.ts';
import { invoke, isElectron } from '../../lib/ipc.ts';
import { useAppStoreApi } from '../../store/StoreProvider.tsx';
import type { AppStoreApi } from '../../store/app-store.ts';

export interface AugmentPreview {
  pixels: Uint8Array;
  shape: [number, number, number, number];
  labels: number[];
  classNames: string[];
}

/** The model's input [h, w, c] when it has one InputLayer with an image shape; MNIST's otherwise. */
function previewShape(doc: GraphDoc, kind: DatasetKind): number[] {
  const input = doc.nodes.find((n) => n.type === 'InputLayer');
  const shape = input?.type === 'InputLayer' ? input.params.shape : null;
  if (shape && shape.length === 3) return shape;
  if (kind !== 'folder') return [28, 28, 1];
  throw new Error('Add an InputLayer with an image shape [height, width, channels] to preview this folder.');
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

function actionsFor(store: AppStoreApi) {
  return {
    canChooseFolder: isElectron(),
    async start(): Promise<void> {
      const s = store.getState();
      if (s.plan.errors.length > 0) return;
      s.trainStarting();
      try {
        await invoke('train:start', {
          graph: s.doc,
          config: s.training.config,
          dataset: datasetSpec(s.training.dataset),
        });
      } catch (err) {
        store.getState().trainFailed(message(err));
      }
    },
    async pause(): Promise<void> {
      await invoke('train:pause');
    },
    async resume(): Promise<void> {
      await invoke('train:resume');
    },
    async stop(): Promise<void> {
      store.getState().trainStopping();
      await invoke('train:stop');
    },
    async chooseFolder(): Promise<void> {
      const path = await invoke('dialog:chooseFolder');
      if (path) store.getState().setDataset({ path });
    },
    async previewAugmentation(augmentation: AugmentationConfig, count: number): Promise<AugmentPreview> {
      const s = store.getState();
      const r = await invoke('train:augmentPreview', {
        dataset: datasetSpec(s.training.dataset),
        inputShape: previewShape(s.doc, s.training.dataset.kind),
        augmentation,
        count,
        seed: s.training.config.seed,
      });
      if (r.images.dtype !== 'uint8')
        throw new Error('The engine sent the preview in an unexpected format; restart the app.');
      return {
        pixels: r.images.data,
        shape: r.images.shape as AugmentPreview['shape'],
        labels: r.labels,
        classNames: r.classNames,
      };
    },
  };
}

export type TrainingActions = ReturnType<typeof actionsFor>;

export function useTrainingActions(): TrainingActions {
  const store = useAppStoreApi();
  return useMemo(() => actionsFor(store), [store]);
}
