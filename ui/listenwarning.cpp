#include "listenwarning.h"

#include "address.h"
#include "contrast.h"

#include <QEvent>
#include <QResizeEvent>

namespace SockPlay {

ListenWarning::ListenWarning(QWidget *parent)
    : QLabel(parent)
{
    setWordWrap(true);
    setTextFormat(Qt::PlainText);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    setAccessibleName(tr("Warning: reachable from the network"));
    QFont bold; // only the weight: the size follows the window's zoom
    bold.setBold(true);
    setFont(bold);
    updateColour();
    setVisible(false);
}

void ListenWarning::setAddress(const QHostAddress &address, bool datagram)
{
    if (!isReachableFromNetwork(address)) {
        clear();
        setAccessibleDescription({});
        setVisible(false);
        return;
    }
    const bool everyInterface = address == QHostAddress::Any || address == QHostAddress::AnyIPv4
        || address == QHostAddress::AnyIPv6;
    QString text;
    if (datagram) {
        text = everyInterface
            ? tr("Bound to every interface: other machines on the network can send to it.")
            : tr("Bound to %1, an address of the network: other machines can send to it.").arg(address.toString());
    } else {
        text = everyInterface
            ? tr("Listening on every interface: other machines on the network can connect.")
            : tr("Listening on %1, an address of the network: other machines can connect.").arg(address.toString());
    }
    setText(text);
    setAccessibleDescription(text);
    setToolTip(tr("127.0.0.1 or ::1 accept this machine only."));
    setVisible(true);
    keepWholeText();
}

void ListenWarning::resizeEvent(QResizeEvent *event)
{
    QLabel::resizeEvent(event);
    keepWholeText();
}

void ListenWarning::keepWholeText()
{
    // A word-wrapped label in a grid is given one line's height when the
    // pane is short (a multicast frame open under it): ask for the lines the
    // text takes at this width, so that the warning is never cut.
    // Before the layout gave it its width, a narrow label would ask for a
    // tower of lines: wait until it is as wide as a few words.
    if (!isVisible() || width() < fontMetrics().averageCharWidth() * 30)
        return;
    const int needed = heightForWidth(width());
    if (needed > 0 && needed != minimumHeight())
        setMinimumHeight(needed);
}

void ListenWarning::changeEvent(QEvent *event)
{
    QLabel::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        updateColour();
}

void ListenWarning::updateColour()
{
    QPalette colours = palette();
    const QColor amber = withContrast(QColor(0x8a, 0x4b, 0x00), {colours.color(QPalette::Window)}, 4.5);
    if (colours.color(QPalette::WindowText) == amber)
        return; // setPalette would come back here as a PaletteChange
    colours.setColor(QPalette::WindowText, amber);
    setPalette(colours);
}

} // namespace SockPlay
