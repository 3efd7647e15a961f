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

/** Comma-separated subscription-message template ids the voter is asked to allow on submit. */
declare const SUBSCRIBE_TEMPLATE_IDS: string;

/** Template ids a deputy is asked to allow when opening the inbox (new assignment). */
declare const CASEWORK_TEMPLATE_IDS: string;
