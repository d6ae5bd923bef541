// What other features may use of the 任免事项 and 任免审批表: the entry file the lint's feature rule lets them import.
export { insertMatter, latestMatters } from './matters';
export { renmianPersons } from './persons';
