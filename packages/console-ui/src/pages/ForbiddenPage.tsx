/** A page the signed-in role may not open (the hub would refuse its every request with 403). */
export function ForbiddenPage() {
  return (
    <section className="panel empty-state" data-testid="forbidden-page">
      <h1>You do not have access to this page</h1>
      <p>It is for administrators. If you need it, ask one of them to do this for you or to change your role.</p>
      <p>
        <a href="#/overview">Back to the overview</a>
      </p>
    </section>
  );
}
