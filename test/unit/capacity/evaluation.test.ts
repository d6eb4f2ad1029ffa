import { openRounds, remindInvitedBy, summariseRound } from '../../../services/capacity/evaluation-rules';
import type { EvaluationAnswer } from '../../../services/capacity/types';

const answer = (groupKey: string, fundamentScore: number, processesScore: number, extra: Partial<EvaluationAnswer> = {}): EvaluationAnswer =>
  ({ evaluationDate: '2027-03-15', groupKey, fundamentScore, processesScore, ...extra });

describe('staff evaluation round (pure)', () => {
  it('is open from the lead weeks before the evaluation date until the day before it', () => {
    const dates = ['2027-03-15', '2027-09-15'];
    expect(openRounds(dates, '2027-02-14', 4)).toEqual([]);
    expect(openRounds(dates, '2027-02-15', 4)).toEqual(['2027-03-15']);
    expect(openRounds(dates, '2027-03-14', 4)).toEqual(['2027-03-15']);
    expect(openRounds(dates, '2027-03-15', 4)).toEqual([]);
    expect(remindInvitedBy('2027-02-22', 7)).toBe('2027-02-15');
  });

  it('shows only the counts under five answers', () => {
    const round = { evaluationDate: '2027-03-15', invited: 9, answers: [1, 2, 3, 4].map((n) => answer('noord', n, n, { fundamentRemark: `opmerking ${n}` })) };
    const summary = summariseRound(round, 5);
    expect(summary).toEqual({ evaluationDate: '2027-03-15', invited: 9, answered: 4, minGroupSize: 5, shown: false });
    expect(JSON.stringify(summary)).not.toContain('opmerking');
  });

  it('from five answers: averages, the spread, remarks in alphabetical order and the tasks people would place differently', () => {
    const answers = [
      answer('noord', 4, 3, { fundamentRemark: 'Ring 2 is te vol', taskId: 'huisbezoek' }),
      answer('noord', 5, 4, { processesRemark: 'Goed overleg' }),
      answer('zuid', 3, 2, { taskId: 'huisbezoek' }),
      answer('zuid', 4, 4, { fundamentRemark: 'Advies hoort in ring 1', taskId: 'consultatie-advies' }),
      answer('beleid', 2, 3),
    ];
    const summary = summariseRound({ evaluationDate: '2027-03-15', invited: 12, answers }, 5);
    expect(summary.shown).toBe(true);
    expect(summary.fundament).toEqual({ average: 3.6, distribution: [0, 1, 1, 2, 1], remarks: ['Advies hoort in ring 1', 'Ring 2 is te vol'] });
    expect(summary.processes?.average).toBe(3.2);
    expect(summary.tasks).toEqual([{ taskId: 'huisbezoek', count: 2 }, { taskId: 'consultatie-advies', count: 1 }]);
    // Three groups of fewer than five: no breakdown at all.
    expect(summary.groups).toEqual([]);
  });

  it('breaks down per group only when every group has five answers (a small group would show by subtraction)', () => {
    const five = (group: string, score: number) => Array.from({ length: 5 }, () => answer(group, score, score));
    expect(summariseRound({ evaluationDate: '2027-03-15', invited: 12, answers: [...five('noord', 4), ...five('zuid', 2)] }, 5).groups)
      .toEqual([{ groupKey: 'noord', answered: 5, fundament: 4, processes: 4 }, { groupKey: 'zuid', answered: 5, fundament: 2, processes: 2 }]);
    expect(summariseRound({ evaluationDate: '2027-03-15', invited: 12, answers: [...five('noord', 4), answer('beleid', 1, 1)] }, 5).groups).toEqual([]);
  });
});
