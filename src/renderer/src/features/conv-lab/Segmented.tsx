// A small segmented control over a few values, using the shell's `.segmented` style.
interface Props<T extends string | number> {
  value: T;
  options: readonly { value: T; label: string }[];
  onChange(v: T): void;
  label: string;
  testId?: string;
}

export function Segmented<T extends string | number>({ value, options, onChange, label, testId }: Props<T>) {
  return (
    <div className="segmented" role="group" aria-label={label} data-testid={testId}>
      {options.map((o) => (
        <button
          key={String(o.value)}
          type="button"
          aria-pressed={o.value === value}
          onClick={() => onChange(o.value)}
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}
