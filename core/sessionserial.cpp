// Session's serial command (DTR and RTS): another translation unit of
// Session, sharing Session::Entry through session_p.h.

#include "session.h"
#include "session_p.h"

#include "serialendpoint.h"

namespace SockPlay {

void Session::setSerialLine(int endpointId, SerialSpec::Line line, bool on)
{
    command([this, endpointId, line, on] {
        Entry *e = entry(endpointId);
        if (!e)
            return;
        auto *serial = qobject_cast<SerialEndpoint *>(e->endpoint);
        if (!serial || e->config.transport != Transport::Serial) {
            const QString message = QStringLiteral("cannot set %1: %2 is not a serial port")
                                        .arg(SerialSpec::lineName(line), e->config.displayName());
            if (e->endpoint)
                e->endpoint->logUserError(message);
            emit errorOccurred(endpointId, message);
            return;
        }
        // A failure is logged and signalled by the endpoint; the line keeps its value.
        if (serial->setLine(line, on))
            (line == SerialSpec::Line::Dtr ? e->config.serial.dtr : e->config.serial.rts) = on;
        publish(endpointId);
    });
}

} // namespace SockPlay
