import { CONTACT_RETENTION_DAYS } from '../../domain/personal-data';
import { Button, Input, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { call } from '../../api/client';
import { newRequestId } from '../../api/request-id';
import type { CategoryId } from '../../domain/categories';
import { CLAIM_CODE_DAYS } from '../../domain/claim-codes';
import { formatDateZh, shanghaiDate } from '../../domain/dates';
import { CONTACT_NAME_MAX, CONTENT_MAX, CONTENT_MIN, PHONE_MAX } from '../../domain/input-limits';
import { CategoryPicker } from '../../components/CategoryPicker';
import { PageShell } from '../../components/PageShell';

/**
 * Staff record an opinion a voter brought to a reception day; a deputy (from their own visit's
 * page, `activityId`) one a voter raised on that 走访选民, which then stays with them. Either
 * way the voter takes away a claim code.
 */
export default function IntakePage() {
  const activityId = useRouter().params.activityId;
  const [category, setCategory] = useState<CategoryId | null>(null);
  const [content, setContent] = useState('');
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [consent, setConsent] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const requestId = useRef(newRequestId());
  useEffect(() => {
    if (activityId) void Taro.setNavigationBarTitle({ title: '登记走访中收集的意见' });
  }, [activityId]);

  const withContact = Boolean(name.trim() || phone.trim());
  const ready = category && content.trim().length >= CONTENT_MIN && (!withContact || consent);

  const save = async () => {
    if (!ready || !category) return;
    setBusy(true);
    setResult(null);
    try {
      const saved = await call('casework.intake', {
        category,
        content: content.trim(),
        requestId: requestId.current,
        ...(activityId ? { activityId } : {}),
        ...(withContact ? { contact: { name: name.trim(), phone: phone.trim() }, consent } : {}),
      });
      const until = formatDateZh(shanghaiDate(saved.claimCodeExpiresAt));
      setResult({
        ok: true,
        text: `已登记。请把查询码 ${saved.claimCode} 交给选民，在“我的意见”里输入即可跟进。查询码${CLAIM_CODE_DAYS}天内有效（${until}前）。`,
      });
      requestId.current = newRequestId();
      setContent('');
      setName('');
      setPhone('');
      setConsent(false);
    } catch (e) {
      setResult({ ok: false, text: (e as Error).message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <PageShell>
      {activityId && (
        <View className='notice'>
          <Text className='notice__text intake-visit'>
            登记选民在这次走访中反映的问题：意见由您本人办理，并记入这次走访的成果。
          </Text>
        </View>
      )}
      <View className='card'>
        <Text className='card__label'>意见类别</Text>
        <CategoryPicker value={category} onChange={setCategory} />
        <Textarea
          className='textarea'
          value={content}
          maxlength={CONTENT_MAX}
          placeholder='选民反映的问题和诉求'
          nativeProps={{ 'aria-label': '意见内容' }}
          onInput={(e) => setContent(e.detail.value)}
        />
        <Text className='card__hint'>
          {content.trim().length}/{CONTENT_MAX} 字
        </Text>
        <Input
          className='input'
          value={name}
          maxlength={CONTACT_NAME_MAX}
          placeholder='选民姓名（可不填）'
          onInput={(e) => setName(e.detail.value)}
        />
        <Input
          className='input'
          value={phone}
          maxlength={PHONE_MAX}
          placeholder='联系电话（可不填）'
          onInput={(e) => setPhone(e.detail.value)}
        />
        {withContact && (
          <Text className='card__hint intake-notice'>
            {`请先向选民说明：姓名和电话只用于办理这条意见，本站工作人员和办理代表可以看到；意见结束${CONTACT_RETENTION_DAYS}天后自动删除，选民也可以随时要求删除。`}
          </Text>
        )}
        {withContact && (
          <View
            className={`option ${consent ? 'option--on' : ''}`}
            role='checkbox'
            aria-checked={consent}
            onClick={() => setConsent(!consent)}
          >
            {consent ? '✓ ' : ''}已向选民说明个人信息用途并获同意
          </View>
        )}
      </View>
      {result && (
        <View className={`notice ${result.ok ? 'notice--ok' : 'notice--error'}`}>
          <Text className='notice__text intake-result'>{result.text}</Text>
        </View>
      )}
      <Button className='btn btn--primary btn--block intake-save' disabled={!ready || busy} onClick={() => void save()}>
        登记
      </Button>
    </PageShell>
  );
}
