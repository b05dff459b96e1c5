/** How the Fit Lab, universal and init labs word a refused setting (the deep demo's names differ). */
export const SETTING_REFUSALS = {
  notANumber: '{param} = “{value}” is not a number.',
  notAnInteger: '{param} = “{value}” is not a whole number.',
  outOfRange: '{param} = “{value}” is outside the allowed range {range}.',
  unknownChoice: '{param} = “{value}” is not one of the choices.',
};
