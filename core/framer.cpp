#include "framer.h"

#include <QLoggingCategory>

#include <algorithm>
#include <limits>
#include <utility>

namespace SockPlay {

Q_LOGGING_CATEGORY(lcFramer, "sockplay.core.framer")

namespace {

QString overLimit(quint64 frameBytes, qint64 limit)
{
    return QStringLiteral("a frame of %1 bytes is over the limit of %2; its bytes are dropped")
            .arg(frameBytes)
            .arg(limit);
}

/// Cuts at a delimiter. Between pushes m_buffer holds the start of a frame
/// (always shorter than the limit) and m_searchFrom where the search for the
/// delimiter resumes, so that a frame arriving a byte at a time is scanned
/// once; bytes of a chunk are copied only into the frame they belong to. A
/// frame that outgrows the limit switches to skipping: then m_buffer holds
/// only the last delimiter-length − 1 dropped bytes, which may be the start of
/// the delimiter that ends the skip.
class DelimiterFramer final : public Framer
{
public:
    DelimiterFramer(QByteArray delimiter, bool stripCr, qint64 maxFrameBytes)
        : m_delimiter(std::move(delimiter)), m_keep(m_delimiter.size() - 1), m_stripCr(stripCr), m_max(maxFrameBytes)
    {
    }

    void push(const QByteArray &chunk, QList<QByteArray> &messages) override
    {
        const qsizetype size = chunk.size();
        qsizetype at = 0;
        while (at < size) {
            const qsizetype end = endOfDelimiter(chunk, at);
            if (m_skipping) {
                if (end < 0) {
                    keepTail(QByteArrayView(chunk).sliced(at));
                    return;
                }
                m_buffer.clear();
                m_skipping = false;
            } else if (end >= 0) {
                const qint64 frameSize = m_buffer.size() + (end - at);
                if (frameSize > m_max) {
                    addError(overLimit(quint64(frameSize), m_max));
                    m_buffer.clear();
                } else if (m_buffer.isEmpty()) {
                    messages.append(chunk.sliced(at, end - at));
                } else {
                    m_buffer.append(chunk.constData() + at, end - at);
                    messages.append(std::exchange(m_buffer, QByteArray()));
                }
            } else if (m_buffer.size() + (size - at) >= m_max) {
                // Even the shortest frame that could still end here would be over the limit.
                addError(QStringLiteral("no delimiter within %1 bytes, the frame size limit; the bytes up to "
                                        "and including the next delimiter are dropped")
                                 .arg(m_max));
                keepTail(QByteArrayView(chunk).sliced(at));
                m_skipping = true;
                return;
            } else {
                m_buffer.append(chunk.constData() + at, size - at);
                m_searchFrom = std::max<qsizetype>(0, m_buffer.size() - m_keep);
                return;
            }
            m_searchFrom = 0;
            at = end;
        }
    }

    void reset() override
    {
        m_buffer.clear();
        m_searchFrom = 0;
        m_skipping = false;
    }

    QByteArray payload(const QByteArray &frame) const override
    {
        QByteArray body = frame.endsWith(m_delimiter) ? frame.chopped(m_delimiter.size()) : frame;
        if (m_stripCr && body.endsWith('\r'))
            body.chop(1);
        return body;
    }

    qint64 bufferedBytes() const override { return m_buffer.size(); }

private:
    /// Where in the chunk the next delimiter ends (the index just past it), or -1.
    /// The delimiter may have begun in m_buffer: that search starts at m_searchFrom
    /// and looks at most m_keep bytes into the chunk.
    qsizetype endOfDelimiter(const QByteArray &chunk, qsizetype at)
    {
        if (!m_buffer.isEmpty() && m_keep > 0) {
            const qsizetype held = m_buffer.size();
            m_buffer.append(chunk.constData() + at, std::min(chunk.size() - at, m_keep));
            const qsizetype found = m_buffer.indexOf(m_delimiter, m_searchFrom);
            m_buffer.truncate(held);
            if (found >= 0)
                return at + found + m_delimiter.size() - held;
        }
        const qsizetype found = chunk.indexOf(m_delimiter, at);
        return found < 0 ? -1 : found + m_delimiter.size();
    }

