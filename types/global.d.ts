/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.css';

/** The CloudBase environment the weapp build calls, from CLOUD_ENV_ID at build time. */
declare const CLOUD_ENV_ID: string;

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV: 'weapp' | 'h5' | undefined;
  }
}
