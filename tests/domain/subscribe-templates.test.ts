import { parseSubscribeTemplates } from '../../src/domain/subscribe-templates';

describe('SUBSCRIBE_TEMPLATES, as the operator writes it', () => {
  test('unset or empty: nothing configured, nothing wrong', () => {
    expect(parseSubscribeTemplates(undefined)).toEqual({ templates: {}, problems: [] });
    expect(parseSubscribeTemplates('  ')).toEqual({ templates: {}, problems: [] });
  });

  test('the compact form the CloudBase CLI can carry through .env', () => {
    expect(parseSubscribeTemplates('opinion_reply=AbC-1_x, casework_todo=T2:thing1|thing4|time2')).toEqual({
      templates: { opinion_reply: { id: 'AbC-1_x' }, casework_todo: { id: 'T2', keys: ['thing1', 'thing4', 'time2'] } },
      problems: [],
    });
  });

  test('JSON, as the console takes it', () => {
    expect(
      parseSubscribeTemplates('{"opinion_reply":"T1","casework_todo":{"id":"T2","keys":["thing1","thing4","time2"]}}'),
    ).toEqual({
      templates: { opinion_reply: { id: 'T1' }, casework_todo: { id: 'T2', keys: ['thing1', 'thing4', 'time2'] } },
      problems: [],
    });
  });

  test.each([
    ['{"opinion_reply":', 'SUBSCRIBE_TEMPLATES 不是合法的 JSON'],
    ['reply_to_voter=T1', 'SUBSCRIBE_TEMPLATES 中的 reply_to_voter 不是本程序的模板'],
    ['opinion_reply=T1:thing1|time2', 'SUBSCRIBE_TEMPLATES.opinion_reply.keys 应有 3 个关键词'],
    ['opinion_reply=', 'SUBSCRIBE_TEMPLATES 应为“模板键=模板ID”，以逗号分隔'],
    ['opinion_reply=T1:thing1|time2|Thing3', 'SUBSCRIBE_TEMPLATES 应为“模板键=模板ID”，以逗号分隔'],
    ['{"opinion_reply":"T1.v2"}', 'SUBSCRIBE_TEMPLATES.opinion_reply 的模板ID只能由字母、数字、-、_ 组成'],
    ['{"opinion_reply":"T1 "}', 'SUBSCRIBE_TEMPLATES.opinion_reply 的模板ID只能由字母、数字、-、_ 组成'],
  ])('%s is refused, and then nothing is configured', (value, problem) => {
    expect(parseSubscribeTemplates(value)).toEqual({ templates: {}, problems: [problem] });
  });
});
