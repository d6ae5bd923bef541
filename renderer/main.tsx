// The window's entry. The print window (#/print/<jobId>) loads only the print view, not antd and the whole app, so a
// document starts laying out sooner; every other window gets the app.
import { createRoot } from 'react-dom/client';
import './styles.css';
import { PRINT_ROUTE_PREFIX } from './pages/print/route';

const root = createRoot(document.getElementById('root')!);
const printJob = location.hash.startsWith(PRINT_ROUTE_PREFIX) ? location.hash.slice(PRINT_ROUTE_PREFIX.length) : null;

if (printJob)
  void import('./pages/print/PrintRoute').then(({ PrintRoute }) => root.render(<PrintRoute jobId={printJob} />));
else void import('./app-root').then(({ AppRoot }) => root.render(<AppRoot />));
