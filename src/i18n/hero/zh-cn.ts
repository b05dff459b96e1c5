/** 首页的图的简体中文文字，单独成文件，这样岛只打包自己的文字。 */
import type { Dictionary } from '../en';

export const hero: Dictionary['hero'] = {
  promise:
    '神经网络画出的每一条曲线，都是激活函数经过平移、翻转、拉伸后的若干份拷贝之和：看两个神经元当场拼出 y\u00a0=\u00a0cos\u00a0x\u00a0+\u00a01。',
  startReading: '开始阅读',
  openFitLab: '打开拟合实验室',
  caption: '两个 sigmoid 神经元加一个偏置，拟合 y = cos x + 1',
  plot: {
    title: '两个 sigmoid 神经元拟合 y = cos x + 1',
    summary: '{pieces}；输出偏置 c = {c}。把它们加起来就是粉色曲线，它与目标的均方误差为 {mse}。',
    piece: '神经元 {i} 贡献一级{direction}台阶，高度 {height}，中心在 x = {centre}',
    rising: '上升的',
    falling: '下降的',
    noCentre: '无（水平）',
    target: '目标 cos x + 1',
    prediction: '二者之和',
    bias: '输出偏置 c',
    dead: '死亡',
  },
  status: {
    recorded: '事先训练好的结果：{epochs} 轮，均方误差 {mse}。',
    idle: '进入视野后开始现场训练。',
    loading: '正在加载训练引擎…',
    training: '训练中：第 {epoch} / {epochs} 轮，损失 {loss}。',
    trainingLive: '训练已开始。',
    paused: '移出视线，已暂停于第 {epoch} 轮。',
    done: '现场训练完成：{epochs} 轮，均方误差 {mse}。',
    failed: '无法在这里训练；图中是事先记录的那次训练。',
  },
  replay: '再训练一次',
};
