// One script step: written back as JSON, and its one-line summary. Reading
// one (strictly) is in scriptsteps.cpp.

#include "scriptjson_p.h"

#include "payloadcodec.h"

#include <QJsonArray>
#include <QJsonObject>

namespace SockPlay {

namespace {

using Kind = ScriptStep::Kind;
using ScriptJson::key;

QString joinAddress(const QString &host, const QString &port)
{
    if (host.isEmpty())
        return port;
    return (host.contains(u':') ? u'[' + host + u']' : host) + u':' + port;
}

} // namespace

namespace ScriptJson {

QString quoted(const QString &text)
{
    constexpr int Shown = 40;
    const QString escaped = PayloadCodec::renderText(text.toUtf8());
    return u'"' + escaped.left(Shown) + (escaped.size() > Shown ? QStringLiteral("…\"") : QStringLiteral("\""));
}

QString describe(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Bool: return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: return QString::number(value.toDouble());
    case QJsonValue::String: return quoted(value.toString());
    case QJsonValue::Array: return QStringLiteral("an array");
    case QJsonValue::Object: return QStringLiteral("an object");
    case QJsonValue::Undefined: break;
    }
    return QStringLiteral("nothing");
}

QString unknownKey(const QJsonObject &object, const QStringList &allowed)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!allowed.contains(it.key()))
            return QStringLiteral("unknown key %1; expected \"%2\"")
                .arg(quoted(it.key()), allowed.join(QStringLiteral("\", \"")));
    }
    return {};
}

QJsonObject writeStep(const ScriptStep &step)
{
    QJsonObject o;
    switch (step.kind) {
    case Kind::Open: {
        o.insert(key("open"), step.endpoint);
        const QString how = step.role == Role::Client ? key("connect") : step.bindOnly ? key("bind") : key("listen");
        o.insert(how, joinAddress(step.host, step.port));
        if (step.transport == Transport::Udp && !step.bindOnly)
            o.insert(key("transport"), key("udp"));
        if (!step.frame.isEmpty())
            o.insert(key("frame"), step.frame);
        if (step.echo)
            o.insert(key("echo"), true);
        if (!step.rules.isEmpty())
            o.insert(key("rules"), QJsonArray::fromStringList(step.rules));
        break;
    }
    case Kind::Send:
        o.insert(key("send"), step.payload);
        if (step.mode != PayloadMode::Text)
            o.insert(key("as"), step.mode == PayloadMode::Hex ? key("hex") : key("base64"));
        if (!step.endpoint.isEmpty())
            o.insert(key("to"), step.endpoint);
        if (step.connection == ScriptStep::Target::Last)
            o.insert(key("connection"), key("last"));
        break;
    case Kind::Expect:
        o.insert(key("expect"), step.pattern);
        if (step.match != ScriptStep::Match::Text)
            o.insert(key("as"), step.match == ScriptStep::Match::Regex ? key("regex") : key("hex"));
        if (!step.endpoint.isEmpty())
            o.insert(key("on"), step.endpoint);
        o.insert(key("within"), step.withinMs);
        if (!step.captures.isEmpty())
            o.insert(key("capture"), QJsonArray::fromStringList(step.captures));
        break;
    case Kind::Wait:
        if (!step.waitForConnection) {
            o.insert(key("wait"), step.waitMs);
            break;
        }
        o.insert(key("wait"), key("connection"));
        if (!step.endpoint.isEmpty())
            o.insert(key("on"), step.endpoint);
        o.insert(key("within"), step.withinMs);
        break;
    case Kind::Close: o.insert(key("close"), step.endpoint); break;
    }
    return o;
}

} // namespace ScriptJson

QString ScriptStep::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Open: return key("open");
    case Kind::Send: return key("send");
    case Kind::Expect: return key("expect");
    case Kind::Wait: return key("wait");
    case Kind::Close: return key("close");
    }
    Q_UNREACHABLE();
}

QString ScriptStep::summary() const
{
    const QString on = endpoint.isEmpty() ? QString() : QStringLiteral(" on ") + endpoint;
    const QString within = withinMs == 1000 ? QString() : QStringLiteral(" within %1 ms").arg(withinMs);
    switch (kind) {
    case Kind::Open: {
        const QString how = role == Role::Client ? key("connect") : bindOnly ? key("bind") : key("listen");
        QString text = QStringLiteral("open %1 (%2 %3 %4")
                           .arg(endpoint, transport == Transport::Udp ? key("udp") : key("tcp"), how,
                                joinAddress(host, port));
        if (!frame.isEmpty() && frame != key("line"))
            text += QStringLiteral(", frame ") + frame;
        if (echo)
            text += QStringLiteral(", echo");
        if (!rules.isEmpty())
            text += rules.size() == 1 ? QStringLiteral(", 1 rule") : QStringLiteral(", %1 rules").arg(rules.size());
        return text + u')';
    }
    case Kind::Send: {
        QString text = mode == PayloadMode::Text ? QStringLiteral("send ") + ScriptJson::quoted(payload)
            : QStringLiteral("send %1 %2").arg(mode == PayloadMode::Hex ? key("hex") : key("base64"), ScriptJson::quoted(payload).mid(1).chopped(1));
        if (connection == Target::Last)
            text += QStringLiteral(" to the newest connection of ") + (endpoint.isEmpty() ? key("the last endpoint") : endpoint);
        else if (!endpoint.isEmpty())
            text += QStringLiteral(" to ") + endpoint;
        return text;
    }
    case Kind::Expect: {
        QString what = match == Match::Regex ? u'/' + pattern + u'/'
            : match == Match::Hex             ? QStringLiteral("hex ") + pattern
                                              : ScriptJson::quoted(pattern);
        QString text = QStringLiteral("expect ") + what + on + within;
        if (!captures.isEmpty())
            text += QStringLiteral(" capturing ") + captures.join(QStringLiteral(", "));
        return text;
    }
    case Kind::Wait:
        if (waitForConnection)
            return QStringLiteral("wait for a connection") + on + within;
        return QStringLiteral("wait %1 ms").arg(waitMs);
    case Kind::Close: return QStringLiteral("close ") + endpoint;
    }
    Q_UNREACHABLE();
}

} // namespace SockPlay
