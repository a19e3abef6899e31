#pragma once

// Scripted checks: an ordered list of steps (open, send, expect, wait, close)
// that a ScriptRunner plays against a Session, from the window or from
// `sockplay-cli run FILE`. A script lives in its own file or in a session file
// (under "script"); both use the JSON below.
//
//   {"format": "sockplay-script", "version": 1, "name": "ping",
//    "variables": {"host": "127.0.0.1", "port": "7000"},
//    "steps": [
//      {"open": "client", "connect": "${host}:${port}", "frame": "line"},
//      {"send": "PING 1\n", "to": "client"},
//      {"expect": "^PONG 1$", "as": "regex", "on": "client", "within": 1000},
//      {"close": "client"}
//    ]}
//
// Each step is an object with exactly one of the keys open, send, expect,
// wait, close; its value is the step's main argument:
//   open    NAME, with exactly one of "connect": "HOST:PORT" (a client),
//           "listen": "[HOST:]PORT" (a server), "bind": "[HOST:]PORT" (a UDP
//           endpoint that waits for datagrams); "transport": "tcp" (default) or
//           "udp"; "frame": a framing spec as the CLI's --frame (default
//           "line" for TCP); "echo": bool; "rules": ["MATCH=>REPLY", …] as --reply.
//           Once open, ${NAME.host} and ${NAME.port} hold its local address
//           (a server opened on port 0 tells its port to later steps).
//   send    the payload; "as": "text" (default: the string's UTF-8, no further
//           escapes: JSON's own \n is the newline), "hex" or "base64";
//           "to": NAME (default: the last endpoint opened); "connection":
//           "all" (default) or "last" (the newest connection of a server).
//   expect  the pattern; "as": "text" (the message contains it, default),
//           "regex" (QRegularExpression, searched in the message as UTF-8) or
//           "hex" (the message contains these bytes); "on": NAME (default:
//           the last endpoint opened); "within": ms (default 1000); "capture":
//           ["NAME", …], variables set from the regex's groups 1, 2, …
//           (named groups set their own names too). It waits for the first
//           message that arrived on that endpoint since the previous expect
//           consumed one, and matches; messages that do not match are passed
//           over (a failure lists them: "what arrived instead").
//           Messages are cut by the endpoint's framing; with "frame": "raw"
//           the bytes received so far are searched, and consumed up to the
//           end of the match.
//   wait    ms (a number), or "connection" with "on": NAME and "within": ms:
//           until the server has a new connection.
//   close   NAME: stops the endpoint (closes its connections).
// ${NAME} in any string is replaced by a variable: "variables" gives
// defaults, the command line (--set NAME=VALUE) or the window overrides them,
// captures add to them. An unknown variable fails the step that uses it.
//
// Reading is strict and all or nothing, as for the message library: a broken
// file, another format, a newer version, an unknown step or key, a missing
// or mistyped value give one error that names the step (counted from 1) and
// the key, and no script.

#include "endpointtypes.h"
#include "payloadcodec.h"
#include "result.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>

namespace SockPlay {

struct ScriptStep
{
    enum class Kind : quint8 { Open, Send, Expect, Wait, Close };
    enum class Match : quint8 { Text, Regex, Hex };
    enum class Target : quint8 { All, Last };

    Kind kind = Kind::Wait;
    /// The endpoint the step opens, sends on, expects on or closes; empty:
    /// the last one opened (send, expect).
    QString endpoint;

    // open: as typed, variables not yet substituted.
    Transport transport = Transport::Tcp;
    Role role = Role::Client;
    bool bindOnly = false; ///< UDP "bind": a server-role UDP endpoint
    QString host;
    QString port;
    QString frame; ///< empty: the default ("line" for TCP, datagrams for UDP)
    bool echo = false;
    QStringList rules;

    // send
    PayloadMode mode = PayloadMode::Text;
    QString payload;
    Target connection = Target::All;

    // expect
    Match match = Match::Text;
    QString pattern;
    int withinMs = 1000; ///< expect, wait for a connection
    QStringList captures;

    // wait
    int waitMs = 0;                 ///< > 0: a pause
    bool waitForConnection = false; ///< or: until a new connection on endpoint

    /// One line for lists and reports: `expect /^PONG 1$/ on client`,
    /// `open client (tcp connect 127.0.0.1:7000)`; options that differ from
    /// their defaults are added ("within 500 ms").
    QString summary() const;
    /// "open", "send", "expect", "wait", "close": the step's key in the file.
    static QString kindName(Kind kind);
    bool operator==(const ScriptStep &) const = default;
};

struct Script
{
    static constexpr int FormatVersion = 1;
    /// A file larger than this is refused before it is parsed.
    static constexpr qint64 MaxFileBytes = 4 << 20;
    static constexpr int MaxSteps = 10000;

    QString name;
    /// Defaults, sorted by name (a JSON object keeps no order: that is the
    /// order fromJson() gives). Values are strings; the file may write a
    /// whole number ("port": 7000), read as its digits.
    QList<QPair<QString, QString>> variables;
    QList<ScriptStep> steps;

    /// The "steps", "name" and "variables" of a script object (in a script
    /// file or a session's "script"); "format" and "version" are checked only
    /// when present. nullopt and *error on the first problem.
    static std::optional<Script> fromJson(const QJsonObject &object, QString *error);
    /// The object fromJson() reads back into an equal script (with format and version).
    QJsonObject toJson() const;

    /// A script file; errors start with the path.
    static std::optional<Script> readFile(const QString &path, QString *error);
    /// Through QSaveFile: all or nothing.
    Result writeFile(const QString &path) const;

    bool operator==(const Script &) const = default;

    /// "sockplay-script", the "format" of a script file.
    static QString formatName();
    /// The JSON object at the top of a SockPlay file (a script, a session),
    /// with the checks every such reader shares: at most MaxFileBytes, JSON
    /// that parses (errors give line and column), an object at the top.
    /// Errors start with the path. The CLI's run reads "format" from it to
    /// pick a script or a session.
    static std::optional<QJsonObject> readJsonFile(const QString &path, QString *error);

    /// A variable's name: letters, digits, '_', '-' and '.' ("server.port").
    static bool isVariableName(const QString &name);
    /// Whether text refers to a variable (${NAME}): then it is checked only
    /// once the variables are known, when its step runs.
    static bool hasVariables(const QString &text);
    /// text with every ${NAME} replaced by its value ("$${" is a literal
    /// "${"); nullopt and *error for an unknown variable or a reference that
    /// is not closed or not a name.
    static std::optional<QString> substitute(const QString &text, const QHash<QString, QString> &values,
                                             QString *error);
};

} // namespace SockPlay
