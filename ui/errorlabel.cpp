#include "errorlabel.h"

namespace SockPlay {

ErrorLabel::ErrorLabel(QWidget *parent)
    : QLabel(parent)
{
    setWordWrap(true);
    setTextFormat(Qt::PlainText);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    // A dark red that stays readable on a washed-out projector image.
    setStyleSheet(QStringLiteral("QLabel { color: #b3261e; font-weight: bold; }"));
    setVisible(false);
}

void ErrorLabel::showError(const QString &message)
{
    setText(message);
    setToolTip(message);
    setVisible(!message.isEmpty());
}

void ErrorLabel::clearError()
{
    clear();
    setToolTip({});
    setVisible(false);
}

} // namespace SockPlay
