/** 简体中文界面文字。键与英文词典一一对应（类型检查与单元测试保证）。 */
import type { Dictionary } from './en';
import { gallery } from './gallery/zh-cn';
import { fitLab } from './fit-lab/zh-cn';
import { universalLab } from './universal/zh-cn';
import { initLab } from './init/zh-cn';
import { seeds } from './seeds/zh-cn';
import { deepLab } from './deep/zh-cn';
import { hero } from './hero/zh-cn';

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
  gallery,
  engine: {
    status: {
      idle: '就绪',
      loading: '正在加载训练引擎…',
      training: '训练中',
      paused: '已暂停',
      done: '已完成',
      diverged: '已发散',
      error: '出错',
    },
    epochOf: (epoch: number, total: number) => `第 ${epoch} / ${total} 轮`,
    loss: (value: string) => `损失 ${value}`,
    diverged: (epoch: number) => `学习率太大：损失在第 ${epoch} 轮变成了无穷大。`,
    failed: '训练引擎出错停止了。请刷新页面后重试。',
    unavailable: '训练引擎无法在此浏览器中启动（它需要 WebAssembly，或者至少能在 Web Worker 中运行普通 JavaScript）。',
    deadNeuron: (index: number) =>
      `第 ${index} 个神经元已死亡：它在每个训练点上的输入都 ≤ 0，因此输出恒为 0，不再学习。`,
    negativeRegime: (index: number) => `第 ${index} 个神经元在每个训练点上都处于负半轴。`,
  },
  entry: {
    tagline: '在浏览器里训练极小的神经网络，看清每种激活函数各自贡献了什么。',
    openEdition: '阅读中文版',
    notFoundHint: '可以试试上方的搜索框，或者从任一语言版本的概览开始：',
  },
  fitLab,
  universalLab,
  initLab,
  seeds,
  deepLab,
  hero,
  share: {
    imageAlt: '来自“{title}”的图：一个小型神经网络画出的曲线',
  },
  search: {
    clear_search: '清除',
    load_more: '加载更多结果',
    search_label: '搜索本站',
    filters_label: '筛选',
    zero_results: '没有找到与“[SEARCH_TERM]”相关的结果',
    many_results: '找到 [COUNT] 个与“[SEARCH_TERM]”相关的结果',
    one_result: '找到 [COUNT] 个与“[SEARCH_TERM]”相关的结果',
    alt_search: '没有找到与“[SEARCH_TERM]”相关的结果，改为显示“[DIFFERENT_TERM]”的结果',
    search_suggestion: '没有找到与“[SEARCH_TERM]”相关的结果。试试下面这些搜索：',
    searching: '正在搜索“[SEARCH_TERM]”…',
  },
};
