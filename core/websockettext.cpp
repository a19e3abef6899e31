#include "websockettext.h"

#include "address.h"

#include <QRegularExpression>
#include <QUrl>

namespace SockPlay::WebSocketText {

Result parseUrl(const QString &text, EndpointConfig *config)
{
    const QString trimmed = text.trimmed();
    const QString lower = trimmed.toLower();
    if (!lower.startsWith(QLatin1String("ws://")) && !lower.startsWith(QLatin1String("wss://")))
        return Result::failure(QStringLiteral("“%1” is not a ws:// or wss:// URL (such as ws://127.0.0.1:8080/chat)")
                                   .arg(trimmed));
    // The port as typed: QUrl takes "ws://h:99999" and "ws://h:x" as invalid URLs, without saying why.
    const QString authority = trimmed.mid(trimmed.indexOf(QLatin1String("://")) + 3).section(QLatin1Char('/'), 0, 0);
    const qsizetype colon = authority.startsWith(QLatin1Char('[')) ? authority.indexOf(QLatin1String("]:")) + 1
                                                                   : authority.lastIndexOf(QLatin1Char(':'));
    if (colon > 0) {
        bool number = false;
        const int port = authority.mid(colon + 1).toInt(&number);
        if (!number || port < 1 || port > 65535)
            return Result::failure(QStringLiteral("“%1”: the port must be 1–65535").arg(trimmed));
    }
    const QUrl parsed(trimmed, QUrl::StrictMode);
    if (parsed.host().isEmpty())
        return Result::failure(QStringLiteral("“%1” names no host (ws://HOST:PORT/PATH)").arg(trimmed));
    if (!parsed.isValid())
        return Result::failure(QStringLiteral("“%1” is not a valid URL: %2").arg(trimmed, parsed.errorString()));
    if (!parsed.userInfo().isEmpty() || !parsed.fragment().isEmpty())
        return Result::failure(QStringLiteral("“%1”: a WebSocket URL has no user name and no #fragment").arg(trimmed));
    const bool secure = parsed.scheme().toLower() == QLatin1String("wss");
    config->secure = secure;
    config->host = unbracketHost(parsed.host());
    config->port = quint16(parsed.port(secure ? 443 : 80));
    QString path = parsed.path(QUrl::FullyEncoded);
    if (path.isEmpty())
        path = QStringLiteral("/");
    if (parsed.hasQuery())
        path += QLatin1Char('?') + parsed.query(QUrl::FullyEncoded);
    config->path = path;
    return Result::success();
}

QString url(const EndpointConfig &config)
{
    QString path = config.path.isEmpty() ? QStringLiteral("/") : config.path;
    if (!path.startsWith(QLatin1Char('/')))
        path.prepend(QLatin1Char('/'));
    return (config.secure ? QStringLiteral("wss://") : QStringLiteral("ws://")) + hostPortText(config.host, config.port)
        + path;
}

QString closeCodeName(int code)
{
    // RFC 6455 section 7.4.1, and the IANA registry for 1012-1015.
    switch (code) {
    case 1000: return QStringLiteral("1000 normal");
    case 1001: return QStringLiteral("1001 going away");
    case 1002: return QStringLiteral("1002 protocol error");
    case 1003: return QStringLiteral("1003 unsupported data");
    case 1005: return QStringLiteral("1005 no code given");
    case 1006: return QStringLiteral("1006 abnormal (no close frame)");
    case 1007: return QStringLiteral("1007 invalid payload");
    case 1008: return QStringLiteral("1008 policy violation");
    case 1009: return QStringLiteral("1009 message too big");
    case 1010: return QStringLiteral("1010 extension missing");
    case 1011: return QStringLiteral("1011 server error");
    case 1012: return QStringLiteral("1012 service restart");
    case 1013: return QStringLiteral("1013 try again later");
    case 1014: return QStringLiteral("1014 bad gateway");
    case 1015: return QStringLiteral("1015 TLS handshake failed");
    default: break;
    }
    if (code >= 3000 && code <= 3999)
        return QStringLiteral("%1 registered").arg(code);
    if (code >= 4000 && code <= 4999)
        return QStringLiteral("%1 application-defined").arg(code);
    return QStringLiteral("%1 (not a valid close code)").arg(code);
}

QString describeClose(int code, const QString &reason)
{
    return reason.isEmpty() ? closeCodeName(code) : closeCodeName(code) + QStringLiteral(": ") + reason;
}

QString closeProblem(int code, const QString &reason)
{
    if (code == 1005 || code == 1006 || code == 1015)
        return QStringLiteral("close code %1 only reports what happened; it is never sent (use 1000, 1001, "
                              "1008 or 3000–4999)").arg(code);
    const bool defined = (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014);
    if (!defined && (code < 3000 || code > 4999))
        return QStringLiteral("close code %1 is not valid: use 1000–1003, 1007–1014 or 3000–4999").arg(code);
    const qsizetype bytes = reason.toUtf8().size();
    if (bytes > 123)
        return QStringLiteral("the close reason has %1 bytes; a close frame carries at most 123").arg(bytes);
    return {};
}

std::optional<QPair<QByteArray, QByteArray>> parseHeader(const QString &line, QString *error)
{
    const qsizetype colon = line.indexOf(QLatin1Char(':'));
    if (colon <= 0) {
        *error = QStringLiteral("“%1” is not a header: write it as Name: value").arg(line);
        return std::nullopt;
    }
    const QString name = line.left(colon).trimmed();
    const QString value = line.mid(colon + 1).trimmed();
    // RFC 9110's token characters.
    static const QRegularExpression token(QStringLiteral("^[!#$%&'*+.^_`|~0-9A-Za-z-]+$"));
    if (!token.match(name).hasMatch()) {
        *error = QStringLiteral("“%1” is not a header name (letters, digits and - only)").arg(name);
        return std::nullopt;
    }
    if (value.contains(QLatin1Char('\r')) || value.contains(QLatin1Char('\n'))) {
        *error = QStringLiteral("the value of %1 has a line break").arg(name);
        return std::nullopt;
    }
    static const QStringList own = {QStringLiteral("host"), QStringLiteral("upgrade"), QStringLiteral("connection"),
                                    QStringLiteral("sec-websocket-key"), QStringLiteral("sec-websocket-version"),
                                    QStringLiteral("sec-websocket-extensions")};
    if (own.contains(name.toLower())) {
        *error = QStringLiteral("%1 is a header of the handshake itself; it cannot be set").arg(name);
        return std::nullopt;
    }
    if (name.compare(QLatin1String("Sec-WebSocket-Protocol"), Qt::CaseInsensitive) == 0) {
        *error = QStringLiteral("Sec-WebSocket-Protocol is set from the subprotocols (--subprotocol)");
        return std::nullopt;
    }
    return QPair<QByteArray, QByteArray>{name.toLatin1(), value.toLatin1()};
}

QString subprotocolsText(const QStringList &subprotocols)
{
    return subprotocols.isEmpty() ? QStringLiteral("none") : subprotocols.join(QStringLiteral(", "));
}

} // namespace SockPlay::WebSocketText
