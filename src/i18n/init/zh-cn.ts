/** 初始化实验的简体中文文字，单独成文件，这样岛只打包自己的文字。 */
import type { Dictionary } from '../en';
import { SETTING_REFUSALS } from '../refusals/zh-cn';

export const initLab: Dictionary['initLab'] = {
  caption: '初始化与死亡的 ReLU：选择权重如何开始，然后在许多种子上测量网络在开始时和训练结束后有死亡神经元的比例。',
  kernel: '权重（kernel）初始化',
  kernelNames: { zeros: '全零', glorot_uniform: 'Glorot 均匀（Keras 默认）', he_uniform: 'He 均匀' },
  kernelLimits: 'w ~ U(−{l1}, {l1})，v ~ U(−{l2}, {l2})',
  kernelZeros: '所有 w 和 v 都恰好为 0',
  bias: '隐藏层偏置初值 b',
  biasZero: '0（Keras 默认）',
  biasSmall: '0.1（小的正数）',
  biasOther: '其他',
  biasValue: '其他偏置值',
  biasHint: '−1 到 1 之间的数。',
  activation: '激活函数',
  seeds: '种子数（从 0 开始编号）',
  seedsHint: '50 到 1,000 之间的整数。',
  measure: '测量',
  cancel: '取消',
  progress: '进度',
  status: {
    idle: '就绪：选择一种初始化，然后按“测量”。',
    loading: '正在加载训练引擎……',
    training: '训练中：已完成 {done} / {total} 个网络。',
    paused: '演示不在视野内，已暂停（已完成 {done} / {total} 个网络）；回到这里后继续。',
    done: '完成：{total} 个网络训练用时 {seconds} 秒。',
    cancelled: '已在完成 {done} / {total} 个网络后取消；下面的比例只统计这 {done} 个。',
    error: '测量未能完成：{message}',
  },
  resultsCaption: '{activation}，{kernel}，b = {bias}：网络所占比例',
  statistic: '统计量',
  live: '现在测得（{n} 个种子）',
  precomputed: '预先计算（{n} 个种子）',
  notPrecomputed: '此偏置没有预先计算',
  notYet: '尚未测量',
  stats: {
    deadAtInit: '开始时至少 1 个死亡神经元',
    deadAtEnd: '训练后至少 1 个死亡神经元',
    negativeAtInit: '开始时至少 1 个单元处在负半轴',
    negativeAtEnd: '训练后至少 1 个单元处在负半轴',
    goodFit: '拟合良好（MSE < 0.01）',
    medianMse: '最终 MSE 的中位数',
  },
  weightsTitle: '种子 0–{last} 的初始输入权重 w（共 {units} 个单元）',
  weightsDesc:
    '{kernel}、b = {bias} 时初始 w 的直方图：{units} 个单元中有 {off} 个（{share}）一开始就处于关闭状态，即在所有训练输入上 w·x + b ≤ 0；{seeds} 个网络中有 {networks} 个（{networkShare}）至少含一个这样的单元。',
  weightsX: 'w',
  weightsY: '单元数',
  weightsActive: '开始时活跃',
  weightsOff: '开始时关闭（在所有输入上 w·x + b ≤ 0）',
  weightsBand: 'U(−L, L)，L = {l}',
  weightsSummary: '{units} 个单元中有 {off} 个一开始就关闭；{networkShare} 的网络至少有一个。',
  why: {
    zerosNoBias:
      '所有权重都是 0，所以每个预激活都是 0，每个单元都输出 φ(0) = 0：v 得不到梯度，而 v = 0 又挡住了传向第一层的梯度。只有输出偏置在学习，网络始终是一个常数。',
    zerosBias:
      '所有权重都是 0，所以两个单元起点相同、得到的梯度也相同。它们永远是一对双胞胎，网络最多只能做到一个单元的效果。',
    signNoBias:
      '当 b = 0 且输入 x ≥ 0 时，一个单元一开始就关闭当且仅当 w ≤ 0：决定因素是符号，而不是大小。Glorot 和 He 抽出的符号相同，因此关闭的也是同样的单元。',
    neverOff:
      'sigmoid 单元从不关闭：σ′ 处处大于 0，所以无论 w 的符号如何，每个单元都有梯度。初始化方案改变的是单元一开始有多深地落在平坦的两端。',
    signPositiveBias:
      '当 b > 0 时，每个单元在 x = 0 处都是活跃的，所以没有单元一开始就死亡；但 w < 0 的单元只在 x = 0 附近活跃，训练中仍可能死亡。',
    signNegativeBias: '当 b < 0 时，单元需要 w > −b/(2π) 才能在 [0, 2π] 上某处活跃，所以连一些正的权重也一开始就关闭。',
  },
  tableCaption:
    '用真实的训练引擎预先计算：种子实验（2 个隐藏神经元，Adam 0.04，300 轮，批量大小 32），每行 {n} 个种子。',
  tableKernel: '权重初始化',
  tableBias: 'b',
  tableActivation: '激活函数',
  tableNote: '每格是至少有一个这类神经元的网络所占比例，或最终 MSE 的中位数。',
  kernelShort: { zeros: '全零', glorot_uniform: 'Glorot 均匀', he_uniform: 'He 均匀' },
  tableHeads: {
    deadAtInit: '开始时死亡',
    deadAtEnd: '结束时死亡',
    negativeAtInit: '开始时处在负半轴',
    negativeAtEnd: '结束时处在负半轴',
    goodFit: '拟合良好',
    medianMse: 'MSE 中位数',
  },
  refusedTitle: '地址中的部分设置无效，因此改用默认值：',
  paramNames: { init: '权重初始化', bias: '隐藏层偏置初值', iact: '激活函数', iseeds: '种子数' },
  refusal: {
    ...SETTING_REFUSALS,
    badExpression: '{param} = “{value}” 无效。',
    notForActivation: '{param} = “{value}” 在这里不适用。',
  },
  inputRefused: '未采用：{reason}',
};
