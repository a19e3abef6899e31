// The script loader (a script file, or the "script" of a session file) and the
// message library loader. Properties: each loads or says why; a loaded script
// saves and loads back equal; a loaded library writes and reads back equal.
#include "fuzzsupport.h"
#include "messagelibrary.h"
#include "script.h"

#include <QBuffer>
#include <QJsonDocument>
#include <QJsonObject>

using namespace SockPlay;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QByteArray input = Fuzz::bytes(data, size);
    const QJsonDocument json = QJsonDocument::fromJson(input);
    if (json.isObject()) {
        QString error;
        if (const std::optional<Script> script = Script::fromJson(json.object(), &error)) {
            const std::optional<Script> again = Script::fromJson(script->toJson(), &error);
            FUZZ_CHECK(again && *again == *script);
        } else {
            FUZZ_CHECK(!error.isEmpty());
        }
    }

    QBuffer buffer(&input);
    buffer.open(QIODevice::ReadOnly);
    const MessageLibraryRead library = MessageLibrary::read(&buffer);
    if (!library.ok) {
        FUZZ_CHECK(!library.error.isEmpty());
        return 0;
    }
    QByteArray written;
    QBuffer out(&written);
    out.open(QIODevice::WriteOnly);
    FUZZ_CHECK(MessageLibrary::write(&out, library.messages).ok);
    out.close();
    out.open(QIODevice::ReadOnly);
    const MessageLibraryRead back = MessageLibrary::read(&out);
    FUZZ_CHECK(back.ok && back.messages == library.messages);
    return 0;
}
