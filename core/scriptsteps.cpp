// The steps of a script: reading one from JSON strictly (every key known,
// every value typed, and checked as far as it can be before it runs).
// Writing a step and its summary are in scriptstep.cpp.

#include "scriptjson_p.h"

#include "framer.h"
#include "payloadcodec.h"
#include "rules.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

namespace SockPlay {

namespace {

using Kind = ScriptStep::Kind;
using ScriptJson::key;

constexpr int MaxMilliseconds = 86'400'000; // a day
constexpr int MaxNameLength = 64;
constexpr Kind Kinds[] = {Kind::Open, Kind::Send, Kind::Expect, Kind::Wait, Kind::Close};

QStringList allowedKeys(Kind kind)
{
    switch (kind) {
    case Kind::Open:
        return {key("open"), key("connect"), key("listen"), key("bind"), key("transport"), key("frame"),
                key("echo"), key("rules")};
    case Kind::Send: return {key("send"), key("as"), key("to"), key("connection")};
    case Kind::Expect: return {key("expect"), key("as"), key("on"), key("within"), key("capture")};
    case Kind::Wait: return {key("wait"), key("on"), key("within")};
    case Kind::Close: return {key("close")};
    }
    Q_UNREACHABLE();
}

/// Reads the keys of one step; the first problem is kept, later reads give defaults.
struct StepReader
{
    const QJsonObject &object;
    QString error;

    void fail(const QString &message)
    {
        if (error.isEmpty())
            error = message;
    }
    bool has(const QString &name) const { return object.contains(name); }

    QString string(const QString &name)
    {
        const QJsonValue value = object.value(name);
        if (value.isUndefined())
            return {};
        if (!value.isString())
            fail(QStringLiteral("\"%1\" must be a string, got %2").arg(name, ScriptJson::describe(value)));
        return value.toString();
    }

    bool boolean(const QString &name)
    {
        const QJsonValue value = object.value(name);
        if (!value.isUndefined() && !value.isBool())
            fail(QStringLiteral("\"%1\" must be true or false, got %2").arg(name, ScriptJson::describe(value)));
        return value.toBool();
    }

    QStringList strings(const QString &name)
    {
        const QJsonValue value = object.value(name);
        if (value.isUndefined())
            return {};
        QStringList list;
        const QJsonArray array = value.toArray();
        for (const QJsonValue &item : array)
            list.append(item.toString());
        if (!value.isArray()) {
            fail(QStringLiteral("\"%1\" must be an array of strings, got %2").arg(name, ScriptJson::describe(value)));
            return list;
        }
        // Which item is not a string: "got an array" would not say.
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (!array.at(i).isString()) {
                fail(QStringLiteral("\"%1\" must be an array of strings; item %2 is %3")
                         .arg(name)
                         .arg(i + 1)
                         .arg(ScriptJson::describe(array.at(i))));
                break;
            }
        }
        return list;
    }

    int milliseconds(const QString &name, int fallback, int minimum)
    {
        const QJsonValue value = object.value(name);
        if (value.isUndefined())
            return fallback;
        const double ms = value.toDouble(-1);
        if (!value.isDouble()) {
            fail(QStringLiteral("\"%1\" must be a number of milliseconds, got %2").arg(name, ScriptJson::describe(value)));
        } else if (ms != double(int(ms)) || ms < minimum || ms > MaxMilliseconds) {
            fail(QStringLiteral("\"%1\" must be a whole number of milliseconds from %2 to %3, got %4")
                     .arg(name)
                     .arg(minimum)
                     .arg(MaxMilliseconds)
                     .arg(ScriptJson::describe(value)));
        } else {
            return int(ms);
        }
        return fallback;
    }

    /// The index of the value among choices; absent: 0.
    int choice(const QString &name, const QStringList &choices)
    {
        const QString value = string(name);
        if (!has(name) || !error.isEmpty())
            return 0;
        const qsizetype index = choices.indexOf(value);
        if (index < 0)
            fail(QStringLiteral("\"%1\" is %2; expected \"%3\"")
                     .arg(name, ScriptJson::quoted(value), choices.join(QStringLiteral("\", \""))));
        return int(qMax(index, qsizetype(0)));
    }

    /// An endpoint's name, also part of ${NAME.port}.
    QString endpointName(const QString &name)
    {
        const QString value = string(name);
        if (!has(name) || !error.isEmpty())
            return value;
        if (value.isEmpty())
            fail(QStringLiteral("\"%1\" is empty: name the endpoint (\"client\", \"server\")").arg(name));
        else if (!Script::isVariableName(value) || value.size() > MaxNameLength)
            fail(QStringLiteral("\"%1\": %2 is not an endpoint name: up to %3 letters, digits, '_', '-', '.'")
                     .arg(name, ScriptJson::quoted(value))
                     .arg(MaxNameLength));
        return value;
    }

