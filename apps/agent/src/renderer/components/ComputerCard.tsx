import { useEffect, useState } from 'react';
import type { ThisComputerInfo } from '../../common/bridge-api.js';
import { computerRows, computerText } from '../computer-text.js';

type Load = { state: 'loading' } | { state: 'ready'; info: ThisComputerInfo } | { state: 'failed' };

/** Hostname, user, IP, serial and OS, with a Copy button: what a technician asks on the phone. */
export function ComputerCard() {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    let live = true;
    const refresh = () => {
      window.deskside.getThisComputer().then(
        (info) => live && setLoad({ state: 'ready', info }),
        () => live && setLoad({ state: 'failed' }),
      );
    };
    refresh();
    const unsubscribe = window.deskside.onStatus(refresh);
    return () => {
      live = false;
      unsubscribe();
    };
  }, []);

  if (load.state === 'loading') return <p className="muted">Reading this computer’s details…</p>;
  if (load.state === 'failed') return <p className="error">Could not read this computer’s details.</p>;

  const copy = () => {
    window.deskside.copyToClipboard(computerText(load.info)).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };

  return (
    <section className="card">
      <dl>
        {computerRows(load.info).map((row) => (
          <div className="row" key={row.label}>
            <dt>{row.label}</dt>
            <dd>{row.value}</dd>
          </div>
        ))}
      </dl>
      <button type="button" onClick={copy}>
        {copied ? 'Copied' : 'Copy'}
      </button>
    </section>
  );
}
