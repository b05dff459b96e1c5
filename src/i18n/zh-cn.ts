import type { Dictionary } from './en';

/** 简体中文界面文字。键与英文词典一一对应（类型检查与单元测试保证）。 */
export const zhCn: Dictionary = {
  common: {
    siteTitle: '直观理解激活函数',
    interactiveFigure: '交互图',
    staticFigureNote: '这是构建时生成的静态图；JavaScript 运行后会变成可交互的图。',
    comingSoon: '这张图的交互版本正在制作中。它将展示：',
    chooseLanguage: '选择语言',
    redirecting: '正在打开中文版……',
    notFoundTitle: '找不到页面',
    notFoundBody: '这个地址没有页面。它可能已被移动，或者链接有误。',
    notFoundHome: '返回概览',
  },
  entry: {
    tagline: '在浏览器里训练极小的神经网络，看清每种激活函数各自贡献了什么。',
    openEdition: '阅读中文版',
    notFoundHint: '可以试试上方的搜索框，或者从任一语言版本的概览开始：',
  },
};