    /// Text that may hold ${NAME}: the references must be well formed. Its
    /// value when it holds none (then it can be checked now), else nullopt.
    std::optional<QString> literal(const QString &name, const QString &text)
    {
        QString why;
        if (!ScriptJson::checkReferences(text, &why)) {
            fail(QStringLiteral("\"%1\": %2").arg(name, why));
            return std::nullopt;
        }
        if (Script::hasVariables(text))
            return std::nullopt;
        return Script::substitute(text, {}, &why);
    }
};

/// HOST:PORT, [IPV6]:PORT, or PORT alone when a host is optional.
bool splitAddress(const QString &text, bool hostRequired, QString *host, QString *port, QString *why)
{
    if (text.startsWith(u'[')) {
        const qsizetype close = text.indexOf(QLatin1String("]:"));
        if (close < 0) {
            *why = QStringLiteral("%1: expected [IPV6]:PORT").arg(ScriptJson::quoted(text));
            return false;
        }
        *host = text.mid(1, close - 1);
        *port = text.mid(close + 2);
    } else {
        const qsizetype colon = text.lastIndexOf(u':');
        if (colon < 0 && hostRequired) {
            *why = QStringLiteral("%1 has no port: expected HOST:PORT").arg(ScriptJson::quoted(text));
            return false;
        }
        *host = colon < 0 ? QString() : text.left(colon);
        *port = text.mid(colon + 1);
        if (host->contains(u':')) {
            *why = QStringLiteral("%1: an IPv6 address goes in brackets, as in [::1]:7000").arg(ScriptJson::quoted(text));
            return false;
        }
    }
    if (hostRequired && host->trimmed().isEmpty()) {
        *why = QStringLiteral("%1 has no host: expected HOST:PORT").arg(ScriptJson::quoted(text));
        return false;
    }
    const uint lowest = hostRequired ? 1 : 0;
    bool number = false;
    const uint value = port->toUInt(&number);
    if (!Script::hasVariables(*port) && (!number || value < lowest || value > 65535)) {
        *why = QStringLiteral("%1: the port must be a number from %2 to 65535").arg(ScriptJson::quoted(text)).arg(lowest);
        return false;
    }
    return true;
}

void readOpen(StepReader &r, ScriptStep &step)
{
    step.endpoint = r.endpointName(key("open"));
    const QStringList addressKeys = {key("connect"), key("listen"), key("bind")};
    QStringList given;
    for (const QString &k : addressKeys)
        if (r.has(k))
            given.append(k);
    if (given.size() != 1) {
        r.fail(given.isEmpty() ? QStringLiteral("needs one of \"connect\": \"HOST:PORT\", \"listen\": \"[HOST:]PORT\" "
                                                "or \"bind\": \"[HOST:]PORT\"")
                               : QStringLiteral("\"%1\" and \"%2\" in one step: an endpoint connects, listens or binds")
                                     .arg(given.at(0), given.at(1)));
        return;
    }
    const QString how = given.first();
    const bool udp = r.choice(key("transport"), {key("tcp"), key("udp")}) == 1;
    step.transport = udp || how == key("bind") ? Transport::Udp : Transport::Tcp;
    step.role = how == key("connect") ? Role::Client : Role::Server;
    step.bindOnly = how == key("bind");
    if (how == key("listen") && udp)
        r.fail(QStringLiteral("a UDP endpoint does not listen: use \"bind\""));
    if (how == key("bind") && r.has(key("transport")) && !udp)
        r.fail(QStringLiteral("\"bind\" is for UDP; a TCP server uses \"listen\""));
    const QString address = r.string(how);
    r.literal(how, address); // split now either way: a variable stands for a host or a port
    QString why;
    if (r.error.isEmpty() && !splitAddress(address, how == key("connect"), &step.host, &step.port, &why))
        r.fail(QStringLiteral("\"%1\": %2").arg(how, why));

    step.frame = r.string(key("frame"));
    if (r.has(key("frame"))) {
        if (step.transport == Transport::Udp)
            r.fail(QStringLiteral("\"frame\" is for TCP: each UDP datagram is one message"));
        else if (step.frame.isEmpty())
            r.fail(QStringLiteral("\"frame\" is empty; leave it out for the default (line)"));
        else if (const std::optional<QString> frame = r.literal(key("frame"), step.frame);
                 frame && !FrameSpec::parse(*frame, &why))
            r.fail(QStringLiteral("\"frame\": ") + why);
    }
    step.echo = r.boolean(key("echo"));
    step.rules = r.strings(key("rules"));
    for (qsizetype i = 0; i < step.rules.size(); ++i) {
        const std::optional<QString> rule = r.literal(key("rules"), step.rules.at(i));
        if (rule && !Rule::parse(*rule, &why))
            r.fail(QStringLiteral("\"rules\", rule %1: %2").arg(i + 1).arg(why));
    }
}

void readSend(StepReader &r, ScriptStep &step)
{
    step.payload = r.string(key("send"));
    step.mode = PayloadMode(r.choice(key("as"), {key("text"), key("hex"), key("base64")}));
    const std::optional<QString> payload = r.literal(key("send"), step.payload);
    if (payload && step.mode != PayloadMode::Text) {
        if (const ParseResult parsed = PayloadCodec::parse(*payload, step.mode); !parsed.ok)
            r.fail(QStringLiteral("\"send\" is not valid %1: %2")
                       .arg(step.mode == PayloadMode::Hex ? key("hex") : key("base64"), parsed.error));
    }
    if (r.has(key("to")))
        step.endpoint = r.endpointName(key("to"));
    step.connection = ScriptStep::Target(r.choice(key("connection"), {key("all"), key("last")}));
}

void readExpect(StepReader &r, ScriptStep &step)
{
    step.pattern = r.string(key("expect"));
    step.match = ScriptStep::Match(r.choice(key("as"), {key("text"), key("regex"), key("hex")}));
    if (r.has(key("on")))
        step.endpoint = r.endpointName(key("on"));
    step.withinMs = r.milliseconds(key("within"), step.withinMs, 0);
    step.captures = r.strings(key("capture"));
    const std::optional<QString> pattern = r.literal(key("expect"), step.pattern);
    if (!r.error.isEmpty())
        return;
    if (step.match == ScriptStep::Match::Regex && pattern) {
        const QRegularExpression re(*pattern);
        if (!re.isValid())
            r.fail(QStringLiteral("\"expect\" is not a valid regular expression: %1 at character %2")
                       .arg(re.errorString())
                       .arg(re.patternErrorOffset() + 1));
        else if (step.captures.size() > re.captureCount())
            r.fail(QStringLiteral("\"capture\" names %1 variables, but the regex has %2 groups")
                       .arg(step.captures.size())
                       .arg(re.captureCount()));
    } else if (step.match == ScriptStep::Match::Hex && pattern) {
        const ParseResult parsed = PayloadCodec::parseHex(*pattern);
        if (!parsed.ok)
            r.fail(QStringLiteral("\"expect\" is not valid hex: ") + parsed.error);
        else if (parsed.bytes.isEmpty())
            r.fail(QStringLiteral("\"expect\" has no hex bytes to look for"));
    }
    if (!step.captures.isEmpty() && step.match != ScriptStep::Match::Regex)
        r.fail(QStringLiteral("\"capture\" takes the groups of a regex: add \"as\": \"regex\""));
    for (const QString &name : std::as_const(step.captures))
        if (!Script::isVariableName(name))
            r.fail(QStringLiteral("\"capture\": %1 is not a variable name (letters, digits, '_', '-', '.')")
                       .arg(ScriptJson::quoted(name)));
}

void readWait(StepReader &r, ScriptStep &step)
{
    const QJsonValue wait = r.object.value(key("wait"));
    if (wait.isString() && wait.toString() == key("connection")) {
        step.waitForConnection = true;
        if (r.has(key("on")))
            step.endpoint = r.endpointName(key("on"));
        step.withinMs = r.milliseconds(key("within"), step.withinMs, 0);
    } else if (wait.isDouble()) {
        step.waitMs = r.milliseconds(key("wait"), 0, 1);
        if (r.has(key("on")) || r.has(key("within")))
            r.fail(QStringLiteral("\"on\" and \"within\" go with \"wait\": \"connection\", not with a pause"));
    } else {
        r.fail(QStringLiteral("\"wait\" must be a number of milliseconds or \"connection\", got %1")
                   .arg(ScriptJson::describe(wait)));
    }
}

} // namespace

