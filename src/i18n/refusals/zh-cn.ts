/** Fit Lab、通用逼近和初始化演示拒绝设置时的措辞（深层网络演示的占位符不同）。 */
export const SETTING_REFUSALS = {
  notANumber: '{param} = “{value}” 不是数字。',
  notAnInteger: '{param} = “{value}” 不是整数。',
  outOfRange: '{param} = “{value}” 超出允许范围 {range}。',
  unknownChoice: '{param} = “{value}” 不是可选项之一。',
};
