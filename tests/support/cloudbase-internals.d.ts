// The SDK's class whose request method is the boundary with CloudBase's servers (fake-wechat.ts).
declare module '@cloudbase/node-sdk/dist/cloudbase' {
  export const CloudBase: { prototype: object };
}
