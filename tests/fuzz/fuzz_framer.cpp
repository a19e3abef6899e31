// The framers. Input: a --frame spec on the first line, then the stream.
// Properties: a spec either parses (and prints back to itself) or says why;
// the frames do not depend on how the bytes arrive (all at once, one byte at
// a time, or in chunks of sizes taken from the input); a framer never holds
// more than the spec's limit; each frame's payload is inside the frame.
#include "framer.h"
#include "fuzzsupport.h"

using namespace SockPlay;

namespace {

struct Cut
{
    QList<QByteArray> frames;
    QStringList errors; ///< one sentence per oversized frame
};

template <typename NextSize>
Cut frame(const FrameSpec &spec, const QByteArray &stream, NextSize nextSize)
{
    Cut cut;
    const std::unique_ptr<Framer> framer = makeFramer(spec);
    qsizetype at = 0;
    while (at < stream.size()) {
        const qsizetype n = qMin(nextSize(), stream.size() - at);
        if (framer->isRaw())
            cut.frames.append(stream.mid(at, n));
        else
            framer->push(stream.mid(at, n), cut.frames);
        FUZZ_CHECK(framer->bufferedBytes() <= spec.maxFrameBytes);
        const QString error = framer->takeError();
        if (!error.isEmpty())
            cut.errors.append(error.split(QLatin1Char('\n')));
        at += n;
    }
    for (const QByteArray &f : std::as_const(cut.frames)) {
        const QByteArray payload = framer->payload(f);
        FUZZ_CHECK(payload.size() <= f.size());
    }
    return cut;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QByteArray header, stream;
    Fuzz::splitHeader(Fuzz::bytes(data, size), &header, &stream);
    QString error;
    std::optional<FrameSpec> spec = FrameSpec::parse(QString::fromUtf8(header), &error);
    if (!spec) {
        FUZZ_CHECK(!error.isEmpty());
        return 0;
    }
    FUZZ_CHECK(spec->isValid());
    std::optional<FrameSpec> again = FrameSpec::parse(spec->toString(), &error);
    FUZZ_CHECK(again && *again == *spec);
    // A small limit, so that oversized frames (and their skipping) happen.
    spec->maxFrameBytes = 64;
    if (!spec->isValid())
        return 0; // a fixed size or a header above the limit
    if (stream.isEmpty())
        return 0;

    const Cut whole = frame(*spec, stream, [&] { return stream.size(); });
    const Cut bytewise = frame(*spec, stream, [] { return qsizetype(1); });
    qsizetype i = 0;
    const Cut chunked = frame(*spec, stream, [&] { return qsizetype(1 + quint8(stream.at(i++ % stream.size())) % 17); });
    if (spec->kind != FrameSpec::Kind::Raw) {
        FUZZ_CHECK(whole.frames == bytewise.frames);
        FUZZ_CHECK(whole.frames == chunked.frames);
        FUZZ_CHECK(whole.errors.size() == bytewise.errors.size());
        FUZZ_CHECK(whole.errors.size() == chunked.errors.size());
    }
    return 0;
}
