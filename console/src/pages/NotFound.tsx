import { Link } from 'react-router';

export function NotFound() {
  return (
    <>
      <h1>Page not found</h1>
      <p>
        Nothing here. Go to the <Link to="/">dashboard</Link>.
      </p>
    </>
  );
}
