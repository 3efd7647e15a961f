import { Button, Input, Switch, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { ApiError, call } from '../../api/client';
import { newRequestId } from '../../api/request-id';
import type { CategoryId } from '../../domain/categories';
import { PRIVACY_NOTICE } from '../../domain/personal-data';
import { CONTACT_NAME_MAX, CONTENT_MAX, CONTENT_MIN, MAX_IMAGES, PHONE_MAX } from '../../domain/input-limits';
import { PhotoGrid } from '../../components/PhotoGrid';
import { choosePhotos } from '../../platform/choose-photos';
import { uploadPhoto } from '../../platform/photos';
import { CategoryPicker } from '../../components/CategoryPicker';
import { SimilarOpinions } from '../../components/SimilarOpinions';
import { SIMILAR_MIN_CHARS } from '../../domain/similarity';
import type { SimilarOpinionView } from '../../domain/views';
import { PageShell } from '../../components/PageShell';
import { ErrorPage, LoadingPage } from '../../components/StatusView';
import { useLoaded } from '../../hooks/use-loaded';
import { useSubscribe } from '../../hooks/use-subscribe';
import './index.css';

/**
 * Attributes for the native control inside a Taro Textarea or Switch (on H5 these are wrapper
 * elements; `nativeProps` reach the <textarea>/<input> a screen reader focuses — an Input is the
 * <input> itself and takes them directly): its name from the visible label and its description
 * from the hint, both found by id.
 */
const labelled = (labelId: string, hintId: string) => ({ 'aria-labelledby': labelId, 'aria-describedby': hintId });

/** How long the voter pauses typing before similar opinions are looked for (ms). */
const SIMILAR_DELAY = 600;

/**
 * 提意见: choose the station and category, write, optionally leave a contact, submit once. While
 * the voter writes, open opinions of that station and category that read alike are shown, and
 * the voter may support one (附议) instead.
 */
export default function SubmitPage() {
  const router = useRouter();
  // The station the voter came from or chose; until then the first of the list.
  const [chosenStation, setChosenStation] = useState(router.params.stationId ?? '');
  const [choosingStation, setChoosingStation] = useState(!router.params.stationId);
  const [category, setCategory] = useState<CategoryId | null>(null);
  const [content, setContent] = useState('');
  const [withContact, setWithContact] = useState(false);
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [consent, setConsent] = useState(false);
  const [anonymous, setAnonymous] = useState(false);
  const [photos, setPhotos] = useState<string[]>([]);
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  // One key per form: a double tap or a retry after a lost answer is the same submission.
  const requestId = useRef(newRequestId());
  const photoFolder = useRef<string | null>(null);
  const [similar, setSimilar] = useState<SimilarOpinionView[]>([]);
  const [supporting, setSupporting] = useState<string | null>(null);
  const [supported, setSupported] = useState<string | null>(null);

  const { state, reload } = useLoaded(async () => (await call('stations.list', {})).items, []);
  const stations = state.kind === 'ready' ? state.data : null;
  const stationId = chosenStation || (stations?.[0]?.id ?? '');

  const length = content.trim().length;

  // Similar opinions, looked for once the voter pauses: only the latest draft's answer counts.
  const draft = content.trim();
  const asked = useRef(0);
  useEffect(() => {
    const request = ++asked.current;
    if (!stationId || !category || Array.from(draft).length < SIMILAR_MIN_CHARS) {
      setSimilar([]);
      return undefined;
    }
    const timer = setTimeout(() => {
      call('opinions.similar', { stationId, category, content: draft })
        .then((found) => {
          if (request === asked.current) setSimilar(found.items);
        })
        // Nothing similar to show is no error of the voter's: the form goes on as it is.
        .catch(() => undefined);
    }, SIMILAR_DELAY);
    return () => clearTimeout(timer);
  }, [stationId, category, draft]);

  const ready = Boolean(stationId && category && length >= CONTENT_MIN && (!withContact || (name && phone && consent)));

  const addPhotos = async () => {
    setError(null);
    try {
      const chosen = await choosePhotos(MAX_IMAGES - photos.length);
      setUploading(true);
      // Photos go to the caller's own storage folder, which only the server can name.
      photoFolder.current ??= (await call('account.me', {})).photoFolder;
      const uploaded: string[] = [];
      for (const path of chosen) uploaded.push(await uploadPhoto(path, photoFolder.current));
      setPhotos((current) => [...current, ...uploaded].slice(0, MAX_IMAGES));
    } catch (e) {
      const message = (e as { errMsg?: string; message?: string }).errMsg ?? (e as Error).message ?? '';
      if (!/cancel/i.test(message)) setError(message || '图片上传失败，请重试');
    } finally {
      setUploading(false);
    }
  };

  const notifications = useSubscribe('submit');
  const support = async (opinionId: string) => {
    if (supporting) return;
    // Supporters hear of the reply as the author does: asked from the tap, like 提交.
    void notifications.ask();
    setSupporting(opinionId);
    setError(null);
    try {
      const view = await call('opinions.support', { opinionId });
      setSimilar((shown) =>
        shown.map((s) => (s.id === opinionId ? { ...s, supportedByMe: true, supportCount: view.supportCount } : s)),
      );
      setSupported(opinionId);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setSupporting(null);
    }
  };
  const openOpinion = (id: string) => void Taro.navigateTo({ url: `/pages/opinion/index?id=${id}` });

  const submit = async () => {
    if (!ready || sending || !category) return;
    // WeChat shows its prompt only from the tap itself: ask before anything is awaited. The
    // opinion is submitted whatever the voter answers.
    void notifications.ask();
    setSending(true);
    setError(null);
    try {
      const result = await call('opinions.submit', {
        stationId,
        category,
        content: content.trim(),
        requestId: requestId.current,
        ...(withContact ? { contact: { name: name.trim(), phone: phone.trim() }, consent } : {}),
        ...(photos.length ? { images: photos } : {}),
        anonymous,
      });
      void Taro.redirectTo({ url: `/pages/opinion/index?id=${result.opinionId}&submitted=1` });
    } catch (e) {
      // A refusal means this content will not go through as it is: a corrected one is a new submission.
      if (e instanceof ApiError && e.code !== 'NETWORK' && e.code !== 'INTERNAL') requestId.current = newRequestId();
      setError((e as Error).message);
      setSending(false);
    }
  };

  if (state.kind === 'error') {
    return <ErrorPage message={state.message} onRetry={() => void reload()} />;
  }
  if (!stations) {
    return <LoadingPage />;
  }
  const station = stations.find((s) => s.id === stationId);
  return (
    <PageShell>
      <View className='card'>
        <Text className='card__label'>反映给哪个联络站</Text>
        {!choosingStation && station && (
          <View className='setting'>
            <Text className='card__line station-choice'>{station.name}</Text>
            <Button className='btn btn--small' onClick={() => setChoosingStation(true)}>
              更换
            </Button>
          </View>
        )}
        {choosingStation &&
          stations.map((s) => (
            <View
              key={s.id}
              className={`option ${s.id === stationId ? 'option--on' : ''}`}
              data-station-id={s.id}
              role='radio'
              aria-checked={s.id === stationId}
              onClick={() => {
                setChosenStation(s.id);
                setChoosingStation(false);
              }}
            >
              {s.name}
            </View>
          ))}
      </View>

      <View className='card'>
        <Text className='card__label'>意见类别</Text>
        <CategoryPicker value={category} onChange={setCategory} />
      </View>

      <View className='card'>
        <Text className='card__label' id='submit-content-label'>
          您的意见或建议
        </Text>
        <Textarea
          className='textarea opinion-text'
          value={content}
          maxlength={CONTENT_MAX}
          placeholder='请写清楚在哪里、什么问题、希望怎么解决'
          onInput={(e) => setContent(e.detail.value)}
          nativeProps={labelled('submit-content-label', 'submit-content-count')}
        />
        <Text
          id='submit-content-count'
          className={`card__hint ${length > 0 && length < CONTENT_MIN ? 'form-message--error' : ''}`}
        >
          {length}/{CONTENT_MAX} 字{length > 0 && length < CONTENT_MIN ? `，至少${CONTENT_MIN}个字` : ''}
        </Text>
        <Text className='card__hint'>
          意见内容（不含您的姓名、电话和照片）可能显示给本站反映同类问题的居民，方便他们附议。
        </Text>
      </View>

      {supported && (
        <View className='notice notice--ok support-done'>
          <Text className='notice__text'>已附议！代表答复和办结时会通知您，进展在“我的意见”里查看。</Text>
        </View>
      )}
      <SimilarOpinions items={similar} busy={supporting} onSupport={(id) => void support(id)} onOpen={openOpinion} />

      <View className='card'>
        <Text className='card__label'>照片（可不传，最多{MAX_IMAGES}张）</Text>
        <PhotoGrid fileIds={photos} onRemove={(f) => setPhotos((current) => current.filter((p) => p !== f))} />
        {photos.length < MAX_IMAGES && (
          <Button className='btn btn--block add-photos' disabled={uploading} onClick={() => void addPhotos()}>
            {uploading ? '正在上传…' : `添加照片（${photos.length}/${MAX_IMAGES}）`}
          </Button>
        )}
      </View>

      <View className='card'>
        <View className='setting'>
          <View className='setting__text'>
            <Text className='setting__title' id='submit-contact-title'>
              留下联系方式
            </Text>
            <Text className='card__hint' id='submit-contact-hint'>
              方便代表向您了解情况、告知结果
            </Text>
          </View>
          <Switch
            checked={withContact}
            onChange={(e) => setWithContact(Boolean(e.detail.value))}
            nativeProps={{ role: 'switch', ...labelled('submit-contact-title', 'submit-contact-hint') }}
          />
        </View>
        {withContact && (
          <View>
            <Input
              className='input contact-name'
              value={name}
              maxlength={CONTACT_NAME_MAX}
              placeholder='姓名'
              onInput={(e) => setName(e.detail.value)}
              aria-label='联系人姓名'
            />
            <Input
              className='input contact-phone'
              type='number'
              value={phone}
              maxlength={PHONE_MAX}
              placeholder='手机号或固定电话'
              onInput={(e) => setPhone(e.detail.value)}
              aria-label='联系电话（手机号或固定电话）'
            />
            <View className='notice notice--info privacy-notice'>
              <Text className='notice__text notice__title'>个人信息说明</Text>
              {PRIVACY_NOTICE.map((section) => (
                <Text className='notice__text' key={section.heading}>
                  <Text className='notice__heading'>{section.heading}：</Text>
                  {section.text}
                </Text>
              ))}
            </View>
            <View
              className={`option ${consent ? 'option--on' : ''} consent`}
              role='checkbox'
              aria-checked={consent}
              onClick={() => setConsent(!consent)}
            >
              {consent ? '✓ ' : ''}我已阅读并同意个人信息说明
            </View>
          </View>
        )}
        <View className='setting setting--spaced'>
          <View className='setting__text'>
            <Text className='setting__title' id='submit-anonymous-title'>
              对代表匿名
            </Text>
            <Text className='card__hint' id='submit-anonymous-hint'>
              代表看不到您的联系方式，工作人员仍可联系您
            </Text>
          </View>
          <Switch
            checked={anonymous}
            onChange={(e) => setAnonymous(Boolean(e.detail.value))}
            nativeProps={{ role: 'switch', ...labelled('submit-anonymous-title', 'submit-anonymous-hint') }}
          />
        </View>
      </View>

      {error && (
        <View className='notice notice--error'>
          <Text className='notice__text form-error'>{error}</Text>
        </View>
      )}
      <Button
        className='btn btn--primary btn--block submit-button'
        disabled={!ready || sending || uploading}
        onClick={() => void submit()}
      >
        {sending ? '正在提交…' : '提交意见'}
      </Button>
    </PageShell>
  );
}
