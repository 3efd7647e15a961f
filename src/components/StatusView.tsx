import { Button, Text, View } from '@tarojs/components';
import { PageShell } from './PageShell';

/** The loading, error and empty states every page shows in the same words and place. */
export function Loading(props: { text?: string }) {
  return (
    <View className='status status--loading' role='status'>
      <Text>{props.text ?? '正在加载…'}</Text>
    </View>
  );
}

export function ErrorState(props: { message: string; onRetry: () => void }) {
  return (
    <View className='status status--error' role='alert'>
      <Text className='status__message'>{props.message}</Text>
      <Button className='btn btn--primary' onClick={props.onRetry}>
        重试
      </Button>
    </View>
  );
}

export function EmptyState(props: { text: string }) {
  return (
    <View className='status status--empty'>
      <Text>{props.text}</Text>
    </View>
  );
}

/** A whole page that is still loading. */
export function LoadingPage() {
  return (
    <PageShell>
      <Loading />
    </PageShell>
  );
}

/** A whole page that could not load, with a retry. */
export function ErrorPage(props: { message: string; onRetry: () => void }) {
  return (
    <PageShell>
      <ErrorState message={props.message} onRetry={props.onRetry} />
    </PageShell>
  );
}
