#include "contrast.h"

#include <cmath>

namespace SockPlay {

namespace {

qreal linear(qreal channel)
{
    // sRGB's transfer curve, undone (WCAG 2's constants).
    return channel <= 0.04045 ? channel / 12.92 : std::pow((channel + 0.055) / 1.055, 2.4);
}

QColor mixed(const QColor &from, const QColor &to, qreal amount)
{
    const auto channel = [amount](int a, int b) { return int(std::lround(a + (b - a) * amount)); };
    return QColor(channel(from.red(), to.red()), channel(from.green(), to.green()), channel(from.blue(), to.blue()));
}

} // namespace

qreal relativeLuminance(const QColor &color)
{
    const QColor rgb = color.toRgb();
    return 0.2126 * linear(rgb.redF()) + 0.7152 * linear(rgb.greenF()) + 0.0722 * linear(rgb.blueF());
}

qreal contrastRatio(const QColor &first, const QColor &second)
{
    // A translucent colour (Fusion's placeholder text is half transparent)
    // reads as what it paints over the other one.
    const QColor painted = first.alpha() < 255 ? mixed(second, first, first.alphaF()) : first;
    const qreal a = relativeLuminance(painted);
    const qreal b = relativeLuminance(second);
    return (qMax(a, b) + 0.05) / (qMin(a, b) + 0.05);
}

qreal lowestContrast(const QColor &color, const QList<QColor> &backgrounds)
{
    qreal lowest = 21.0;
    for (const QColor &background : backgrounds)
        lowest = qMin(lowest, contrastRatio(color, background));
    return lowest;
}

QColor withContrast(const QColor &color, const QList<QColor> &backgrounds, qreal minimum)
{
    if (lowestContrast(color, backgrounds) >= minimum)
        return color;
    const QColor opaque = color.alpha() < 255 && !backgrounds.isEmpty()
        ? mixed(backgrounds.first(), color, color.alphaF()) : color;
    // A few percent at a time toward black and toward white: the first shade
    // that reads wins, so the colour changes no more than it must.
    const QColor black(Qt::black);
    const QColor white(Qt::white);
    for (int step = 1; step <= 50; ++step) {
        const qreal amount = step / 50.0;
        for (const QColor &end : {black, white}) {
            const QColor shade = mixed(opaque, end, amount);
            if (lowestContrast(shade, backgrounds) >= minimum)
                return shade;
        }
    }
    return lowestContrast(black, backgrounds) >= lowestContrast(white, backgrounds) ? black : white;
}

} // namespace SockPlay
