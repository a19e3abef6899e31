#pragma once
// WCAG 2 contrast: how far apart two colours are for a reader, from 1:1 (the
// same) to 21:1 (black on white). Text needs 4.5:1 against its background
// (WCAG 1.4.3, level AA), a focus indicator 3:1 against what surrounds it.

#include <QColor>
#include <QList>

namespace SockPlay {

/// The relative luminance of an sRGB colour, 0 (black) … 1 (white), as WCAG 2 defines it.
qreal relativeLuminance(const QColor &color);
/// The WCAG 2 contrast ratio of two colours, 1 … 21, whichever is the lighter;
/// a translucent first colour counts as painted over the second.
qreal contrastRatio(const QColor &first, const QColor &second);
/// The lowest contrast ratio of color against any of backgrounds (21 when there is none).
qreal lowestContrast(const QColor &color, const QList<QColor> &backgrounds);
/// color, darkened or lightened (whichever changes it least) until it has at
/// least minimum against every background; black or white (the better one)
/// where no shade of it does. Its hue stays, so a grey stays a grey; the
/// result is opaque (a translucent colour is first painted over the first background).
QColor withContrast(const QColor &color, const QList<QColor> &backgrounds, qreal minimum);

} // namespace SockPlay
