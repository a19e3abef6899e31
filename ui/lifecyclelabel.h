#pragma once

#include "lifecycleflow.h"

#include "wrappedlabel.h"

#include <QPointer>
#include <QStringList>

namespace SockPlay {

class LifecycleTracker;
struct LifecycleFlow;

/// One line that teaches the socket lifecycle, e.g.
/// "socket() → bind() → listen() → accept() → close()". With a tracker, it
/// shows the endpoint's real flow: done steps in the window's text colour,
/// the step that just happened bold and underlined, a failed one in red with
/// its reason, the rest in a grey that keeps 4.5:1 against the window.
/// Without one, the static steps of its kind (setKind, setReached).
class LifecycleLabel : public WrappedLabel
{
    Q_OBJECT
public:
    /// The socket calls of each kind of endpoint, as a student learns them.
    /// Relay: a TCP server that connects to its target for each client it accepts.
    enum class Kind { TcpServer, UdpServer, TcpClient, UdpClient, SerialPort, DtlsServer, DtlsClient, Relay, UdpRelay };

    explicit LifecycleLabel(QWidget *parent = nullptr);

    /// layer: what runs over a TCP connection (TLS, WebSocket) adds its
    /// steps (a relay's: TLS for its clients).
    void setKind(Kind kind, LifecycleFlow::Layer layer = LifecycleFlow::Layer::None);

    /// prefix is the kind of socket ("TCP server"), steps the calls in order.
    void setSteps(const QString &prefix, const QStringList &steps);
    /// Steps [0, reached] are done; -1 means none yet.
    void setReached(int reached);

    /// Shows the main row of this endpoint's flow as the tracker has it,
    /// instead of the static steps (while the tracker knows the endpoint).
    /// nullptr: back to the static steps.
    void setTracker(LifecycleTracker *tracker, int endpointId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void render();
    void renderFlow(const LifecycleFlow &flow);
    void trackerChanged(int endpointId);
    /// PlaceholderText, or a darker grey where it is under 4.5:1 against the window.
    QColor greyText() const;

    QString m_prefix;
    QStringList m_steps;
    int m_reached = -1;
    QPointer<LifecycleTracker> m_tracker;
    int m_endpointId = 0;
};

} // namespace SockPlay
