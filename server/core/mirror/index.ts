/** Mirror Match: an offer's register, values and vocabulary, and how far a CV or letter mirrors them. */
export { analyzeMirror, toBriefRegister } from './analyze-mirror';
export * from './schemas';
