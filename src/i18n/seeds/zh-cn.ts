/** 多种子研究的简体中文文字，单独成文件，这样岛只打包自己的文字。 */
import type { Dictionary } from '../en';

export const seeds: Dictionary['seeds'] = {
  figureTitle: '{name}：{n} 个种子的最终 MSE',
  figureDesc:
    '最终均方误差的直方图，横轴为对数刻度。中位数 {median}，第 10 百分位数 {p10}，第 90 百分位数 {p90}。良好拟合 {good}，平台 {plateau}，直线 {line}。',
  hiddenCount: '{h} 个隐藏神经元',
  hiddenCountOne: '1 个隐藏神经元',
  xAxis: '最终 MSE（对数刻度）',
  yAxis: '训练次数',
  outcome: { good: '良好拟合', plateau: '平台', line: '直线' },
  bar: 'MSE 从 {lo} 到 {hi}：{count} 次训练',
  barHint:
    '选中一个柱（点击，或用 Tab 键移到它上面再按 Enter）即可列出其中的种子；点击种子会在拟合实验室中打开那一次训练。',
  markerGood: '0.01',
  markerLine: '直线',
  markerBound: 'B',
  binSeedsTitle: '{heading}：最终 MSE 在 {lo} 到 {hi} 之间的 {count} 个种子',
  openSeed: '在拟合实验室中打开种子 {seed}',
  closeList: '关闭列表',
  more: '另有 {n} 个',
  summaryLine: '中位数 {median} · p10 {p10} · p90 {p90}',
  sharesLine: '良好 {good} · 平台 {plateau} · 直线 {line}',
  deadLine: '至少一个神经元死亡：开始时 {start}，结束时 {end}',
  negativeLine: '至少一个神经元在所有输入上都处于负半轴：开始时 {start}，结束时 {end}',
  table: {
    caption: '每种配置 {n} 个种子的结果（{epochs} 个 epoch）',
    config: '激活函数',
    hidden: 'H',
    median: 'MSE 中位数',
    p10: 'p10',
    p90: 'p90',
    good: '良好拟合',
    plateau: '平台',
    line: '直线',
    deadStart: '开始时有死亡',
    deadEnd: '结束时有死亡',
    notApplicable: '—',
    negativeNote: '对 Leaky ReLU，"死亡"两列统计的是在所有输入上都处于负半轴的神经元（它们仍在学习，只是很慢）。',
  },
  bound: {
    caption: '单个隐藏神经元与单调下界 B = {bound} 的比较',
    config: '激活函数',
    best: '最低最终 MSE',
    belowBound: '低于 B 的训练',
    nearBound: '与 B 相差不到 5%',
    line: '直线',
  },
  death: {
    caption: 'ReLU：第一步之前就已注定的部分',
    measure: '指标',
    predicted: '理论预测',
    measured: '实测',
    anyDead: '开始时至少一个神经元死亡',
    allDead: '开始时所有神经元都死亡',
    goodIfAlive: '开始时没有死亡神经元的训练中，良好拟合的比例',
    goodIfDead: '开始时有死亡神经元的训练中，良好拟合的次数',
    diedDuring: '开始时所有神经元都活着、训练中失去一个的训练',
    revived: '开始时死亡、结束时又活过来的训练',
  },
  longer: {
    caption: '更长的训练（种子 {from}–{to}）：各训练轮数下良好拟合的比例',
    config: '激活函数',
    epochs: '{epochs} 个 epoch',
    slow: '{first} 轮时未良好拟合，{last} 轮时良好拟合（新增）',
    lost: '{first} 轮时良好拟合，{last} 轮时又回到阈值之上（失去）',
    stuckAt: '{epochs} 个 epoch 后仍未良好拟合',
    neverDeadStart: '卡住，且有神经元从一开始就死亡（永远无法恢复）',
    neverDiedLater: '卡住，且有神经元在训练中死亡',
    stillStuck: '{epochs} 轮时仍卡住，所有神经元都活着',
  },
  claims: {
    caption: '原文怎么说，训练结果怎么说',
    claim: '原文的说法',
    evidence: '训练结果',
    leaky: {
      says: 'Leaky ReLU 每次都能得到满意的拟合。',
      shows:
        '{n} 次 Leaky ReLU 训练中有 {good} 次以良好拟合告终（MSE < 0.01），{fail} 次没有。明确的失败：{line} 次最终是一条直线，并不比穿过这些点的水平线更好。（阈值只是最好一次 Leaky ReLU 训练误差的 {ratio}，所以接近最优的训练都贴着阈值。）',
    },
    sigmoid: {
      says: 'Sigmoid 在这里其实更有优势，因为它本身就是平滑曲线（tanh 同理）。',
      shows:
        '良好拟合比例：sigmoid {sigmoid}，tanh {tanh}，ReLU {relu}。最终 MSE 中位数：sigmoid {sigmoidMedian}，tanh {tanhMedian}，ReLU {reluMedian}。从相同的初始权重出发，sigmoid 在 {sigmoidWins} 的种子上误差低于 ReLU，tanh 为 {tanhWins}。',
    },
    dead: {
      says: 'ReLU 神经元死亡后会卡住，继续迭代也无济于事。',
      shows:
        '两个神经元的 ReLU 训练中，{deadStart} 开始时就有死亡神经元，{deadEnd} 结束时有；有 {revived} 次训练让开始时死亡的神经元复活。训练 {lastEpochs} 个 epoch（{longerN} 个种子）后，因神经元从一开始就死亡而卡住的 {stuckDead} 次训练中有 {neverGood} 次仍然卡住；在 {firstEpochs} 个 epoch 时卡住的 {stuck} 次训练中，有 {slow} 次后来达到良好拟合。',
    },
    linear: {
      says: '多个线性神经元等效于一个，所以结果是一条直线。',
      shows:
        '{n} 次线性训练中有 {line} 次以直线告终（MSE ≥ 最佳直线的 0.9 倍）；其他能够学习的两神经元激活函数中，这一比例最高为 {otherMax}。（阶跃函数不能学习：它的隐藏层得不到梯度，{stepLine} 的阶跃训练以直线告终。）',
    },
    one: {
      says: '只有一个神经元时，只能靠一个激活函数完成全部拟合。',
      shows:
        '单调激活函数（sigmoid、tanh、ReLU、softsign、阶跃）的单神经元训练中，低于单调下界 B = {bound} 的次数：{below}；最低最终 MSE：sigmoid {sigmoidBest}，tanh {tanhBest}，ReLU {reluBest}；其中良好拟合的次数：{goodOne}。非单调的神经元可以独自完成：单个正弦神经元的良好拟合比例为 {sineOne}；不过单个高斯神经元从数据最左端出发，从未成功（良好拟合 {gaussianOne} 次）。两个 sigmoid 神经元的良好拟合比例：{twoGood}。',
    },
  },
  live: {
    activations: '要训练的激活函数',
    hidden: '隐藏神经元数',
    count: '种子数（从 0 开始）',
    countHint: '1 到 1000 之间的整数。',
    countRefused: '种子数必须是 1 到 1000 之间的整数。',
    noneChosen: '请至少选择一种激活函数。',
    start: '开始训练',
    cancel: '取消',
    progress: '进度',
    status: {
      idle: '就绪：选择激活函数和种子数，然后点击"开始训练"。',
      loading: '正在加载训练引擎…',
      training: '训练中：{total} 个网络中已完成 {done} 个。',
      paused: '面板不在视野内，已暂停（{total} 个网络中已完成 {done} 个）；回到这里后继续。',
      done: '完成：{total} 个网络，用时 {seconds} 秒。',
      cancelled: '已取消：{total} 个网络中完成了 {done} 个。',
      error: '运行未能完成：{message}',
    },
    resultTitle: '{name}：目前 {n} 个种子',
    needsJs:
      '这个面板要在浏览器里训练网络，需要 JavaScript，而它现在是关闭的。上面的直方图是同一个实验事先训练好的结果。',
  },
};
