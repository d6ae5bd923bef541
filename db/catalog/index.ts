// What other features may use of the catalog: the entry file the lint's feature rule lets them import.
export { readCatalogRows, type CatalogRows } from './rows';
