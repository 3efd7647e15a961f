import Taro from '@tarojs/taro';

/** Download to the phone and open in WeChat's viewer, from where it can be forwarded. */
export async function openDocument(url: string, fileType: 'docx' | 'xlsx'): Promise<void> {
  const { tempFilePath } = await Taro.downloadFile({ url });
  await Taro.openDocument({ filePath: tempFilePath, fileType, showMenu: true });
}
