import { defineConfig, type UserConfigExport } from '@tarojs/cli';

/**
 * The root font size of H5's rem units: 40px per 750 design px of the screen's narrower side,
 * within 20–40px (designWidth 750, Taro's defaults). Taro's own script measures the <html>
 * element, which is a few pixels high until the app has rendered: a resize then sets 20px, and
 * half a second later the real size, so that everything on the page moves (a layout shift of 0.2
 * on a phone). This one measures the window, which is the screen from the first moment, and
 * sets the size only when it changes (a resize that changes nothing lays out nothing again).
 */
const ROOT_FONT_SIZE_SCRIPT =
  '!function(n){function f(){var e=n.document.documentElement,w=Math.min(n.innerWidth||e.clientWidth,n.innerHeight||n.innerWidth||e.clientWidth),x=40*w/750,v=x>=40?"40px":x<=20?"20px":x+"px";e.style.fontSize!==v&&(e.style.fontSize=v)}n.addEventListener("resize",f),f()}(window);';

// One configuration for both targets. The weapp build is what WeChat runs; the H5 build is
// its local stand-in, served by `npm start` and driven by the browser tests.
export default defineConfig<'webpack5'>(async () => {
  const base: UserConfigExport<'webpack5'> = {
    projectName: 'daibiao-lianluozhan',
    date: '2026-11-26',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    // Both default to the app; `npm run bench` points them at bench/bare-taro to size a bare Taro page.
    sourceRoot: process.env.TARO_SOURCE_ROOT ?? 'src',
    outputRoot: process.env.TARO_OUTPUT_ROOT ?? `dist/${process.env.TARO_ENV ?? 'weapp'}`,
    plugins: [],
    defineConstants: {
      CLOUD_ENV_ID: JSON.stringify(process.env.CLOUD_ENV_ID ?? ''),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'browser' },
      // Plain HTML elements for Taro's components instead of its web components: about half the
      // main-thread work of a first screen (docs/SCALING.md). Their injected styles are answered
      // in app.css (buttons, inputs).
      useHtmlComponents: true,
      htmlPluginOption: { script: ROOT_FONT_SIZE_SCRIPT },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
  };
  return base;
});
