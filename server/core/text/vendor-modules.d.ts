// Type declarations for the two text packages that ship without typings.

declare module 'snowball-stemmers' {
  /** A Snowball stemmer for one language. */
  export interface Stemmer {
    stem(word: string): string;
  }
  /** Creates the stemmer of a language ('french', 'english', …). */
  export function newStemmer(algorithm: string): Stemmer;
  /** Lists the available algorithms. */
  export function algorithms(): string[];
  const snowball: { newStemmer: typeof newStemmer; algorithms: typeof algorithms };
  export default snowball;
}
