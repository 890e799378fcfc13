/** Smart Coach: a letter scored per criterion, with clichés, unsupported claims and located fixes. */

export { ENGLISH_CLICHES, FRENCH_CLICHES } from './cliches';
export { CRITERION_WEIGHTS, coachLetter, findCliches, guessCompany, guessTitle } from './coach-letter';
export * from './schemas';
