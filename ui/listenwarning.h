#pragma once

#include <QLabel>

class QHostAddress;

namespace SockPlay {

/// The server pane's warning line: the address it listens on (or will, once
/// started) is reachable from other machines — every interface (0.0.0.0, ::)
/// or an address of the network. Amber, bold, word-wrapped, right under the
/// address; hidden (taking no space) for 127.0.0.1, ::1 and text that is not
/// an address (Start says what is wrong with that).
class ListenWarning final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ListenWarning)
public:
    explicit ListenWarning(QWidget *parent = nullptr);

    /// Shows the warning for a server bound to address (datagram: UDP), or hides it.
    void setAddress(const QHostAddress &address, bool datagram);

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    /// An amber that keeps 4.5:1 against the pane's background (light or dark).
    void updateColour();
    /// At least as tall as the wrapped text at the current width.
    void keepWholeText();
};

} // namespace SockPlay
