// One inspector field generated from a param spec: number, list, choice or checkbox, labelled with the Keras name.
import { memo, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isValidValue, type ParamSpec } from '../../../../shared/graph/layers.ts';
import { useAppStoreApi } from '../../store/StoreProvider.tsx';
import { formatParam, parseParam } from './param-text.ts';

interface Props {
  nodeId: string;
  spec: ParamSpec;
  value: unknown;
}

function ParamFieldImpl({ nodeId, spec, value }: Props) {
  const { t, i18n } = useTranslation('editor');
  const store = useAppStoreApi();
  const id = useId();
  const es = i18n.language.startsWith('es');
  const [text, setText] = useState(() => formatParam(value));
  const [focused, setFocused] = useState(false);
  // Undo, redo and other panels change the value under the field: show it unless the user is typing.
  useEffect(() => {
    if (!focused) setText(formatParam(value));
  }, [value, focused, spec.kind]);

  const help = `${id}-help`;
  const set = (v: unknown, merge = false) => store.getState().setParam(nodeId, spec.name, v, merge);
  const invalid = !isValidValue(spec, value);

  let control;
  if (spec.kind === 'bool') {
    control = (
      <input
        id={id}
        type="checkbox"
        checked={value === true}
        onChange={(e) => set(e.target.checked)}
        aria-describedby={help}
      />
    );
  } else if (spec.kind === 'enum') {
    control = (
      <select id={id} value={String(value)} onChange={(e) => set(e.target.value)} aria-describedby={help}>
        {(spec.allowed ?? []).map((a) => (
          <option key={a} value={a}>
            {a}
          </option>
        ))}
      </select>
    );
  } else {
    const parsed = parseParam(spec.kind, text);
    control = (
      <input
        id={id}
        type="text"
        inputMode={spec.kind === 'int' || spec.kind === 'float' ? 'decimal' : 'text'}
        value={text}
        spellCheck={false}
        aria-invalid={parsed === undefined || invalid}
        aria-describedby={help}
        onFocus={() => setFocused(true)}
        onChange={(e) => {
          setText(e.target.value);
          const v = parseParam(spec.kind, e.target.value);
          if (v !== undefined) set(v, true);
        }}
        onBlur={() => {
          setFocused(false);
          store.getState().endEdit();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
        }}
      />
    );
  }
  return (
    <div className={`param-field kind-${spec.kind}${invalid ? ' is-invalid' : ''}`}>
      <label htmlFor={id}>{spec.name}</label>
      {control}
      <p id={help} className="param-help">
        {focused && parseParam(spec.kind, text) === undefined
          ? t('inspector.notAValue')
          : es
            ? spec.doc.es
            : spec.doc.en}
      </p>
    </div>
  );
}

export const ParamField = memo(ParamFieldImpl);
