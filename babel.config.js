// babel-preset-taro compiles the app for both targets (used by `taro build` only).
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
};
