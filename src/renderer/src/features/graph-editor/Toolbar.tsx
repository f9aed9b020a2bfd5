// The editor toolbar: templates, Keras import/export, edit commands and view commands, each with its shortcut.
import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { TEMPLATES, getTemplate } from '../../../../shared/graph/templates/index.ts';
import { emptyDoc } from '../../store/graph-ops.ts';
import { AddBaseButton } from '../bases/AddBaseButton.tsx';
import { ProjectControls } from '../project/ProjectControls.tsx';
import { KerasButtons } from './KerasButtons.tsx';
import { selectCanRedo, selectCanUndo, selectHasClipboard } from '../../store/selectors.ts';
import { useAppStore, useAppStoreApi } from '../../store/StoreProvider.tsx';
import { shortcutLabel, type EditorCommand } from './shortcuts.ts';
import { useEditorCommands } from './useEditorCommands.ts';

function ToolButton(props: {
  command: EditorCommand;
  label: string;
  icon: string;
  disabled?: boolean;
  /** Icon only (the name is in the tooltip and for screen readers): keeps the toolbar on one line. */
  compact?: boolean;
  onRun(): void;
}) {
  const tip = `${props.label} (${shortcutLabel(props.command)})`;
  return (
    <button
      type="button"
      className={props.compact ? 'tool is-compact' : 'tool'}
      onClick={props.onRun}
      disabled={props.disabled}
      title={tip}
      aria-label={tip}
    >
      <span aria-hidden="true" className="tool-icon">
        {props.icon}
      </span>
      <span className="tool-label">{props.label}</span>
    </button>
  );
}

function TemplateMenu() {
  const { t, i18n } = useTranslation('editor');
  const store = useAppStoreApi();
  const [open, setOpen] = useState(false);
  const first = useRef<HTMLButtonElement>(null);
  const es = i18n.language.startsWith('es');
  const load = (name: string | null) => {
    const doc = name ? getTemplate(name) : emptyDoc();
    if (!doc) return;
    store.getState().loadDoc(doc, { undoable: true });
    store.getState().notify({
      kind: 'info',
      key: 'editor:templates.loaded',
      values: { name: name ?? t('templates.empty') },
    });
    setOpen(false);
  };
  const items: ReactNode[] = TEMPLATES.map((tpl) => (
    <li key={tpl.name} role="none">
      <button
        type="button"
        role="menuitem"
        data-testid={`template-${tpl.name}`}
        onClick={() => load(tpl.name)}
      >
        <strong>{tpl.name}</strong>
        <span>{es ? tpl.doc.es : tpl.doc.en}</span>
      </button>
    </li>
  ));
  return (
    <div
      className="tool-menu"
      onKeyDown={(e) => {
        if (e.key === 'Escape') setOpen(false);
      }}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget)) setOpen(false);
      }}
    >
      <button
        type="button"
        className="tool"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => {
          setOpen(!open);
          requestAnimationFrame(() => first.current?.focus());
        }}
      >
        <span aria-hidden="true" className="tool-icon">
          ▦
        </span>
        <span className="tool-label">{t('templates.button')} ▾</span>
      </button>
      {open && (
        <ul className="tool-popup" role="menu" aria-label={t('templates.button')}>
          <li role="none">
            <button
              ref={first}
              type="button"
              role="menuitem"
              data-testid="template-empty"
              onClick={() => load(null)}
            >
              <strong>{t('templates.empty')}</strong>
              <span>{t('templates.emptyDoc')}</span>
            </button>
          </li>
          {items}
        </ul>
      )}
    </div>
  );
}

export function Toolbar() {
  const { t } = useTranslation('editor');
  const run = useEditorCommands();
  const canUndo = useAppStore(selectCanUndo);
  const canRedo = useAppStore(selectCanRedo);
  const hasClip = useAppStore(selectHasClipboard);
  const hasSel = useAppStore((s) => s.selection.nodes.length + s.selection.edges.length > 0);
  const hasNodes = useAppStore((s) => s.doc.nodes.length > 0);
  const b = (command: EditorCommand, icon: string, disabled = false, compact = true) => (
    <ToolButton
      command={command}
      icon={icon}
      label={t(`commands.${command}`)}
      disabled={disabled}
      compact={compact}
      onRun={() => run(command)}
    />
  );
  return (
    <div className="editor-toolbar" role="toolbar" aria-label={t('toolbar')}>
      <TemplateMenu />
      <ProjectControls />
      <KerasButtons />
      <AddBaseButton />
      <span className="tool-sep" aria-hidden="true" />
      {b('undo', '↶', !canUndo)}
      {b('redo', '↷', !canRedo)}
      <span className="tool-sep" aria-hidden="true" />
      {b('copy', '❐', !hasSel)}
      {b('paste', '⇣', !hasClip)}
      {b('duplicate', '⊕', !hasSel)}
      {b('delete', '✕', !hasSel)}
      <span className="tool-sep" aria-hidden="true" />
      {b('autoLayout', '⇅', !hasNodes, false)}
      {b('fitView', '⤢', !hasNodes, false)}
    </div>
  );
}
