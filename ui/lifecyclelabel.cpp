#include "lifecyclelabel.h"

namespace SockPlay {

LifecycleLabel::LifecycleLabel(QWidget *parent)
    : QLabel(parent)
{
    setTextFormat(Qt::RichText);
    setWordWrap(true);
}

void LifecycleLabel::setKind(Kind kind)
{
    switch (kind) {
    case Kind::TcpServer:
        setSteps(tr("TCP server"), {QStringLiteral("socket()"), QStringLiteral("bind()"),
                                    QStringLiteral("listen()"), QStringLiteral("accept()"),
                                    QStringLiteral("recv()/send()"), QStringLiteral("close()")});
        break;
    case Kind::UdpServer:
        setSteps(tr("UDP socket, no connections"),
                 {QStringLiteral("socket()"), QStringLiteral("bind()"),
                  QStringLiteral("recvfrom()/sendto()"), QStringLiteral("close()")});
        break;
    case Kind::TcpClient:
        setSteps(tr("TCP client"), {QStringLiteral("socket()"), QStringLiteral("connect()"),
                                    QStringLiteral("send()/recv()"), QStringLiteral("close()")});
        break;
    case Kind::UdpClient:
        setSteps(tr("UDP client, no handshake"),
                 {QStringLiteral("socket()"), QStringLiteral("bind(any port)"),
                  QStringLiteral("sendto()/recvfrom()"), QStringLiteral("close()")});
        break;
    }
}

void LifecycleLabel::setSteps(const QString &prefix, const QStringList &steps)
{
    if (prefix == m_prefix && steps == m_steps)
        return;
    m_prefix = prefix;
    m_steps = steps;
    render();
}

void LifecycleLabel::setReached(int reached)
{
    if (reached == m_reached)
        return;
    m_reached = reached;
    render();
}

void LifecycleLabel::render()
{
    QStringList parts;
    QStringList plain;
    for (int i = 0; i < m_steps.size(); ++i) {
        const QString step = m_steps.at(i).toHtmlEscaped();
        plain.append(m_steps.at(i));
        if (i <= m_reached)
            parts.append(QStringLiteral("<b style=\"color:#1565c0\">") + step + QStringLiteral("</b>"));
        else
            parts.append(QStringLiteral("<span style=\"color:#80868b\">") + step + QStringLiteral("</span>"));
    }
    const QString arrow = QStringLiteral(" <span style=\"color:#80868b\">→</span> ");
    setText(QStringLiteral("<span style=\"color:#5f6368\">") + m_prefix.toHtmlEscaped()
            + QStringLiteral(":</span> ") + parts.join(arrow));
    setAccessibleName(m_prefix + QStringLiteral(": ") + plain.join(QStringLiteral(" → ")));
}

} // namespace SockPlay
