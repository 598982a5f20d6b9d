/** A select over one of the domain's lists ({ id, label }), with "—" for not recorded. */

type Option = { id: string; label: string; title?: string };

export function Options({ options }: { options: readonly Option[] }) {
  return (
    <>
      {options.map((o) => (
        <option key={o.id} value={o.id} title={o.title}>
          {o.label}
        </option>
      ))}
    </>
  );
}

export function Choice({ label, value, options, onChange }: { label: string; value: string | null; options: readonly Option[]; onChange: (value: string | null) => void }) {
  return (
    <select aria-label={label} value={value ?? ""} onChange={(e) => onChange(e.target.value || null)}>
      <option value="">—</option>
      <Options options={options} />
    </select>
  );
}
