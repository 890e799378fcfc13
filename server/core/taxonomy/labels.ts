/**
 * Splits a gendered job label into its forms: "boulanger/boulangère" → both;
 * "Agent / Agente d'accueil social" → "Agent d'accueil social", "Agente d'accueil social"
 * (ROME writes the shared tail once, after the feminine form).
 */
export function splitGenderedLabel(label: string): string[] {
  const parts = label
    .split('/')
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
  if (parts.length !== 2) return parts.length > 0 ? parts : [label];
  const [first, second] = parts as [string, string];
  const firstWords = first.split(/\s+/);
  const secondWords = second.split(/\s+/);
  const completed =
    secondWords.length > firstWords.length
      ? `${first} ${secondWords.slice(firstWords.length).join(' ')}`
      : first;
  return [completed, second];
}
