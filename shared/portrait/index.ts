// The political-portrait model: pure function, configuration, suggestions and a sample for the catalog page.
export * from './types';
export * from './config';
export * from './model';
export * from './suggestions';
export * from './window';
export * from './sample';
export * from './view';
export * from './period';
export * from './holistic';
