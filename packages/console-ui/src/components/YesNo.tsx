/** A tri-state flag from a probe: yes, no, or unknown (null). */
export function YesNo({ value }: { value: boolean | null | undefined }) {
  if (value === null || value === undefined) return <span className="unknown">unknown</span>;
  return <>{value ? 'Yes' : 'No'}</>;
}
