import { describe, expect, it } from 'vitest';
import { createRedactionVault } from './redact';

const CV = `Claire Dubois
12 rue des Lilas, 31000 Toulouse
claire.dubois@example.org · 06 12 34 56 78 · +33 6 98 76 54 32 · +44 20 7946 0958
linkedin.com/in/claire-dubois · https://github.com/cdubois
Née le 14/03/1990 · N° SS : 2 90 03 31 555 123 45
IBAN FR76 3000 6000 0112 3456 7890 189
Infirmière en réanimation au CHU de Garonne-Sud (2018 – 2024) : 12 lits, 35 soignants.`;

describe('redaction before an external AI', () => {
  const vault = createRedactionVault({ names: ['Claire Dubois'] });
  const redacted = vault.redact(CV);

  it.each([
    'claire.dubois@example.org',
    '06 12 34 56 78',
    '+33 6 98 76 54 32',
    '+44 20 7946 0958',
    'linkedin.com/in/claire-dubois',
    'https://github.com/cdubois',
    '14/03/1990',
    '2 90 03 31 555 123 45',
    'FR76 3000 6000 0112 3456 7890 189',
    '12 rue des Lilas',
    'Claire',
    'Dubois',
  ])('removes %s', (value) => {
    expect(redacted).not.toContain(value);
  });

  it('keeps what the letter needs: employers, years and numbers of the career', () => {
    expect(redacted).toContain('CHU de Garonne-Sud (2018 – 2024) : 12 lits, 35 soignants.');
    expect(redacted).toMatch(/^\[NAME_1\]\n\[ADDRESS_1\]/);
  });

  it('gives one placeholder per value and restores the original text exactly', () => {
    expect(vault.redact('Contact: claire.dubois@example.org')).toBe('Contact: [EMAIL_1]');
    expect(vault.restore(redacted)).toBe(CV);
  });

  it('restores placeholders split across streamed chunks', () => {
    const letter = 'Bien à vous,\n\n[NAME_1]\n[EMAIL_1]';
    for (let size = 1; size <= 7; size++) {
      const restorer = vault.streamRestorer();
      let out = '';
      for (let i = 0; i < letter.length; i += size) out += restorer.push(letter.slice(i, i + size));
      out += restorer.flush();
      expect(out).toBe('Bien à vous,\n\nClaire Dubois\nclaire.dubois@example.org');
    }
  });

  it('leaves unknown placeholders and ordinary brackets alone', () => {
    expect(vault.restore('[PHONE_99] and [sic]')).toBe('[PHONE_99] and [sic]');
  });

  it('does not read years, percentages or durations as phone numbers', () => {
    const plain = 'De 2018 à 2024, +15 % de satisfaction, 3 ans, 120 patients par mois.';
    expect(createRedactionVault().redact(plain)).toBe(plain);
  });
});
