/** What every use case of the application layer takes besides its inputs (CLI, server and workers alike). */
export interface UseCaseOptions {
  /** Reports progress; called often, so keep it cheap (the CLI draws a bar on a terminal). */
  onProgress?: (progress: Progress) => void;
  /** Stops the work at the next safe point; stores are left as they were. */
  signal?: AbortSignal;
}

export interface Progress {
  /** What is being done: `align`, `store`, `import`, `extract`, `check`, `migrate`. */
  phase: string;
  /** The input being worked on (file name), when there is one. */
  item?: string;
  done: number;
  /** Known only when the amount of work is known in advance. */
  total?: number;
  /** `steps`: the aligner's passes over one document (a large one takes tens of seconds). */
  unit: 'documents' | 'units' | 'pairs' | 'steps';
}

/** A document's bytes with the name it goes by (the path as given, an upload's file name, `<stdin>`). */
export interface DocumentInput {
  name: string;
  bytes: Uint8Array;
}
