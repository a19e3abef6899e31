#pragma once
// The first record of a DTLS datagram, read in the clear (RFC 6347, 4.1 and
// 4.2): what a server needs to know before it spends anything on a peer (is
// this a ClientHello, does it carry a cookie), and what the hellos say that
// Qt's QDtls does not report (the SNI and ALPN a client asks for, the ALPN
// protocol a server chose). Pure functions over bytes from the network:
// every length is checked, nothing is trusted.

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace SockPlay {

struct DtlsRecord
{
    enum class Kind : quint8 {
        NotDtls,            ///< not a DTLS record at all (garbage, plain text, TLS over TCP)
        ClientHello,        ///< a client starts (or restarts, with the server's cookie) a handshake
        HelloVerifyRequest, ///< a server's answer to a ClientHello without a valid cookie
        ServerHello,        ///< a server's answer to a verified ClientHello
        OtherHandshake,     ///< a handshake message of another type, or a fragment
        ChangeCipherSpec,
        Alert,              ///< an alert (in the clear before the handshake ends, else encrypted)
        ApplicationData,    ///< encrypted application data
    };

    Kind kind = Kind::NotDtls;
    /// Why it is NotDtls ("first byte 0x68 is no DTLS content type"), or empty.
    QString problem;
    quint16 version = 0;   ///< the record's version (0xfefd: DTLS 1.2, 0xfeff: DTLS 1.0)
    quint16 epoch = 0;     ///< 0 until ChangeCipherSpec: the record is in the clear
    QByteArray cookie;     ///< ClientHello (empty before the exchange), HelloVerifyRequest
    QString serverName;    ///< ClientHello: the SNI host name, if any
    QStringList alpn;      ///< ClientHello: the protocols offered; ServerHello: the one chosen

    /// Reads the first record of a datagram. A hello cut short or with
    /// lengths that do not add up is NotDtls with the reason.
    static DtlsRecord parse(const QByteArray &datagram);
    /// "ClientHello", "HelloVerifyRequest", "application data", …
    static QString kindName(Kind kind);
    /// "DTLS 1.2", "DTLS 1.0", "version 0x0303".
    static QString versionName(quint16 version);
};

} // namespace SockPlay
