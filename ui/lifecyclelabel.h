#pragma once

#include <QLabel>
#include <QStringList>

namespace SockPlay {

/// One line that teaches the socket lifecycle, e.g.
/// "socket() → bind() → listen() → accept() → recv()/send() → close()",
/// with the steps reached so far drawn strong and the rest greyed out.
class LifecycleLabel : public QLabel
{
    Q_OBJECT
public:
    /// The socket calls of each kind of endpoint, as a student learns them.
    enum class Kind { TcpServer, UdpServer, TcpClient, UdpClient };

    explicit LifecycleLabel(QWidget *parent = nullptr);

    void setKind(Kind kind);

    /// prefix is the kind of socket ("TCP server"), steps the calls in order.
    void setSteps(const QString &prefix, const QStringList &steps);
    /// Steps [0, reached] are done; -1 means none yet.
    void setReached(int reached);

private:
    void render();

    QString m_prefix;
    QStringList m_steps;
    int m_reached = -1;
};

} // namespace SockPlay
