import { Image, View } from '@tarojs/components';
import { photoUrl } from '../platform/photos';
import { previewPhotos } from '../platform/preview-photos';
import './PhotoGrid.css';

/** Photos as square thumbnails; tap one to see them full size. */
export function PhotoGrid(props: { fileIds: string[]; onRemove?: (fileId: string) => void }) {
  const urls = props.fileIds.map(photoUrl);
  return (
    <View className='photos'>
      {props.fileIds.map((fileId, i) => (
        <View className='photos__item' key={fileId}>
          <Image
            className='photos__image'
            src={urls[i] ?? ''}
            mode='aspectFill'
            onClick={() => void previewPhotos(urls[i] ?? '', urls)}
          />
          {props.onRemove && (
            <View
              className='photos__remove'
              role='button'
              aria-label='删除这张照片'
              onClick={() => props.onRemove?.(fileId)}
            >
              ×
            </View>
          )}
        </View>
      ))}
    </View>
  );
}
