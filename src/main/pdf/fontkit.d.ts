// fontkit 2 ships no types; only `create` is used (see fonts.ts).
declare module 'fontkit' {
  export function create(buffer: Uint8Array, postscriptName?: string): unknown
}
