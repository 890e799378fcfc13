/**
 * The transferable skills found in the CV for the target job, each with the CV's own words as proof.
 * All are kept by default; the user unticks what they do not want the letter to lean on. The kept
 * list goes with the generation request (`keptSkills`), so the letter argues with the user's choice.
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type KeptSkill, suggestTransferableSkills, toKeptSkills } from '../api/analyses';
import { ProblemAlert } from '../components/Problem';

const NO_SKILLS: KeptSkill[] = [];

export function SkillsPicker({
  cvDocumentId,
  offerDocumentId,
  from,
  to,
  language,
  onChange,
}: {
  cvDocumentId: string;
  offerDocumentId: string;
  from: string;
  to: string;
  language: 'fr' | 'en';
  onChange: (kept: KeptSkill[] | null) => void;
}) {
  const { t } = useTranslation();
  const suggestion = useQuery({
    queryKey: ['transferable-skills', cvDocumentId, offerDocumentId, from, to, language],
    queryFn: () => suggestTransferableSkills({ cvDocumentId, offerDocumentId, from, to, language }),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const skills = suggestion.data?.result.skills ?? NO_SKILLS;
  const [dropped, setDropped] = useState<ReadonlySet<number>>(new Set());

  useEffect(() => {
    onChange(skills.length ? toKeptSkills(skills.filter((_, index) => !dropped.has(index))) : null);
  }, [skills, dropped, onChange]);

  const toggle = (index: number) =>
    setDropped((previous) => {
      const next = new Set(previous);
      if (next.has(index)) next.delete(index);
      else next.add(index);
      return next;
    });

  return (
    <fieldset className="skills-picker" data-testid="skills-picker">
      <legend>{t('skills.title')}</legend>
      <p className="hint">{t('skills.lead')}</p>
      {suggestion.isPending ? (
        <p role="status" className="hint">
          {t('skills.loading')}
        </p>
      ) : null}
      <ProblemAlert error={suggestion.error} />
      {suggestion.isSuccess && skills.length === 0 ? <p className="hint">{t('skills.none')}</p> : null}
      <ul className="skill-choices">
        {skills.map((skill, index) => (
          <li key={`${skill.skill}|${skill.evidence}`}>
            <input
              type="checkbox"
              id={`skill-${index}`}
              checked={!dropped.has(index)}
              onChange={() => toggle(index)}
              aria-describedby={`skill-${index}-proof`}
            />
            <label htmlFor={`skill-${index}`} className="skill-name">
              {skill.skill}
            </label>
            <span id={`skill-${index}-proof`} className="hint evidence">
              {t('skills.proof')} <q>{skill.evidence}</q>
            </span>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
