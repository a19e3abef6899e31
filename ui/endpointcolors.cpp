#include "endpointcolors.h"

#include <QPainter>
#include <QPixmap>

#include <array>

namespace SockPlay {

namespace {

// Blue and green first: the server and the client a new window opens with
// keep the colours the log has always shown them in.
constexpr std::array<QRgb, EndpointColors::PaletteSize> palette{
    0x1565c0, // blue
    0x2e7d32, // green
    0xc62828, // red
    0x6a1b9a, // purple
    0xb45309, // amber
    0x00796b, // teal
    0xad1457, // pink
    0x455a64, // blue grey
};

} // namespace

QColor EndpointColors::colorFor(int endpointId)
{
    if (endpointId <= 0)
        return QColor(0x5f, 0x63, 0x68);
    return QColor(palette[std::size_t((endpointId - 1) % PaletteSize)]);
}

QIcon EndpointColors::swatch(int endpointId, int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    const QColor color = colorFor(endpointId);
    painter.setPen(color.darker(140));
    painter.setBrush(color);
    painter.drawRect(QRect(1, 1, size - 3, size - 3));
    painter.end();
    return QIcon(pixmap);
}

} // namespace SockPlay
