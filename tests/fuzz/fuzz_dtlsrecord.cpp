// What a peer sends a DTLS endpoint before any key protects it: the first
// record of a datagram (DtlsRecord::parse), read by the server for every
// stranger's datagram and by the client for each handshake datagram.
// Properties: it never reads past the datagram; a datagram it does not take
// is NotDtls with a reason; what it took says no more than the datagram
// holds (a cookie, names and protocols all fit in it).
#include "dtlsrecord.h"
#include "fuzzsupport.h"

using namespace SockPlay;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray datagram = Fuzz::bytes(data, size);
    const DtlsRecord record = DtlsRecord::parse(datagram);
    if (record.kind == DtlsRecord::Kind::NotDtls) {
        FUZZ_CHECK(!record.problem.isEmpty());
        FUZZ_CHECK(record.cookie.isEmpty() && record.serverName.isEmpty() && record.alpn.isEmpty());
    } else {
        FUZZ_CHECK(record.problem.isEmpty());
        FUZZ_CHECK(datagram.size() >= 13);
        FUZZ_CHECK(record.cookie.size() <= datagram.size());
        FUZZ_CHECK(record.serverName.size() <= datagram.size());
        qsizetype names = 0;
        for (const QString &name : record.alpn)
            names += name.size() + 1;
        FUZZ_CHECK(names <= datagram.size());
        FUZZ_CHECK(!DtlsRecord::kindName(record.kind).isEmpty());
        FUZZ_CHECK(!DtlsRecord::versionName(record.version).isEmpty());
    }
    return 0;
}
