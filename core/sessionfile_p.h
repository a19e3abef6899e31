#pragma once
// What the session file's translation units share: reading an object's keys
// (Fields), and the keys of an endpoint's transports, read and written by
// sessionfileendpoint.cpp: WebSocket (sessionfilewebsocket.cpp), UDP
// multicast (sessionfilemulticast.cpp), a relay (sessionfilerelay.cpp). Not
// part of the core's API.

#include "endpointtypes.h"
#include "jsonfile.h"

#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace SockPlay::SessionFile::Detail {

/// Reads one object's keys by name and type, remembering the first problem.
class Fields
{
public:
    Fields(const QJsonObject &object, QStringList known)
        : m_object(object)
    {
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!known.contains(it.key())) {
                fail(QStringLiteral("unknown key %1 (known: %2)").arg(JsonFile::quoted(it.key()), known.join(QStringLiteral(", "))));
                break;
            }
        }
    }

    QString string(const QString &key, const QString &fallback, bool required = false)
    {
        const QJsonValue value = m_object.value(key);
        if (value.isUndefined()) {
            if (required)
                fail(QStringLiteral("\"%1\" is missing").arg(key));
            return fallback;
        }
        if (!value.isString()) {
            fail(QStringLiteral("\"%1\" must be a string, not %2").arg(key, JsonFile::typeName(value)));
            return fallback;
        }
        return value.toString();
    }

    bool boolean(const QString &key, bool fallback)
    {
        const QJsonValue value = m_object.value(key);
        if (value.isUndefined())
            return fallback;
        if (!value.isBool()) {
            fail(QStringLiteral("\"%1\" must be true or false, not %2").arg(key, JsonFile::typeName(value)));
            return fallback;
        }
        return value.toBool();
    }

    int integer(const QString &key, int fallback, int min, int max)
    {
        const QJsonValue value = m_object.value(key);
        if (value.isUndefined())
            return fallback;
        const double number = value.toDouble(-1);
        if (!value.isDouble() || number != double(qint64(number)) || number < min || number > max) {
            fail(QStringLiteral("\"%1\" must be a whole number from %2 to %3, not %4")
                     .arg(key)
                     .arg(min)
                     .arg(max)
                     .arg(value.isDouble() ? QString::number(number) : JsonFile::typeName(value)));
            return fallback;
        }
        return int(number);
    }

    QJsonValue value(const QString &key) const { return m_object.value(key); }
    void fail(const QString &error)
    {
        if (m_error.isEmpty())
            m_error = error;
    }
    bool failed() const { return !m_error.isEmpty(); }
    QString error() const { return m_error; }

private:
    QJsonObject m_object;
    QString m_error;
};

/// "path", "secure", "subprotocols", "headers", "insecure", "binary", "maxMessageBytes".
QStringList webSocketKeys();
/// Adds a WebSocket endpoint's keys (the defaults left out, except the path).
void webSocketToJson(const EndpointConfig &config, QJsonObject *object);
/// Reads them into config; false with the reason for a wrong type or value,
/// or for any of them on an endpoint that is not a WebSocket.
bool webSocketFromJson(const QJsonObject &object, EndpointConfig *config, QString *error);
/// After the "tls" object was read: an older file's "insecure" (a wss://
/// client that does not verify) becomes tls.verifyPeer = false. Nothing
/// writes "insecure" any more.
void webSocketLegacyFromJson(const QJsonObject &object, EndpointConfig *config);

// The multicast and broadcast keys of a UDP endpoint (sessionfilemulticast.cpp).
/// "multicast" (an object: "groups", "interface", "ttl", "loopback") and "broadcast".
QStringList multicastKeys();
/// Adds a UDP endpoint's keys (only what differs from the defaults).
void multicastToJson(const EndpointConfig &config, QJsonObject *object);
/// Reads them into config; false with the reason naming the key (a group
/// that is not a multicast address, a TTL out of 0..255, any of them on an
/// endpoint that is not UDP, groups on a sender).
bool multicastFromJson(const QJsonObject &object, EndpointConfig *config, QString *error);

// A relay's "forward" object (sessionfilerelay.cpp).
/// "forward".
QStringList relayKeys();
/// Adds a relay's "forward" object (TLS paths in filesFolder made relative).
void relayToJson(const EndpointConfig &config, const QString &filesFolder, QJsonObject *object);
/// Reads it into config; false with the reason naming the key (missing, on
/// an endpoint that is not a relay, a relay that is not a server, a bad value).
bool relayFromJson(const QJsonObject &object, const std::optional<QString> &filesFolder, EndpointConfig *config,
                   QString *error);

} // namespace SockPlay::SessionFile::Detail
