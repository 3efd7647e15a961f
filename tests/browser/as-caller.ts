import type { Page } from 'playwright-core';

/** Switch the demo caller on the 我的 page, as a tester would, and wait until the role shows. */
export async function actAs(page: Page, baseUrl: string, openid: string, role: string): Promise<void> {
  await page.goto(`${baseUrl}/pages/me/index`);
  await page.locator(`[data-openid="${openid}"]`).click();
  await page.locator(`.me__role[data-role="${role}"]`).waitFor();
}
