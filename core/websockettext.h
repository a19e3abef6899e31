#pragma once
// The words of the WebSocket protocol, for the log and for what the user
// types: URLs (ws://host:port/path) and close codes ("1000 normal: bye").

#include "endpointtypes.h"
#include "result.h"

#include <QByteArray>
#include <QPair>
#include <QString>

#include <optional>

namespace SockPlay::WebSocketText {

/// Reads ws://host:port/path (or wss://) into config's host, port, path and
/// secure. The port defaults to 80 (ws) or 443 (wss), the path to "/"; a
/// query stays with the path. A failure says what is wrong ("not a ws:// or
/// wss:// URL", "no host", "port 99999 is not 1–65535").
Result parseUrl(const QString &text, EndpointConfig *config);
/// The URL a client opens: "ws://127.0.0.1:5000/chat", "wss://[::1]:443/".
QString url(const EndpointConfig &config);
/// A close code's number and meaning: "1000 normal", "1009 message too big",
/// "4000 application-defined".
QString closeCodeName(int code);
/// "1000 normal: bye" (the reason only when there is one).
QString describeClose(int code, const QString &reason);
/// Why a close frame may not carry this code and reason (1005, 1006 and 1015
/// are never sent; a reason has at most 123 bytes); empty when it may.
QString closeProblem(int code, const QString &reason);
/// A request header typed as "Name: value", or nullopt and the reason: a
/// name that is not an HTTP token, a line break, or one of the handshake's
/// own headers (Host, Upgrade, Connection, Sec-WebSocket-*).
std::optional<QPair<QByteArray, QByteArray>> parseHeader(const QString &line, QString *error);
/// How the note of a finished upgrade starts ("HTTP upgrade: GET /chat
/// HTTP/1.1 → 101 Switching Protocols…"): the lifecycle lights its step by it.
inline QLatin1String upgradeNotePrefix() { return QLatin1String("HTTP upgrade: "); }
/// The subprotocol list as the log shows it: "chat, superchat" or "none".
QString subprotocolsText(const QStringList &subprotocols);

} // namespace SockPlay::WebSocketText
