// Which test images a gallery shows: a confusion-matrix cell or every mistake, most confident first.
import type { RunEvaluationPayload } from '../../../../shared/ipc/contract.ts';

export interface GalleryItem {
  index: number;
  trueLabel: number;
  predicted: number;
  confidence: number;
}

export const GALLERY_SIZE = 48;

/** Test images whose true and predicted classes pass the filter, most confident first. */
export function pickImages(
  ev: Pick<RunEvaluationPayload, 'count' | 'labels' | 'predicted' | 'confidence'>,
  filter: (trueClass: number, predicted: number) => boolean,
  limit = GALLERY_SIZE,
): GalleryItem[] {
  const out: GalleryItem[] = [];
  for (let i = 0; i < ev.count; i++) {
    const t = ev.labels[i]!;
    const p = ev.predicted[i]!;
    if (filter(t, p)) out.push({ index: i, trueLabel: t, predicted: p, confidence: ev.confidence[i]! });
  }
  return out.sort((a, b) => b.confidence - a.confidence).slice(0, limit);
}
