#include "relayresponder.h"

#include "connection.h"
#include "endpoint.h"

#include <QPointer>

namespace SockPlay {

void RelayResponder::messageReceived(Connection &connection, const QByteArray &message)
{
    // Guarded: a failed send may close a connection and change the list.
    const QList<Connection *> others = connection.endpoint()->openConnections();
    for (const QPointer<Connection> &other : QList<QPointer<Connection>>(others.cbegin(), others.cend())) {
        if (other && other != &connection && other->isOpen())
            other->send(message, Connection::Origin::Automatic);
    }
}

bool RelayResponder::holdsReading(const Connection &connection) const
{
    return connection.endpoint()->relayQueueOverBound();
}

} // namespace SockPlay
