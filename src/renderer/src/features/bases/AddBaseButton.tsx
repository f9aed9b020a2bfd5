// The editor toolbar's "Pretrained base" button, which opens the dialog that places a saved model as a base.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BaseDialog } from './BaseDialog.tsx';
import './bases.css';

export function AddBaseButton() {
  const { t } = useTranslation('bases');
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="tool"
        data-testid="add-base"
        title={t('button.help')}
        aria-label={t('button.help')}
        onClick={() => setOpen(true)}
      >
        <span aria-hidden="true" className="tool-icon">
          ▤
        </span>
        <span className="tool-label">{t('button.label')}</span>
      </button>
      {open && <BaseDialog onClose={() => setOpen(false)} />}
    </>
  );
}
