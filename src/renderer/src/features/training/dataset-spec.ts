// The engine's dataset spec from the training panel's choice.
import type { DatasetSpec } from '../../../../shared/training.ts';
import type { DatasetChoice } from '../../store/training-slice.ts';

/** Refuses a folder choice without a path, in words the panel can show. */
export function datasetSpec(d: DatasetChoice): DatasetSpec {
  const limit = d.limit ?? undefined;
  if (d.kind === 'folder') {
    const path = d.path.trim();
    if (!path) throw new Error('Choose the image folder first: it needs one sub-folder per class.');
    return { kind: 'folder', path, ...(limit ? { limit } : {}) };
  }
  return { kind: d.kind, ...(limit ? { limit } : {}) };
}
