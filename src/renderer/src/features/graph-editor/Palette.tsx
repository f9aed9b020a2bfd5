// The layer palette: every registry entry by group with its one-line explanation; drag to add, Enter to append.
import { memo, type DragEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { GROUP_DOCS, LAYER_GROUPS, LAYERS } from '../../../../shared/graph/layers.ts';
import { LAYER_TYPES, type LayerType } from '../../../../shared/graph/schema.ts';
import { useAppStoreApi } from '../../store/StoreProvider.tsx';
import { DRAG_MIME } from './Canvas.tsx';

function PaletteImpl() {
  const { t, i18n } = useTranslation('editor');
  const store = useAppStoreApi();
  const es = i18n.language.startsWith('es');
  const append = (type: LayerType) => store.getState().appendLayer(type);
  const onDragStart = (e: DragEvent, type: LayerType) => {
    e.dataTransfer.setData(DRAG_MIME, type);
    e.dataTransfer.effectAllowed = 'copy';
  };
  const onKeyDown = (e: KeyboardEvent, type: LayerType) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      append(type);
    }
  };
  return (
    <nav className="editor-palette" aria-label={t('palette.title')}>
      <h2 className="panel-title">{t('palette.title')}</h2>
      <p className="panel-hint">{t('palette.hint')}</p>
      {LAYER_GROUPS.map((group) => {
        const types = LAYER_TYPES.filter((type) => LAYERS[type].group === group);
        if (types.length === 0) return null;
        return (
          <section
            key={group}
            className="palette-group"
            aria-label={es ? GROUP_DOCS[group].es : GROUP_DOCS[group].en}
          >
            <h3>{es ? GROUP_DOCS[group].es : GROUP_DOCS[group].en}</h3>
            <ul>
              {types.map((type) => {
                const doc = es ? LAYERS[type].doc.es : LAYERS[type].doc.en;
                return (
                  <li key={type}>
                    <button
                      type="button"
                      className="palette-item"
                      data-testid={`palette-${type}`}
                      draggable
                      onDragStart={(e) => onDragStart(e, type)}
                      onDoubleClick={() => append(type)}
                      onKeyDown={(e) => onKeyDown(e, type)}
                      title={`${doc}\n${t('palette.howTo')}`}
                      aria-label={`${type}: ${doc} ${t('palette.howTo')}`}
                    >
                      <span className="palette-item-name">{type}</span>
                      <span className="palette-item-doc">{doc}</span>
                    </button>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </nav>
  );
}

export const Palette = memo(PaletteImpl);
