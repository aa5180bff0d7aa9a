declare module 'png-chunks-extract' {
  /** Splits a PNG into its chunks (CRC-checked); throws on anything that is not a PNG. */
  export default function extractChunks(data: Uint8Array): { name: string; data: Uint8Array }[];
}
