/** Image sizes by aspect ratio, within a model's side limits and multiple. */
export interface SideLimits {
  minSide: number;
  maxSide: number;
  sideMultiple: number;
}

export interface Size {
  width: number;
  height: number;
}

export const ASPECTS = [
  { id: '1:1', width: 1, height: 1 },
  { id: '3:2', width: 3, height: 2 },
  { id: '2:3', width: 2, height: 3 },
  { id: '16:9', width: 16, height: 9 },
  { id: '9:16', width: 9, height: 16 },
] as const;

export type AspectId = (typeof ASPECTS)[number]['id'];

/**
 * The size of an aspect ratio with about `area` pixels (the model's default size): scaled down when the long
 * side would pass the maximum, up when the short side would fall under the minimum, then each side rounded to
 * the multiple within the limits.
 */
export function sizeForAspect(aspect: { width: number; height: number }, area: number, limits: SideLimits): Size {
  const ratio = aspect.width / aspect.height;
  let width = Math.sqrt(area * ratio);
  let height = Math.sqrt(area / ratio);
  const longest = Math.max(width, height);
  if (longest > limits.maxSide) {
    width *= limits.maxSide / longest;
    height *= limits.maxSide / longest;
  }
  const shortest = Math.min(width, height);
  if (shortest < limits.minSide) {
    width *= limits.minSide / shortest;
    height *= limits.minSide / shortest;
  }
  return { width: snapSide(width, limits), height: snapSide(height, limits) };
}

/** The nearest multiple of the model's side multiple within its limits. */
export function snapSide(value: number, limits: SideLimits): number {
  const multiple = limits.sideMultiple;
  const lowest = Math.ceil(limits.minSide / multiple) * multiple;
  const highest = Math.floor(limits.maxSide / multiple) * multiple;
  return Math.min(highest, Math.max(lowest, Math.round(value / multiple) * multiple));
}

/** Which preset a size is, or undefined for a custom size. */
export function aspectOf(size: Size, area: number, limits: SideLimits): AspectId | undefined {
  return ASPECTS.find((aspect) => {
    const preset = sizeForAspect(aspect, area, limits);
    return preset.width === size.width && preset.height === size.height;
  })?.id;
}
