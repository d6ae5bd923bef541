// GB/T 9704 A4 page geometry in millimetres, and the px the browser lays out (96 px per inch).
export const PAGE = { width: 210, height: 297, top: 37, bottom: 35, left: 28, right: 26 } as const;
export const CONTENT_WIDTH_MM = PAGE.width - PAGE.left - PAGE.right; // 156
export const CONTENT_HEIGHT_MM = PAGE.height - PAGE.top - PAGE.bottom; // 225
export const PX_PER_MM = 96 / 25.4;
/** A little room for rounding between measuring and printing (borders of adjacent rows, sub-pixel heights). */
export const CONTENT_HEIGHT_PX = Math.floor(CONTENT_HEIGHT_MM * PX_PER_MM) - 4;