namespace ScriptJson {

std::optional<ScriptStep> readStep(const QJsonValue &value, QString *error)
{
    if (!value.isObject()) {
        *error = QStringLiteral(": a step must be an object, got %1").arg(describe(value));
        return std::nullopt;
    }
    const QJsonObject object = value.toObject();
    QList<Kind> kinds;
    for (Kind kind : Kinds)
        if (object.contains(ScriptStep::kindName(kind)))
            kinds.append(kind);
    if (kinds.isEmpty()) {
        *error = QStringLiteral(": no step kind%1; expected one of \"open\", \"send\", \"expect\", \"wait\", \"close\"")
                     .arg(object.isEmpty() ? QString() : QStringLiteral(" in keys \"%1\"").arg(object.keys().join(QStringLiteral("\", \""))));
        return std::nullopt;
    }
    if (kinds.size() > 1) {
        *error = QStringLiteral(": \"%1\" and \"%2\" in one step; a step does one thing (make two steps)")
                     .arg(ScriptStep::kindName(kinds.at(0)), ScriptStep::kindName(kinds.at(1)));
        return std::nullopt;
    }
    ScriptStep step;
    step.kind = kinds.first();
    StepReader r{object, unknownKey(object, allowedKeys(step.kind))};
    if (r.error.isEmpty()) {
        switch (step.kind) {
        case Kind::Open: readOpen(r, step); break;
        case Kind::Send: readSend(r, step); break;
        case Kind::Expect: readExpect(r, step); break;
        case Kind::Wait: readWait(r, step); break;
        case Kind::Close: step.endpoint = r.endpointName(key("close")); break;
        }
    }
    if (!r.error.isEmpty()) {
        *error = QStringLiteral(" (%1): %2").arg(ScriptStep::kindName(step.kind), r.error);
        return std::nullopt;
    }
    return step;
}

} // namespace ScriptJson

} // namespace SockPlay
