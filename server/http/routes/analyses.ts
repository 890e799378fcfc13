/** /api/analyses/*: ATS Analyzer, Mirror Match, Smart Coach, Trajectory Builder, transferable skills. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AnalysisRequestSchema, AnalysisResponseSchema } from '../../../contract/analyses';
import type { AnalysisKind } from '../../ports/analysis-store';
import { type AnalysisDeps, runAnalysis } from '../../services/analyses/analysis-service';
import { authOf } from '../plugins/auth';

const ROUTES: [string, AnalysisKind, string][] = [
  [
    'ats',
    'ats',
    'Keyword and skill coverage of the CV and letter against the offer: score, breakdown, missing keywords, fixes.',
  ],
  [
    'mirror',
    'mirror',
    'The offer’s register, values and vocabulary, and how far the CV and letter mirror them (Premium).',
  ],
  ['coach', 'coach', 'A criterion-by-criterion critique of a letter with sentence-level rewrites (Premium).'],
  [
    'trajectory',
    'trajectory',
    'A plan from the current job to the target one: transferable skills, gaps, steps, timeline (Premium).',
  ],
  [
    'transferable-skills',
    'transferable_skills',
    'The old job’s skills that matter for the new one, each with its proof from the CV.',
  ],
];

export async function analysisRoutes(appInstance: FastifyInstance, deps: { analyses: AnalysisDeps }) {
  const app = appInstance.withTypeProvider<ZodTypeProvider>();
  for (const [path, kind, description] of ROUTES) {
    app.post(
      `/api/analyses/${path}`,
      {
        schema: {
          tags: ['analyses'],
          description,
          body: AnalysisRequestSchema,
          response: { 200: AnalysisResponseSchema },
        },
      },
      async (request) => runAnalysis(deps.analyses, authOf(request).userId, kind, request.body),
    );
  }
}
