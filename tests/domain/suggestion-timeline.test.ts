import { suggestionOnOpinion } from '../../src/domain/suggestion-timeline';
import type { TimelineLine } from '../../src/domain/views';

// What a voter's opinion page says of the 建议 their opinion fed (src/domain/suggestion-timeline.ts).

const line = (at: number, kind: string, text = kind, internal = false): TimelineLine => ({
  at,
  actorName: '系统',
  kind,
  text,
  internal,
});

describe('the 建议 on a source opinion’s page', () => {
  test('an opinion no 建议 cites shows nothing', () => {
    expect(suggestionOnOpinion([line(1, 'submitted'), line(2, 'replied')])).toEqual({ formed: false });
  });

  test('once a 建议 citing it is submitted, it shows 已形成代表建议 without an answer', () => {
    expect(suggestionOnOpinion([line(1, 'replied'), line(2, 'suggestion.submitted')])).toEqual({ formed: true });
  });

  test('the unit’s answer shown is the latest: a 再办 answer replaces the first', () => {
    const shown = suggestionOnOpinion([
      line(1, 'suggestion.submitted'),
      line(2, 'suggestion.assigned'),
      line(3, 'suggestion.answered', '县交通运输局答复（B 列入计划逐步解决）：第一次'),
      line(4, 'suggestion.sentBack'),
      line(5, 'suggestion.answered', '县交通运输局答复（A 已解决或基本解决）：第二次'),
    ]);
    expect(shown.formed).toBe(true);
    expect(shown.answer?.text).toBe('县交通运输局答复（A 已解决或基本解决）：第二次');
  });

  test('a withdrawn 建议 no longer shows as formed', () => {
    expect(suggestionOnOpinion([line(1, 'suggestion.submitted'), line(2, 'suggestion.withdrawn')])).toEqual({
      formed: false,
    });
  });

  test('only a submitted 建议 counts: a line of another kind alone, or an internal one, does not', () => {
    expect(suggestionOnOpinion([line(1, 'suggestion.assigned')]).formed).toBe(false);
    expect(suggestionOnOpinion([line(1, 'suggestion.submitted', '', true)]).formed).toBe(false);
  });
});
