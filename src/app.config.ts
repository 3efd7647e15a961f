export default defineAppConfig({
  pages: [
    'pages/stations/index',
    'pages/station/index',
    'pages/mine/index',
    'pages/me/index',
    'pages/submit/index',
    'pages/opinion/index',
    'pages/public-figures/index',
    'pages/evaluations/index',
    'pages/evaluation/index',
    'pages/messages/index',
  ],
  // Deputies' and staff's pages load only for them: voters never download them.
  subPackages: [
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
