/** Reading uploaded files and fetched pages into text (adapters/documents implements it). */

export interface ExtractedText {
  text: string;
  mediaType: string;
  /** Layout facts that matter to an ATS: columns, tables, header/footer text, image-only pages. */
  report: unknown;
}

export interface DocumentReader {
  /** Text of an uploaded PDF, DOCX or text file, type checked by content; throws AppError on bad files. */
  extract(bytes: Uint8Array, filename: string | undefined): Promise<ExtractedText>;
}

export interface OfferFetcher {
  /** Main text of a job-offer page; throws AppError with a "paste the text" message when it cannot. */
  fetchOffer(url: string): Promise<{ text: string; title: string | null; url: string }>;
}
