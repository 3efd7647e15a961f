import { AppError } from '../../src/domain/errors';
import {
  claimInput,
  intakeInput,
  rateInput,
  rejectInput,
  replyInput,
  submitOpinionInput,
  transferInput,
} from '../../src/domain/opinion-schemas';
import { parseInput } from '../../src/domain/schemas';

const valid = {
  stationId: 'qx-jiedao',
  category: 'environment',
  content: '来薰路菜场后面的河道最近又发黑发臭，夏天蚊虫很多，希望尽快清淤并排查偷排的污水管。',
  requestId: 'req-20260301-0001',
};

/** The INVALID_INPUT message a voter would see, or null when the input is accepted. */
function refusal(schema: Parameters<typeof parseInput>[0], input: unknown): string | null {
  try {
    parseInput(schema, input);
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('INVALID_INPUT');
    return (error as AppError).message;
  }
}

describe('an opinion as submitted', () => {
  test('a complete opinion is accepted; its text is trimmed and unknown fields dropped', () => {
    const parsed = parseInput(submitOpinionInput, {
      ...valid,
      content: `  ${valid.content}  `,
      contact: { name: '王阿姨', phone: '13812345678' },
      consent: true,
      anonymous: true,
      images: ['cloud://env/opinions/river-1.jpg'],
      openid: 'demo-admin',
      userInfo: { openId: 'demo-admin' },
    });
    expect(parsed.content).toBe(valid.content);
    expect(parsed).not.toHaveProperty('openid');
    expect(parsed).not.toHaveProperty('userInfo');
  });

  test.each`
    case                    | extra
    ${'without consent'}    | ${{}}
    ${'with consent false'} | ${{ consent: false }}
  `('a contact $case is refused until the notice is accepted', ({ extra }) => {
    expect(refusal(submitOpinionInput, { ...valid, contact: { name: '王阿姨', phone: '13812345678' }, ...extra })).toBe(
      '留下联系方式前，请先阅读并同意个人信息说明',
    );
  });

  test('no contact needs no consent', () => {
    expect(refusal(submitOpinionInput, valid)).toBeNull();
  });

  test.each`
    case                                    | content              | message
    ${'four characters'}                    | ${'河道发臭'}        | ${'意见内容至少5个字'}
    ${'four characters padded with spaces'} | ${'   河道发臭   '}  | ${'意见内容至少5个字'}
    ${'five characters'}                    | ${'河道又发臭'}      | ${null}
    ${'1000 characters'}                    | ${'臭'.repeat(1000)} | ${null}
    ${'1001 characters'}                    | ${'臭'.repeat(1001)} | ${'意见内容不能超过1000个字'}
    ${'empty'}                              | ${''}                | ${'意见内容至少5个字'}
    ${'not text'}                           | ${12345}             | ${'意见内容格式不正确'}
  `('content of $case → $message', ({ content, message }) => {
    expect(refusal(submitOpinionInput, { ...valid, content })).toBe(message);
  });

  test('nine photos are accepted, ten are not', () => {
    const photos = (n: number) => Array.from({ length: n }, (_, i) => `cloud://env/opinions/river-${i}.jpg`);
    expect(refusal(submitOpinionInput, { ...valid, images: photos(9) })).toBeNull();
    expect(refusal(submitOpinionInput, { ...valid, images: photos(10) })).toBe('最多上传9张图片');
  });

  test.each(['1381234567', '138123456789', '12812345678', '138-1234-5678', '电话13812345678', '0574-657'])(
    'the phone number %s is refused',
    (phone) => {
      expect(refusal(submitOpinionInput, { ...valid, contact: { name: '王阿姨', phone }, consent: true })).toBe(
        '请填写正确的手机号或固定电话',
      );
    },
  );

  test.each(['13812345678', '19957412345', '0574-65710288', '057465710288', '010-12345678'])(
    'the phone number %s is accepted',
    (phone) => {
      expect(refusal(submitOpinionInput, { ...valid, contact: { name: '王阿姨', phone }, consent: true })).toBeNull();
    },
  );

  test('a contact name over 20 characters is refused', () => {
    expect(
      refusal(submitOpinionInput, {
        ...valid,
        contact: { name: '王'.repeat(21), phone: '13812345678' },
        consent: true,
      }),
    ).toBe('联系人姓名不能超过20个字');
  });

  test.each`
    case                     | field                        | message
    ${'an unknown category'} | ${{ category: 'weather' }}   | ${'请选择意见类别'}
    ${'a short request id'}  | ${{ requestId: 'abc' }}      | ${'请求编号格式不正确'}
    ${'a bad station id'}    | ${{ stationId: '青溪街道' }} | ${'联络站格式不正确'}
    ${'no request id'}       | ${{ requestId: undefined }}  | ${'缺少请求编号'}
  `('$case is refused: $message', ({ field, message }) => {
    expect(refusal(submitOpinionInput, { ...valid, ...field })).toBe(message);
  });
});

describe('casework inputs', () => {
  test('a walk-in with a contact needs the voter’s consent', () => {
    const walkIn = {
      category: 'housing',
      content: '棚改安置房交房时间一再推迟，希望给个准信。',
      requestId: 'walkin-00000001',
    };
    expect(refusal(intakeInput, { ...walkIn, contact: { name: '赵大伯', phone: '13905741234' } })).toBe(
      '记录联系方式前，请确认选民已同意个人信息说明',
    );
    expect(
      refusal(intakeInput, { ...walkIn, contact: { name: '赵大伯', phone: '13905741234' }, consent: true }),
    ).toBeNull();
  });

  test('a reply is 5 to 2000 characters', () => {
    expect(refusal(replyInput, { opinionId: 'op1', content: '已收到' })).toBe('答复内容至少5个字');
    expect(refusal(replyInput, { opinionId: 'op1', content: '答'.repeat(2001) })).toBe('答复内容不能超过2000个字');
    expect(refusal(replyInput, { opinionId: 'op1', content: '答'.repeat(2000) })).toBeNull();
  });

  test('a duplicate must name the opinion it is merged into', () => {
    const duplicate = { opinionId: 'op1', kind: 'duplicate', reason: '与上周同一路口的意见重复' };
    expect(refusal(rejectInput, duplicate)).toBe('重复意见请指明合并到哪一条');
    expect(refusal(rejectInput, { ...duplicate, mergedInto: 'op0' })).toBeNull();
    expect(refusal(rejectInput, { ...duplicate, kind: 'out_of_remit' })).toBeNull();
  });

  test('a transfer’s expected date is a real date', () => {
    const transfer = { opinionId: 'op1', unit: '县交通运输局' };
    expect(refusal(transferInput, { ...transfer, expectedDate: '2026-02-30' })).toBe('预计办结日期格式不正确');
    expect(refusal(transferInput, { ...transfer, expectedDate: '2026-03-20' })).toBeNull();
  });

  test('a rating is one of the three words', () => {
    expect(refusal(rateInput, { opinionId: 'op1', satisfaction: 'ok' })).toBe('请选择满意、基本满意或不满意');
    expect(refusal(rateInput, { opinionId: 'op1', satisfaction: 'basically_satisfied' })).toBeNull();
  });

  test('a claim code is read without case, spaces or dashes', () => {
    expect(parseInput(claimInput, { claimCode: 'abcd-2345' })).toEqual({ claimCode: 'ABCD2345' });
    expect(parseInput(claimInput, { claimCode: ' ab cd 23 45 ' })).toEqual({ claimCode: 'ABCD2345' });
    expect(refusal(claimInput, { claimCode: 'ABC' })).toBe('查询码是8位字母和数字');
  });
});
