// What other features may use of the dossier: the entry file the lint's feature rule lets them import.
export { readDossierCadre } from './read';
export { insertEntries, type NewEntry } from './write';
export { readDossierCatalog } from './catalog';
