// What other features may use of the settings: the entry file the lint's feature rule lets them import.
export { readSettings } from './service';
