/** Any hash the console does not know. */
export function NotFoundPage() {
  return (
    <section className="panel empty-state">
      <h1>Page not found</h1>
      <p>
        <a href="#/devices">Back to the device list</a>
      </p>
    </section>
  );
}
