/**
 * The slice of wx-server-sdk's `cloud.openapi` this product calls — WeChat's documented 云调用
 * path (each name is listed in its function's config.json `permissions.openapi`; the deploy
 * check compares the two). wx-server-sdk turns camelCase fields into snake_case, sends them
 * protobuf-encoded through @cloudbase/node-sdk, answers camelCase, and throws an error whose
 * `errCode` is WeChat's errcode when WeChat refuses.
 */
export interface WxOpenApi {
  security: {
    msgSecCheck(data: {
      content: string;
      version: 2;
      scene: number;
      openid: string;
    }): Promise<{ result?: { suggest?: string; label?: number } }>;
    mediaCheckAsync(data: {
      mediaUrl: string;
      mediaType: 2;
      version: 2;
      scene: number;
      openid: string;
    }): Promise<{ traceId?: string }>;
  };
  subscribeMessage: {
    send(data: {
      touser: string;
      templateId: string;
      page: string;
      data: Record<string, { value: string }>;
      miniprogramState: 'formal' | 'trial' | 'developer';
      lang: 'zh_CN';
    }): Promise<unknown>;
  };
}

/** WeChat's errcode of a failed cloud call (wx-server-sdk's CloudSDKError.errCode), if it has one. */
export function errCodeOf(error: unknown): number | undefined {
  const code = (error as { errCode?: unknown } | null)?.errCode;
  return typeof code === 'number' ? code : undefined;
}
