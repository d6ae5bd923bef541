// The app version recorded in stores and shown in the window.
export const APP_VERSION = '0.1.0';
