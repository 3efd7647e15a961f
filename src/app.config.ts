/*
 * The main package — what WeChat downloads before the first page shows — holds the three tab pages
 * and what they share. Every other voter page is a subpackage of its own, rooted at its folder so
 * that its path stays `pages/<name>/index` (shared cards, subscription messages and links keep
 * working); each tab fetches in the background the pages a tap on it leads to (preloadRule).
 */
const voterPage = (name: string) => ({ root: `pages/${name}`, pages: ['index'] });

export default defineAppConfig({
  pages: ['pages/stations/index', 'pages/mine/index', 'pages/me/index'],
  subPackages: [
    voterPage('station'),
    voterPage('submit'),
    voterPage('opinion'),
    voterPage('public-figures'),
    voterPage('evaluations'),
    voterPage('evaluation'),
    voterPage('messages'),
    // Deputies' and staff's pages load only for them: voters never download them.
    {
      root: 'casework',
      pages: [
        'inbox/index',
        'case/index',
        'intake/index',
        'invite/index',
        'sessions/index',
        'dashboard/index',
        'evaluation-open/index',
        'holidays/index',
        'suggestions/index',
        'suggestion/index',
        'suggestion-draft/index',
        'unit-figures/index',
        'activities/index',
        'activity/index',
        'activity-record/index',
        'deputy-record/index',
        'activity-figures/index',
      ],
    },
  ],
  preloadRule: {
    'pages/stations/index': { network: 'all', packages: ['pages/station', 'pages/submit'] },
    'pages/station/index': { network: 'all', packages: ['pages/submit'] },
    'pages/mine/index': { network: 'all', packages: ['pages/opinion'] },
    'pages/me/index': { network: 'all', packages: ['pages/messages', 'pages/evaluations'] },
    'pages/evaluations/index': { network: 'all', packages: ['pages/evaluation'] },
  },
  window: {
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: '#b71c1c',
    navigationBarTitleText: '代表联络站',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f6f3ee',
  },
  tabBar: {
    color: '#5b5b5b',
    selectedColor: '#b71c1c',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      {
        pagePath: 'pages/stations/index',
        text: '联络站',
        iconPath: 'assets/tab/station.png',
        selectedIconPath: 'assets/tab/station-active.png',
      },
      {
        pagePath: 'pages/mine/index',
        text: '我的意见',
        iconPath: 'assets/tab/opinions.png',
        selectedIconPath: 'assets/tab/opinions-active.png',
      },
      {
        pagePath: 'pages/me/index',
        text: '我的',
        iconPath: 'assets/tab/me.png',
        selectedIconPath: 'assets/tab/me-active.png',
      },
    ],
  },
  // The fuzzy location is all the station list needs (nearest first); WeChat refuses to build an
  // app.json that declares it together with the precise getLocation, so only it is declared.
  permission: {
    'scope.userFuzzyLocation': { desc: '用于查找离您最近的代表联络站' },
  },
  requiredPrivateInfos: ['getFuzzyLocation'],
});
