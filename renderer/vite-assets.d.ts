// Vite's `?url` imports: the built file's URL under the app's own origin (used for the pdf.js worker).
declare module '*?url' {
  const url: string;
  export default url;
}
