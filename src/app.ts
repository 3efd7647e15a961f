import type { PropsWithChildren } from 'react';
import './app.css';

/** The app root: pages render inside; every call goes through api/client. */
function App({ children }: PropsWithChildren) {
  return children;
}

export default App;
