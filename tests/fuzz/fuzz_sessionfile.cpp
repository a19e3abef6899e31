// The session file loader (endpoints, message library, script in one JSON).
// Properties: a file loads or the error says why; a loaded document saves
// and loads back equal.
#include "fuzzsupport.h"
#include "sessionfile.h"

#include <QBuffer>

using namespace SockPlay;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QByteArray input = Fuzz::bytes(data, size);
    QBuffer buffer(&input);
    buffer.open(QIODevice::ReadOnly);
    QString error;
    const std::optional<SessionDocument> document = SessionFile::read(&buffer, &error);
    if (!document) {
        FUZZ_CHECK(!error.isEmpty());
        return 0;
    }
    const std::optional<QByteArray> saved = SessionFile::toJson(*document, &error);
    FUZZ_CHECK(saved);
    QByteArray copy = *saved;
    QBuffer again(&copy);
    again.open(QIODevice::ReadOnly);
    const std::optional<SessionDocument> reloaded = SessionFile::read(&again, &error);
    FUZZ_CHECK(reloaded && *reloaded == *document);
    return 0;
}