    /// While skipping: keeps the last m_keep bytes of m_buffer followed by `dropped`.
    void keepTail(QByteArrayView dropped)
    {
        if (dropped.size() >= m_keep) {
            m_buffer = dropped.last(m_keep).toByteArray();
        } else {
            QByteArray tail = m_buffer.right(m_keep - dropped.size()); // a fresh copy, not the frame's capacity
            tail.append(dropped);
            m_buffer = tail;
        }
        m_searchFrom = 0;
    }

    const QByteArray m_delimiter;
    const qsizetype m_keep; // bytes of a delimiter that can be pending at the end of a read
    const bool m_stripCr;
    const qint64 m_max;
    QByteArray m_buffer;
    qsizetype m_searchFrom = 0;
    bool m_skipping = false;
};

class FixedFramer final : public Framer
{
public:
    explicit FixedFramer(qsizetype frameBytes) : m_frameBytes(frameBytes) {}

    void push(const QByteArray &chunk, QList<QByteArray> &messages) override
    {
        const qsizetype size = chunk.size();
        qsizetype at = 0;
        if (!m_buffer.isEmpty()) {
            at = std::min(size, m_frameBytes - m_buffer.size());
            m_buffer.append(chunk.constData(), at);
            if (m_buffer.size() < m_frameBytes)
                return;
            messages.append(std::exchange(m_buffer, QByteArray()));
        }
        for (; size - at >= m_frameBytes; at += m_frameBytes)
            messages.append(chunk.sliced(at, m_frameBytes));
        if (at < size)
            m_buffer = chunk.sliced(at);
    }

    void reset() override { m_buffer.clear(); }
    qint64 bufferedBytes() const override { return m_buffer.size(); }

private:
    const qsizetype m_frameBytes;
    QByteArray m_buffer;
};

/// Header = lengthOffset bytes, then the length field; the body follows.
/// Between pushes m_buffer holds the start of one frame, m_frameSize its
/// total size once the header is in (0 before), and m_skip the bytes of an
/// oversized frame still to drop as they arrive.
class LengthPrefixFramer final : public Framer
{
public:
    explicit LengthPrefixFramer(const FrameSpec &spec)
        : m_offset(spec.lengthOffset)
        , m_prefixBytes(spec.prefixBytes)
        , m_header(spec.lengthOffset + spec.prefixBytes)
        , m_bigEndian(spec.bigEndian)
        , m_includesHeader(spec.lengthIncludesHeader)
        , m_max(spec.maxFrameBytes)
    {
    }

    void push(const QByteArray &chunk, QList<QByteArray> &messages) override
    {
        const qsizetype size = chunk.size();
        qsizetype at = 0;
        while (at < size) {
            if (m_skip > 0) {
                const quint64 drop = std::min<quint64>(m_skip, quint64(size - at));
                at += qsizetype(drop);
                m_skip -= drop;
            } else if (m_buffer.isEmpty()) {
                // Whole frames straight from the chunk: only the frames themselves are copied.
                qint64 frameSize = 0;
                if (size - at >= m_header) {
                    frameSize = declaredFrameSize(chunk.constData() + at);
                    if (frameSize < 0) {
                        at += m_header;
                        continue;
                    }
                    if (size - at >= frameSize) {
                        messages.append(chunk.sliced(at, frameSize));
                        at += frameSize;
                        continue;
                    }
                }
                m_buffer = chunk.sliced(at);
                m_frameSize = frameSize;
                at = size;
            } else {
                const qint64 target = m_frameSize > 0 ? m_frameSize : m_header;
                const qsizetype take = std::min<qint64>(target - m_buffer.size(), size - at);
                m_buffer.append(chunk.constData() + at, take);
                at += take;
                if (m_frameSize == 0 && m_buffer.size() == m_header) {
                    m_frameSize = declaredFrameSize(m_buffer.constData());
                    if (m_frameSize < 0) { // reported; m_skip holds what is left of it
                        m_buffer.clear();
                        m_frameSize = 0;
                        continue;
                    }
                }
                if (m_frameSize > 0 && m_buffer.size() == m_frameSize) {
                    messages.append(std::exchange(m_buffer, QByteArray()));
                    m_frameSize = 0;
                }
            }
        }
    }

