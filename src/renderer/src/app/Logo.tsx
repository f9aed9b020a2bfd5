// The app's mark: three stacked feature maps.
export function Logo() {
  return (
    <svg className="logo" viewBox="0 0 32 32" width="26" height="26" aria-hidden="true">
      <rect x="3" y="9" width="15" height="15" rx="3" fill="var(--accent)" opacity="0.35" />
      <rect x="8" y="6" width="15" height="15" rx="3" fill="var(--accent)" opacity="0.6" />
      <rect x="13" y="3" width="15" height="15" rx="3" fill="var(--accent)" />
      <path
        d="M17 7h7M17 10.5h7M17 14h4"
        stroke="var(--accent-contrast)"
        strokeWidth="1.6"
        strokeLinecap="round"
      />
    </svg>
  );
}
