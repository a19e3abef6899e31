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
// A TLS endpoint ("transport": "tls") has a "tls" object with TlsSpec's keys
// ({"selfSigned": true}, {"certificateFile": "server.pem", "keyFile":
// "server.key", "caFile": "ca.pem", "verifyPeer": true, "serverName": …,
// "alpn": ["h2"]}); its files, like a rule's, only beside the session file.
// A serial port ("transport": "serial", "role": "client") has a "serial"
// object with SerialSpec's keys instead of "host" and "port" ({"device":
// "/dev/ttyUSB0", "baud": 115200, "dataBits": 8, "parity": "none",
// "stopBits": 1, "flowControl": "none", "dtr": true, "rts": true}).
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

inline constexpr int MaxRules = 1000; ///< per endpoint

// Files a rule sends ({{file:PATH}} in its reply). A session file may come
// from anyone and a rule sends its file to every peer that matches it, so a
// session file may name only files in its own folder or below it (after
// symlinks), by a relative path; anything else is refused on reading. Read
// rules hold absolute paths; writing makes those in the file's folder
// relative again. filesFolder is that folder: std::nullopt reads rules
// unconfined (the window's own settings), an empty string refuses every file.

/// A path a session file names (relative to filesFolder, or absolute) as
/// an absolute path, if it lies in filesFolder or below it; otherwise
/// std::nullopt and why. filesFolder std::nullopt: any path, as it is.
std::optional<QString> confinedFilePath(const QString &path, const std::optional<QString> &filesFolder, QString *error);

/// One endpoint's object (also what the window keeps in its settings).
QJsonObject endpointToJson(const EndpointConfig &config, const QString &filesFolder = {});
/// The object back, checked; the error names the key (not the endpoint).
std::optional<EndpointConfig> endpointFromJson(const QJsonValue &value, QString *error,
                                              const std::optional<QString> &filesFolder = std::nullopt);

/// A session from a stream: no rule may name a file unless filesFolder is given.
std::optional<SessionDocument> read(QIODevice *device, QString *error, const QString &filesFolder = {});
/// read() of a file, confined to the file's folder; errors start with the path.
std::optional<SessionDocument> readFile(const QString &path, QString *error);
/// The file's bytes (indented JSON); read() gives an equal document back.
/// Fails for a library message that MessageLibrary::validate() refuses.
std::optional<QByteArray> toJson(const SessionDocument &session, QString *error, const QString &filesFolder = {});
/// Through QSaveFile: all or nothing.
Result writeFile(const QString &path, const SessionDocument &session);

} // namespace SessionFile

} // namespace SockPlay
