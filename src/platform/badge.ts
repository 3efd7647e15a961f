import Taro from '@tarojs/taro';

/** The 我的 tab's position in app.config.ts's tabBar. */
const ME_TAB = 2;

/**
 * Show the unread 消息 count on the 我的 tab (both platforms implement tab badges). A page
 * that is not a tab page cannot set it; that is not an error worth showing.
 */
export function showUnreadBadge(unread: number): void {
  const done = () => undefined;
  try {
    if (unread > 0) {
      void Taro.setTabBarBadge({ index: ME_TAB, text: unread > 99 ? '99+' : String(unread) }).catch(done);
    } else {
      void Taro.removeTabBarBadge({ index: ME_TAB }).catch(done);
    }
  } catch {
    // Called before the tab bar exists (or where there is none): nothing to show it on.
  }
}
