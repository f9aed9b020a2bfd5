// The Editor view: palette, canvas with its problem list, and the inspector/summary panel around React Flow.
import { ReactFlowProvider } from '@xyflow/react';
import { useActiveView } from '../../app/view-context.tsx';
import { BaseMarks } from '../bases/BaseMarks.tsx';
import { ExportControls } from '../export/ExportControls.tsx';
import { Canvas } from './Canvas.tsx';
import { ErrorList } from './ErrorList.tsx';
import { Palette } from './Palette.tsx';
import { SidePanel } from './SidePanel.tsx';
import { Toolbar } from './Toolbar.tsx';
import { useEditorShortcuts } from './useEditorCommands.ts';
import './editor.css';
import './canvas.css';
import './panels.css';

function EditorShortcuts() {
  useEditorShortcuts(useActiveView().view === 'editor');
  return null;
}

export function EditorView() {
  return (
    <ReactFlowProvider>
      <div className="editor">
        <EditorShortcuts />
        <ExportControls />
        <BaseMarks />
        <Toolbar />
        <Palette />
        <Canvas />
        <SidePanel />
        <ErrorList />
      </div>
    </ReactFlowProvider>
  );
}
