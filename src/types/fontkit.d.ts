// The one fontkit call we make (pdfkit's own font engine); @types/fontkit would add a dependency for it.
declare module 'fontkit' {
  export function create(buffer: Buffer): unknown;
}
