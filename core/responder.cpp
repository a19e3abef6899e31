#include "responder.h"

#include "connection.h"

namespace SockPlay {

Responder::~Responder() = default;

void Responder::connectionOpened(Connection &connection)
{
    Q_UNUSED(connection)
}

void EchoResponder::messageReceived(Connection &connection, const QByteArray &message)
{
    connection.send(message, Connection::Origin::Automatic);
}

} // namespace SockPlay
