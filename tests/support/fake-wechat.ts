import { CloudBase } from '@cloudbase/node-sdk/dist/cloudbase';
import protobuf from 'protobufjs';
import cloud from 'wx-server-sdk';
import type { WxOpenApi } from '../../server/adapters/wechat/wx-open-api';

/**
 * WeChat's servers, the one edge that cannot run here. Everything up to the wire is real:
 * wx-server-sdk's `cloud.openapi` turns a call into its protobuf CommApiData and hands it to
 * @cloudbase/node-sdk's `callCompatibleWxOpenApi`, which would post it to CloudBase. This
 * stand-in takes that request instead, decodes it as WeChat would (field numbers as in
 * wx-server-sdk's own generated code), lets the test answer with WeChat's JSON, and encodes
 * the answer as the CommOpenApiResp the SDK decodes.
 */
const root = protobuf.Root.fromJSON({
  nested: {
    KeyValuePair: {
      fields: {
        key: { type: 'string', id: 1 },
        value: { type: 'bytes', id: 2 },
        contenttype: { type: 'string', id: 3 },
        filename: { type: 'string', id: 4 },
      },
    },
    OpenApiData: { fields: { pairs: { rule: 'repeated', type: 'KeyValuePair', id: 1 } } },
    CommApiData: {
      fields: {
        apiType: { type: 'int32', id: 1 },
        openapiData: { type: 'OpenApiData', id: 2 },
        appid: { type: 'string', id: 6 },
      },
    },
    CommOpenApiResp: {
      fields: {
        respData: { type: 'bytes', id: 1 },
        contentType: { type: 'string', id: 2 },
        errorCode: { type: 'int32', id: 3 },
        httpCode: { type: 'uint32', id: 4 },
      },
    },
  },
});
const CommApiData = root.lookupType('CommApiData');
const CommOpenApiResp = root.lookupType('CommOpenApiResp');

/** One open-API request as WeChat receives it: the dotted API name and the snake_case body. */
export interface WechatRequest {
  api: string;
  body: Record<string, unknown>;
}

/** WeChat's JSON answer, or 'timeout' for a request that never comes back. */
export type WechatAnswer = Record<string, unknown> | 'timeout';

type Compatible = (options: { apiName: string; requestData: Buffer }) => Promise<unknown>;

let initialised = false;

/**
 * Route every 云调用 of this process to `answer` until `restore()`; `requests` lists what
 * WeChat received. Returns wx-server-sdk's real `cloud.openapi`.
 */
export function fakeWechat(answer: (request: WechatRequest) => WechatAnswer) {
  if (!initialised) {
    cloud.init({ env: 'test-env' });
    initialised = true;
  }
  const requests: WechatRequest[] = [];
  const prototype = CloudBase.prototype as unknown as { callCompatibleWxOpenApi: Compatible };
  const original = prototype.callCompatibleWxOpenApi;
  prototype.callCompatibleWxOpenApi = async ({ apiName, requestData }) => {
    const decoded = CommApiData.toObject(CommApiData.decode(requestData), { bytes: Buffer }) as {
      openapiData?: { pairs?: Array<{ key: string; value: Buffer }> };
    };
    const body = Object.fromEntries(
      (decoded.openapiData?.pairs ?? []).map((pair) => [pair.key, JSON.parse(pair.value.toString('utf8'))]),
    );
    const request = { api: apiName, body };
    requests.push(request);
    const reply = answer(request);
    if (reply === 'timeout') throw Object.assign(new Error('ESOCKETTIMEDOUT'), { code: 'ESOCKETTIMEDOUT' });
    return Buffer.from(
      CommOpenApiResp.encode(
        CommOpenApiResp.create({
          respData: Buffer.from(JSON.stringify({ errcode: 0, errmsg: 'ok', ...reply })),
          contentType: 'application/json; charset=utf-8',
        }),
      ).finish(),
    );
  };
  return {
    openapi: cloud.openapi as unknown as WxOpenApi,
    requests,
    restore: () => {
      prototype.callCompatibleWxOpenApi = original;
    },
  };
}
