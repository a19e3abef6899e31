#pragma once

// A session file: what the user set up, to open again in the window or run
// headless with `sockplay-cli run SESSION.json`.
//
//   {"format": "sockplay-session", "version": 1,
//    "endpoints": [
//      {"name": "server", "transport": "tcp", "role": "server", "host": "127.0.0.1", "port": 7000,
//       "echo": false, "frame": "line", "maxClients": 1000,
//       "rules": [{"rule": "prefix:PING=>PONG\\1", "enabled": true}]},
//      {"name": "client", "transport": "tcp", "role": "client", "host": "127.0.0.1", "port": 7000,
//       "frame": "line", "rules": []}],
//    "library": [{"name": "ping", "mode": "text", "payload": "PING 1", "lineEnding": "lf"}],
//    "script": {"steps": [ … ]}}
//
// "frame" and "rules" use the CLI's --frame and --reply syntax; "library" the
// message library's entries; "script" a script's object (core/script.h),
// optional. Reading is strict and all or nothing: a broken file, another
// format, a newer version, an unknown key or a bad value give one error that
// names the endpoint (counted from 1) and the key, and no session: nothing the
// user has set up is touched.

#include "endpointtypes.h"
#include "messagelibrary.h"
#include "result.h"
#include "script.h"

#include <QJsonObject>
#include <QList>

#include <optional>

class QIODevice;

namespace SockPlay {

struct SessionDocument
{
    QList<EndpointConfig> endpoints;
    QList<SavedMessage> library;
    std::optional<Script> script;

    bool operator==(const SessionDocument &) const = default;
};

namespace SessionFile {

inline constexpr int FormatVersion = 1;
inline constexpr qint64 MaxFileBytes = 16 << 20;
inline constexpr int MaxEndpoints = 1000;

/// One endpoint's object (also what the window keeps in its settings).
QJsonObject endpointToJson(const EndpointConfig &config);
/// The object back, checked; the error names the key (not the endpoint).
std::optional<EndpointConfig> endpointFromJson(const QJsonValue &value, QString *error);

std::optional<SessionDocument> read(QIODevice *device, QString *error);
/// read() of a file; errors start with the path.
std::optional<SessionDocument> readFile(const QString &path, QString *error);
/// The file's bytes (indented JSON); read() gives an equal document back.
/// Fails for a library message that MessageLibrary::validate() refuses.
std::optional<QByteArray> toJson(const SessionDocument &session, QString *error);
/// Through QSaveFile: all or nothing.
Result writeFile(const QString &path, const SessionDocument &session);

} // namespace SessionFile

} // namespace SockPlay
