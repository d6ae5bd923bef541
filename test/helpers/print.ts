// The print tests' stand-ins: a printer that records the routes it was asked to print (Electron cannot run in a test
// process; e2e prints the real views in Chromium), and the print register with the audit count, to show that a
// refused or cancelled print changed nothing.
import type { PdfPrinter } from '../../db/app/io';
import { STAND_IN_PDF, type TestHost } from './host';

export function recordingPrinter(pdf: Buffer = STAND_IN_PDF): { routes: string[]; printPdf: PdfPrinter } {
  const routes: string[] = [];
  return {
    routes,
    printPdf: async (route) => {
      routes.push(route);
      return [pdf];
    },
  };
}

export const printRegisterState = async (h: TestHost) => ({
  rows: await h.host.session().db.selectFrom('print_register').selectAll().orderBy('id').execute(),
  audit: (await h.host.session().db.selectFrom('audit_log').select('id').execute()).length,
});
