#include "dtlsrecord.h"

namespace SockPlay {

namespace {

constexpr int RecordHeaderBytes = 13;    // type, version, epoch, sequence number (6), length
constexpr int HandshakeHeaderBytes = 12; // type, length (3), message_seq, fragment_offset (3), fragment_length (3)
constexpr quint16 ExtensionServerName = 0;
constexpr quint16 ExtensionAlpn = 16;

/// A cursor over bytes that refuses to read past their end.
class Reader
{
public:
    Reader(const char *data, qsizetype size)
        : m_data(reinterpret_cast<const uchar *>(data))
        , m_size(size)
    {
    }
    bool ok() const { return m_ok; }
    qsizetype left() const { return m_ok ? m_size - m_at : 0; }
    quint32 number(int bytes)
    {
        if (!take(bytes))
            return 0;
        quint32 value = 0;
        for (int i = 0; i < bytes; ++i)
            value = value << 8 | m_data[m_at - bytes + i];
        return value;
    }
    /// The next `bytes` bytes as a reader of their own (and skipped here).
    Reader sub(qsizetype bytes)
    {
        if (!take(bytes))
            return Reader(nullptr, 0).failed();
        return Reader(reinterpret_cast<const char *>(m_data + m_at - bytes), bytes);
    }
    QByteArray bytes(qsizetype count)
    {
        if (!take(count))
            return {};
        return QByteArray(reinterpret_cast<const char *>(m_data + m_at - count), count);
    }
    void skip(qsizetype count) { take(count); }

private:
    Reader failed()
    {
        m_ok = false;
        return *this;
    }
    bool take(qsizetype count)
    {
        if (!m_ok || count < 0 || count > m_size - m_at) {
            m_ok = false;
            return false;
        }
        m_at += count;
        return true;
    }
    const uchar *m_data;
    qsizetype m_size;
    qsizetype m_at = 0;
    bool m_ok = true;
};

/// The ALPN extension's protocol_name_list (RFC 7301, 3.1).
QStringList alpnNames(Reader extension)
{
    Reader list = extension.sub(extension.number(2));
    QStringList names;
    while (list.ok() && list.left() > 0) {
        const QByteArray name = list.bytes(list.number(1));
        if (list.ok() && !name.isEmpty())
            names.append(QString::fromLatin1(name));
    }
    return names;
}

/// The server_name extension's first host_name (RFC 6066, 3).
QString hostName(Reader extension)
{
    Reader list = extension.sub(extension.number(2));
    while (list.ok() && list.left() > 0) {
        const quint32 type = list.number(1);
        const QByteArray name = list.bytes(list.number(2));
        if (list.ok() && type == 0)
            return QString::fromLatin1(name);
    }
    return {};
}

/// The extensions after a hello's fixed part, if any (they are optional).
void readExtensions(Reader &body, DtlsRecord *record)
{
    if (body.left() == 0)
        return;
    Reader extensions = body.sub(body.number(2));
    while (extensions.ok() && extensions.left() > 0) {
        const quint32 type = extensions.number(2);
        Reader extension = extensions.sub(extensions.number(2));
        if (!extensions.ok())
            break;
        if (type == ExtensionServerName)
            record->serverName = hostName(extension);
        else if (type == ExtensionAlpn)
            record->alpn = alpnNames(extension);
    }
}

bool readHello(quint32 type, Reader body, DtlsRecord *record)
{
    body.skip(2); // client_version / server_version
    if (type == 3) { // HelloVerifyRequest: only the cookie
        record->cookie = body.bytes(body.number(1));
        return body.ok();
    }
    body.skip(32);                // random
    body.skip(body.number(1));    // session_id
    if (type == 1) {              // ClientHello
        record->cookie = body.bytes(body.number(1));
        body.skip(body.number(2)); // cipher_suites
        body.skip(body.number(1)); // compression_methods
    } else {                      // ServerHello
        body.skip(2);              // cipher_suite
        body.skip(1);              // compression_method
    }
    if (!body.ok())
        return false;
    readExtensions(body, record);
    return body.ok();
}

} // namespace

DtlsRecord DtlsRecord::parse(const QByteArray &datagram)
{
    DtlsRecord record;
    Reader reader(datagram.constData(), datagram.size());
    if (datagram.size() < RecordHeaderBytes) {
        record.problem = QStringLiteral("%1 bytes are too short for a DTLS record (13 bytes of header at least)")
                             .arg(datagram.size());
        return record;
    }
    const quint32 contentType = reader.number(1);
    record.version = quint16(reader.number(2));
    record.epoch = quint16(reader.number(2));
    reader.skip(6); // sequence number
    Reader payload = reader.sub(reader.number(2));
    if (contentType < 20 || contentType > 23) {
        record.problem = QStringLiteral("first byte 0x%1 is no DTLS content type (20 to 23)")
                             .arg(contentType, 2, 16, QLatin1Char('0'));
        return record;
    }
    if ((record.version >> 8) != 0xfe) {
        record.problem = QStringLiteral("version 0x%1 is not a DTLS version (0xfeff, 0xfefd)")
                             .arg(record.version, 4, 16, QLatin1Char('0'));
        return record;
    }
    if (!payload.ok()) {
        record.problem = QStringLiteral("the record's length is more than the datagram holds");
        return record;
    }
    switch (contentType) {
    case 20: record.kind = Kind::ChangeCipherSpec; return record;
    case 21: record.kind = Kind::Alert; return record;
    case 23: record.kind = Kind::ApplicationData; return record;
    default: break;
    }
    record.kind = Kind::OtherHandshake;
    if (record.epoch != 0)
        return record; // encrypted (Finished): nothing to read
    const quint32 type = payload.number(1);
    const quint32 length = payload.number(3);
    payload.skip(2); // message_seq
    const quint32 fragmentOffset = payload.number(3);
    const quint32 fragmentLength = payload.number(3);
    if (!payload.ok()) {
        record.kind = Kind::NotDtls;
        record.problem = QStringLiteral("the handshake message is cut short");
        return record;
    }
    if ((type != 1 && type != 2 && type != 3) || fragmentOffset != 0 || fragmentLength != length)
        return record; // another message, or a fragment: not read here
    record.kind = type == 1 ? Kind::ClientHello : type == 2 ? Kind::ServerHello : Kind::HelloVerifyRequest;
    if (!readHello(type, payload.sub(length), &record)) {
        const Kind hello = record.kind;
        record = DtlsRecord{};
        record.problem = QStringLiteral("a %1 whose lengths do not add up").arg(kindName(hello));
    }
    return record;
}

QString DtlsRecord::kindName(Kind kind)
{
    switch (kind) {
    case Kind::NotDtls: return QStringLiteral("not DTLS");
    case Kind::ClientHello: return QStringLiteral("ClientHello");
    case Kind::HelloVerifyRequest: return QStringLiteral("HelloVerifyRequest");
    case Kind::ServerHello: return QStringLiteral("ServerHello");
    case Kind::OtherHandshake: return QStringLiteral("handshake message");
    case Kind::ChangeCipherSpec: return QStringLiteral("ChangeCipherSpec");
    case Kind::Alert: return QStringLiteral("alert");
    case Kind::ApplicationData: return QStringLiteral("application data");
    }
    return {};
}

QString DtlsRecord::versionName(quint16 version)
{
    switch (version) {
    case 0xfefd: return QStringLiteral("DTLS 1.2");
    case 0xfeff: return QStringLiteral("DTLS 1.0");
    case 0xfefc: return QStringLiteral("DTLS 1.3");
    default: break;
    }
    return QStringLiteral("version 0x%1").arg(version, 4, 16, QLatin1Char('0'));
}

} // namespace SockPlay
