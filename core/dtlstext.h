#pragma once
// How the DTLS endpoints' steps are worded in the log, in one place: the
// server's and the client's notes of the cookie exchange and the peer's
// close_notify. The lifecycle tracker and the sequence diagram read the
// steps back by these beginnings (as websockettext.h does for the upgrade).

#include <QLatin1String>
#include <QString>

namespace SockPlay::DtlsText {

/// A server's note: a ClientHello without a cookie got a HelloVerifyRequest.
inline QLatin1String cookieSentPrefix() { return QLatin1String("ClientHello without a cookie: HelloVerifyRequest sent"); }
/// A server's note: a ClientHello with a stale cookie got a HelloVerifyRequest again.
inline QLatin1String cookieRefusedPrefix()
{
    return QLatin1String("ClientHello with a cookie that does not verify");
}
/// A server's note, on the new connection: the cookie came back, the handshake starts.
inline QLatin1String cookieVerifiedPrefix() { return QLatin1String("ClientHello with a valid cookie"); }
/// A client's note: the server's HelloVerifyRequest arrived.
inline QLatin1String cookieReceivedPrefix() { return QLatin1String("HelloVerifyRequest from the server"); }
/// A connection's PeerClosed: the peer ended the association.
inline QLatin1String closeNotifyPrefix() { return QLatin1String("the peer sent close_notify"); }

/// The Created events' details: a DTLS server's socket, a DTLS client's.
inline QLatin1String serverSocketDetail() { return QLatin1String("UDP socket for DTLS"); }
inline QLatin1String clientSocketDetail() { return QLatin1String("DTLS client socket (UDP, then a DTLS handshake)"); }

/// Whether a note is one of the cookie exchange's (any of the four above).
inline bool isCookieNote(const QString &detail)
{
    return detail.startsWith(cookieSentPrefix()) || detail.startsWith(cookieRefusedPrefix())
        || detail.startsWith(cookieVerifiedPrefix()) || detail.startsWith(cookieReceivedPrefix());
}

} // namespace SockPlay::DtlsText