    void reset() override
    {
        m_buffer.clear();
        m_frameSize = 0;
        m_skip = 0;
    }

    QByteArray payload(const QByteArray &frame) const override
    {
        return frame.size() >= m_header ? frame.sliced(m_header) : QByteArray();
    }

    qint64 bufferedBytes() const override { return m_buffer.size(); }

private:
    /// The whole frame's size from its header, or -1 for a frame that is
    /// reported and whose remaining bytes m_skip now counts. Computed in
    /// unsigned 64 bits: an 8-byte field can declare up to 2^64 − 1.
    qint64 declaredFrameSize(const char *header)
    {
        const auto *field = reinterpret_cast<const uchar *>(header) + m_offset;
        quint64 value = 0;
        for (int i = 0; i < m_prefixBytes; ++i)
            value = (value << 8) | field[m_bigEndian ? i : m_prefixBytes - 1 - i];

        const quint64 headerBytes = quint64(m_header);
        const quint64 limit = quint64(m_max);
        if (m_includesHeader) {
            if (value < headerBytes) {
                addError(QStringLiteral("a length prefix declares a frame of %1 bytes, less than its own "
                                        "%2-byte header; the header is dropped")
                                 .arg(value)
                                 .arg(m_header));
                return -1;
            }
            if (value <= limit)
                return qint64(value);
            addError(overLimit(value, m_max));
            m_skip = value - headerBytes;
            return -1;
        }
        if (value <= limit - headerBytes) // isValid() keeps the limit at least the header
            return qint64(value + headerBytes);
        if (value > std::numeric_limits<quint64>::max() - headerBytes)
            addError(QStringLiteral("a frame of more than %1 bytes is over the limit of %2; its bytes are dropped")
                             .arg(std::numeric_limits<quint64>::max())
                             .arg(m_max));
        else
            addError(overLimit(value + headerBytes, m_max));
        m_skip = value;
        return -1;
    }

    const int m_offset;
    const int m_prefixBytes;
    const int m_header;
    const bool m_bigEndian;
    const bool m_includesHeader;
    const qint64 m_max;
    QByteArray m_buffer;
    qint64 m_frameSize = 0;
    quint64 m_skip = 0;
};

} // namespace

Framer::~Framer() = default;

void Framer::reset() {}

QByteArray Framer::payload(const QByteArray &frame) const
{
    return frame;
}

qint64 Framer::bufferedBytes() const
{
    return 0;
}

QString Framer::takeError()
{
    return std::exchange(m_error, QString());
}

void Framer::addError(const QString &sentence)
{
    if (m_error.isEmpty())
        m_error = sentence;
    else
        m_error += u'\n' + sentence;
}

void RawFramer::push(const QByteArray &chunk, QList<QByteArray> &messages)
{
    messages.append(chunk);
}

std::unique_ptr<Framer> makeFramer(const FrameSpec &spec)
{
    if (!spec.isValid()) {
        qCWarning(lcFramer) << "invalid frame spec" << spec.toString() << "- using raw chunks";
        return std::make_unique<RawFramer>();
    }
    switch (spec.kind) {
    case FrameSpec::Kind::Raw:
        break;
    case FrameSpec::Kind::Line:
        return std::make_unique<DelimiterFramer>(QByteArrayLiteral("\n"), !spec.keepCr, spec.maxFrameBytes);
    case FrameSpec::Kind::Crlf:
        return std::make_unique<DelimiterFramer>(QByteArrayLiteral("\r\n"), false, spec.maxFrameBytes);
    case FrameSpec::Kind::Delimiter:
        return std::make_unique<DelimiterFramer>(spec.delimiter, false, spec.maxFrameBytes);
    case FrameSpec::Kind::Fixed:
        return std::make_unique<FixedFramer>(spec.fixedBytes);
    case FrameSpec::Kind::LengthPrefix:
        return std::make_unique<LengthPrefixFramer>(spec);
    }
    return std::make_unique<RawFramer>();
}

} // namespace SockPlay
