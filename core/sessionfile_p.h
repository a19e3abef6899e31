#pragma once
// The WebSocket keys of a session file's endpoint (sessionfilewebsocket.cpp)
// and the UDP multicast ones (sessionfilemulticast.cpp), read and written by
// sessionfile.cpp. Not part of the core's API.

#include "endpointtypes.h"

#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace SockPlay::SessionFile::Detail {

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
