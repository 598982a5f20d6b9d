/**
 * New recovery codes, shown once: the server keeps only their hashes, so
 * this is the one chance to print, download or write them down.
 */
export function RecoveryCodeList({ codes, onSaved }: { codes: string[]; onSaved: () => void }) {
  const text = `Acuback recovery codes (each works once, in place of a code from the app)\n\n${codes.join("\n")}\n`;
  return (
    <div className="card" role="region" aria-labelledby="recovery-codes-heading">
      <h2 id="recovery-codes-heading">Save your recovery codes</h2>
      <p>
        If your phone is lost, each of these codes signs you in once instead of the app's code. They are shown only now: print them, download them, or
        write them down, and keep them somewhere safe, apart from your phone.
      </p>
      <ul className="recovery-codes" aria-label="Recovery codes">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <div className="actions">
        <a className="button" href={`data:text/plain;charset=utf-8,${encodeURIComponent(text)}`} download="acuback-recovery-codes.txt">
          Download as a text file
        </a>
        <button type="button" onClick={() => window.print()}>
          Print
        </button>
        <button type="button" className="primary" onClick={onSaved}>
          I have saved them
        </button>
      </div>
    </div>
  );
}
