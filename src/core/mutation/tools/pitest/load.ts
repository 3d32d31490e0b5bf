import { err, type Result } from '../../../shared/types';
import type { ReportCandidate } from '../../report/discovery';
import type { LoadEnvironment, LoadProblem } from '../../report/loadTypes';
import type { LoadedReport } from '../../report/model';
import { buildToolReport, readResultFile } from '../toolReport';
import { pitestMutantsOf } from './mutations';
import { parseXml } from './xml';

/** Reads pitest's `mutations.xml` (the candidate). */
export async function loadPitestXml(candidate: ReportCandidate, env: LoadEnvironment): Promise<Result<LoadedReport, LoadProblem>> {
  const text = await readResultFile(candidate.path, env.maxBytes);
  if (!text.ok) return text;
  const root = parseXml(text.value);
  if (!root.ok) return err(root.error);
  const parsed = pitestMutantsOf(root.value);
  if (parsed === undefined) return err({ kind: 'schema', message: `is not a pitest mutations.xml (its root is <${root.value.name}>)` });
  return buildToolReport({ ...parsed, language: 'java' }, candidate, env);
}
