/**
 * Gmail light or dark, decided from a computed background colour
 * ("rgb(32, 33, 36)", "rgba(0, 0, 0, 0)", "rgb(255 255 255 / 50%)").
 * Transparent or unreadable colours count as light, Gmail's default; the
 * caller should walk up to an element that paints a background.
 */
export function themeFromBackground(color: string): 'light' | 'dark' {
  const m = /rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+)(%?))?\s*\)/i.exec(color);
  if (!m) return 'light';
  const alpha = m[4] === undefined ? 1 : Number(m[4]) / (m[5] ? 100 : 1);
  if (!(alpha >= 0.5)) return 'light';
  const linear = (c: string | undefined) => {
    const s = Math.min(Number(c), 255) / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * linear(m[1]) + 0.7152 * linear(m[2]) + 0.0722 * linear(m[3]);
  // Below ≈0.18 white text contrasts better than black: a dark background.
  return luminance < 0.179 ? 'dark' : 'light';
}
