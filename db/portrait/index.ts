// What other features may use of the portrait: the entry file the lint's feature rule lets them import.
export { readPortrait } from './read';
