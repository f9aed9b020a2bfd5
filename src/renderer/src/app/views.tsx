// The views the shell switches between, in tab order; each feature's screen is one entry.
import type { ComponentType } from 'react';
import { ConvLab } from '../features/conv-lab/ConvLab';
import { EditorView } from '../features/graph-editor/EditorView';
import { InspectView } from '../features/inspector/InspectView';
import { TrainingView } from '../features/training/TrainingView';
import { RunsView } from '../features/runs/RunsView';

export const VIEW_IDS = ['editor', 'training', 'runs', 'inspect', 'convLab'] as const;
export type ViewId = (typeof VIEW_IDS)[number];

export interface ViewEntry {
  id: ViewId;
  Component: ComponentType;
}

export const VIEWS: readonly ViewEntry[] = [
  { id: 'editor', Component: EditorView },
  { id: 'training', Component: TrainingView },
  { id: 'runs', Component: RunsView },
  { id: 'inspect', Component: InspectView },
  { id: 'convLab', Component: ConvLab },
];

export function isViewId(value: unknown): value is ViewId {
  return typeof value === 'string' && (VIEW_IDS as readonly string[]).includes(value);
}
