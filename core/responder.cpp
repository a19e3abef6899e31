#include "responder.h"

#include "connection.h"

namespace SockPlay {

Responder::~Responder() = default;

void Responder::connectionOpened(Connection &connection)
{
    Q_UNUSED(connection)
}

bool Responder::holdsReading(const Connection &connection) const
{
    Q_UNUSED(connection)
    return false;
}

void EchoResponder::messageReceived(Connection &connection, const QByteArray &message)
{
    connection.send(message, Connection::Origin::Automatic);
}

} // namespace SockPlay
