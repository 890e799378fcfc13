// The text toolkit: tokenize, fold, stem, stop words, language, sentences, n-grams, skill aliases.
export * from './aliases';
export * from './fold';
export * from './language';
export * from './ngrams';
export * from './phrase';
export * from './sentences';
export * from './stem';
export * from './stopwords';
export * from './tokenize';
