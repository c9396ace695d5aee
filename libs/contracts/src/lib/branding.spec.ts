import { contrastRatio, isHexColor, textColorOn, WCAG_AA_CONTRAST } from './branding';

describe('brand colours', () => {
  it('accepts only #rrggbb', () => {
    expect(isHexColor('#1a2B3c')).toBe(true);
    for (const bad of ['1a2b3c', '#fff', '#1a2b3g', '#1a2b3c4d', 'red', '']) {
      expect(isHexColor(bad)).toBe(false);
    }
  });

  it('knows the extremes of contrast', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#777777')).toBeCloseTo(1, 5);
  });

  it.each(['#ffff00', '#000080', '#767676', '#777777', '#ff0000', '#00ff00', '#1f6feb'])(
    'picks a text colour on %s that meets WCAG AA',
    (background) => {
      const text = textColorOn(background);
      expect(contrastRatio(background, text)).toBeGreaterThanOrEqual(WCAG_AA_CONTRAST);
    },
  );

  it('meets AA on every grey and on a sweep of colours', () => {
    for (let value = 0; value < 256 * 256 * 256; value += 4099) {
      const background = `#${value.toString(16).padStart(6, '0')}`;
      expect(contrastRatio(background, textColorOn(background))).toBeGreaterThanOrEqual(4.5);
    }
  });
});
