#include "lifecyclelabel.h"

#include "lifecycletracker.h"

#include <QEvent>

#include <cmath>

namespace SockPlay {

namespace {

// WCAG 2 relative luminance and contrast ratio.
double luminance(const QColor &c)
{
    const auto channel = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

double contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QString span(const QString &text, const QColor &colour, bool strong = false)
{
    const QString escaped = text.toHtmlEscaped();
    return QStringLiteral("<span style=\"color:%1\">%2</span>")
        .arg(colour.name(), strong ? QStringLiteral("<b><u>") + escaped + QStringLiteral("</u></b>") : escaped);
}

/// Every step of a flow's main row, by name.
QStringList stepNames(LifecycleFlow::Kind kind)
{
    QStringList names;
    for (const LifecycleStep &step : LifecycleFlow::blankSteps(kind))
        names.append(step.name);
    return names;
}

} // namespace

LifecycleLabel::LifecycleLabel(QWidget *parent)
    : WrappedLabel(parent)
{
    setTextFormat(Qt::RichText);
}

void LifecycleLabel::setKind(Kind kind, LifecycleFlow::Layer layer)
{
    if (kind == Kind::Relay) {
        // The server's socket(), bind(), listen(); then, for each client,
        // accept() (and its TLS handshake), connect() to the target, the
        // exchange both ways and close(): a FIN on either side ends both.
        LifecycleFlow flow;
        flow.kind = LifecycleFlow::Kind::TcpServer;
        flow.layer = layer;
        flow.relay = true;
        QStringList steps;
        for (const LifecycleStep &step : LifecycleFlow::blankSteps(flow.kind, layer))
            if (step.call != LifecycleStep::Call::Accept && step.call != LifecycleStep::Call::Close)
                steps.append(step.name);
        for (const LifecycleStep &step : LifecycleFlow::blankBranch(flow.kind, 0, layer).steps) {
            if (step.call == LifecycleStep::Call::Exchange)
                steps.append(LifecycleFlow::makeStep(LifecycleFlow::Kind::TcpClient, LifecycleStep::Call::Connect, true).name);
            if (step.call != LifecycleStep::Call::Shutdown)
                steps.append(step.name);
        }
        setSteps(flow.title(), steps);
        return;
    }
    if (kind == Kind::UdpRelay) {
        // The row the tracker draws once it runs: a UDP socket's calls, named
        // as the relay (its sockets to the target are not rows of their own).
        LifecycleFlow flow;
        flow.kind = LifecycleFlow::Kind::Udp;
        flow.relay = true;
        setSteps(flow.title(), stepNames(flow.kind));
        return;
    }
    if (layer != LifecycleFlow::Layer::None && (kind == Kind::TcpServer || kind == Kind::TcpClient)) {
        // The tracker's steps for the layer: accept() or connect(), then the
        // handshake or the upgrade, the exchange, close().
        LifecycleFlow flow;
        flow.kind = kind == Kind::TcpServer ? LifecycleFlow::Kind::TcpServer : LifecycleFlow::Kind::TcpClient;
        flow.layer = layer;
        QStringList steps;
        if (kind == Kind::TcpServer) {
            for (const LifecycleStep &step : LifecycleFlow::blankSteps(flow.kind, layer))
                if (step.call != LifecycleStep::Call::Accept && step.call != LifecycleStep::Call::Close)
                    steps.append(step.name);
        } else {
            steps.append(QStringLiteral("socket()"));
        }
        for (const LifecycleStep &step : LifecycleFlow::blankBranch(flow.kind, 0, layer).steps)
            steps.append(step.name);
        setSteps(flow.title(), steps);
        return;
    }
    if (kind == Kind::DtlsServer || kind == Kind::DtlsClient) {
        // A client's one row; a server's row up to its cookie exchange, then
        // its clients' branch (handshake, datagrams, close), as for TCP above.
        const auto flowKind = kind == Kind::DtlsServer ? LifecycleFlow::Kind::DtlsServer : LifecycleFlow::Kind::DtlsClient;
        QStringList steps;
        for (const LifecycleStep &step : LifecycleFlow::blankSteps(flowKind))
            if (kind == Kind::DtlsClient || step.call != LifecycleStep::Call::Close)
                steps.append(step.name);
        if (kind == Kind::DtlsServer)
            for (const LifecycleStep &step : LifecycleFlow::blankBranch(flowKind, 0).steps)
                if (step.call != LifecycleStep::Call::Cookie)
                    steps.append(step.name);
        setSteps(LifecycleFlow::kindName(flowKind), steps);
        return;
    }
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
                 {QStringLiteral("socket()"), //: A socket call as pseudo-code: bind() with port 0, the system picks one.
                  tr("bind(any port)"),
                  QStringLiteral("sendto()/recvfrom()"), QStringLiteral("close()")});
        break;
    case Kind::Relay:
    case Kind::UdpRelay: break; // above
    case Kind::SerialPort:
        setSteps(LifecycleFlow::kindName(LifecycleFlow::Kind::Serial), stepNames(LifecycleFlow::Kind::Serial));
        break;
    case Kind::DtlsServer:
    case Kind::DtlsClient:
        break; // above
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

void LifecycleLabel::setTracker(LifecycleTracker *tracker, int endpointId)
{
    if (m_tracker)
        m_tracker->disconnect(this);
    m_tracker = tracker;
    m_endpointId = endpointId;
    if (tracker) {
        connect(tracker, &LifecycleTracker::changed, this, &LifecycleLabel::trackerChanged);
        connect(tracker, &LifecycleTracker::endpointForgotten, this, &LifecycleLabel::trackerChanged);
    }
    render();
}

void LifecycleLabel::trackerChanged(int endpointId)
{
    if (endpointId == m_endpointId)
        render();
}

void LifecycleLabel::changeEvent(QEvent *event)
{
    // The colours are in the text: a new palette (presenter mode) needs it again.
    if (event->type() == QEvent::PaletteChange)
        render();
    WrappedLabel::changeEvent(event);
}

QColor LifecycleLabel::greyText() const
{
    const QColor window = palette().color(QPalette::Window);
    QColor grey = palette().color(QPalette::PlaceholderText);
    // The placeholder colour may be translucent: what shows is it over the window.
    if (grey.alphaF() < 1.0) {
        const double a = grey.alphaF();
        grey = QColor::fromRgbF(float(grey.redF() * a + window.redF() * (1 - a)),
                                float(grey.greenF() * a + window.greenF() * (1 - a)),
                                float(grey.blueF() * a + window.blueF() * (1 - a)));
    }
    const bool darkWindow = luminance(window) < 0.5;
    for (int i = 0; i < 20 && contrast(grey, window) < 4.5; ++i)
        grey = darkWindow ? grey.lighter(115) : grey.darker(115);
    if (contrast(grey, window) < 4.5)
        grey = palette().color(QPalette::WindowText);
    return grey;
}

void LifecycleLabel::render()
{
    if (m_tracker && m_tracker->contains(m_endpointId)) {
        renderFlow(m_tracker->flow(m_endpointId));
        return;
    }
    const QColor grey = greyText();
    const QColor text = palette().color(QPalette::WindowText);
    QStringList parts;
    for (int i = 0; i < m_steps.size(); ++i)
        parts.append(i <= m_reached ? QStringLiteral("<b>") + span(m_steps.at(i), text) + QStringLiteral("</b>")
                                    : span(m_steps.at(i), grey));
    setText(span(m_prefix + u':', grey) + u' ' + parts.join(u' ' + span(QStringLiteral("→"), grey) + u' '));
    setAccessibleName(m_prefix + QStringLiteral(": ") + m_steps.join(QStringLiteral(" → ")));
}

void LifecycleLabel::renderFlow(const LifecycleFlow &flow)
{
    using State = LifecycleStep::State;
    const QColor grey = greyText();
    const QColor text = palette().color(QPalette::WindowText);
    QStringList parts;
    QStringList spoken;
    for (const LifecycleStep &step : flow.steps) {
        switch (step.state) {
        case State::NotYet: parts.append(span(step.name, grey)); break;
        case State::Done: parts.append(span(step.name, text)); break;
        case State::Current: parts.append(span(step.name, text, true)); break;
        case State::Failed:
            parts.append(span(step.name + QStringLiteral(" ✗ ") + step.error, QColor::fromRgb(0xb0, 0x00, 0x20), true));
            break;
        }
        QString said = step.name + u' ' + LifecycleStep::stateName(step.state);
        if (step.state == State::Failed)
            said += u' ' + step.error;
        spoken.append(said);
    }
    const QString prefix = flow.title();
    setText(span(prefix + u':', grey) + u' ' + parts.join(u' ' + span(QStringLiteral("→"), grey) + u' '));
    setAccessibleName(prefix + QStringLiteral(": ") + spoken.join(QStringLiteral(" → ")));
}

} // namespace SockPlay
