/** A horizontal bar chart that is also a table: screen readers read the numbers, everyone sees the bars. */
export function BarChart({ caption, rows }: { caption: string; rows: { label: string; value: number | undefined }[] }) {
  const max = Math.max(1, ...rows.map((r) => r.value ?? 0));
  return (
    <table className="bars">
      <caption>{caption}</caption>
      <tbody>
        {rows.map((row) => (
          <tr key={row.label}>
            <th scope="row">{row.label}</th>
            <td className="count">{row.value ?? '…'}</td>
            <td className="bar" aria-hidden="true">
              <svg viewBox="0 0 100 10" preserveAspectRatio="none" width="100%" height="14" focusable="false">
                <rect x="0" y="0" height="10" width={((row.value ?? 0) / max) * 100} className={`bar-${row.label.replace(/\W+/g, '-')}`} />
              </svg>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
