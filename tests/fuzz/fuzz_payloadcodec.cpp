// The payload codec: what a user types as text (escapes), hex or base64.
// Properties: parsing never crashes; an error names a position inside the
// input; rendering any bytes and parsing them back gives the same bytes.
#include "fuzzsupport.h"
#include "payloadcodec.h"

using namespace SockPlay;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = Fuzz::bytes(data, size);
    const QString typed = QString::fromUtf8(input);
    for (PayloadMode mode : {PayloadMode::Text, PayloadMode::Hex, PayloadMode::Base64}) {
        const ParseResult parsed = PayloadCodec::parse(typed, mode);
        if (!parsed.ok) {
            FUZZ_CHECK(!parsed.error.isEmpty());
            FUZZ_CHECK(parsed.errorPosition >= 0 && parsed.errorPosition <= typed.size());
        }
        // Whatever the bytes, their rendering in each mode parses back to them.
        const ParseResult back = PayloadCodec::parse(PayloadCodec::render(input, mode), mode);
        FUZZ_CHECK(back.ok);
        FUZZ_CHECK(back.bytes == input);
    }
    return 0;
}
