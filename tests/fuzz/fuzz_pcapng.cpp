// The pcapng writer, read back by libpcap (what tcpdump and Wireshark use).
// Input: packets, each a length byte, then that many bytes (the captured
// data), and a comment of the bytes' own length. Properties: the file reads
// back with exactly the packets written, each byte-exact, with its time.
#include "fuzzsupport.h"
#include "pcapngwriter.h"

#include <QBuffer>
#include <QTemporaryFile>

#include <pcap/pcap.h>

using namespace SockPlay;

namespace {

struct Written
{
    QByteArray bytes;
    qint64 timeUs = 0;
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = Fuzz::bytes(data, size);
    QList<Written> packets;
    for (qsizetype at = 0; at < input.size() && packets.size() < 64;) {
        const int length = quint8(input.at(at++));
        const QByteArray bytes = input.mid(at, length);
        at += bytes.size();
        packets.append({bytes, 1'700'000'000'000'000LL + packets.size() * 1'001LL});
    }

    QTemporaryFile file;
    FUZZ_CHECK(file.open());
    {
        PcapngWriter writer(&file);
        FUZZ_CHECK(writer.writeSectionHeader());
        const int interface = writer.addInterface(PcapngWriter::LinkTypeRaw, QStringLiteral("fuzz"));
        FUZZ_CHECK(interface == 0);
        for (const Written &packet : std::as_const(packets)) {
            // The comment: the payload's bytes as Latin-1 text (any byte values).
            FUZZ_CHECK(writer.writePacket(interface, packet.timeUs, packet.bytes, quint32(packet.bytes.size()),
                                          QString::fromLatin1(packet.bytes)));
        }
    }
    file.flush();

    char error[PCAP_ERRBUF_SIZE] = {};
    pcap_t *pcap = pcap_open_offline_with_tstamp_precision(QFile::encodeName(file.fileName()).constData(),
                                                           PCAP_TSTAMP_PRECISION_MICRO, error);
    if (!pcap) {
        std::fprintf(stderr, "libpcap: %s\n", error);
        FUZZ_CHECK(pcap != nullptr);
    }
    qsizetype read = 0;
    pcap_pkthdr *header = nullptr;
    const u_char *bytes = nullptr;
    int rc = 0;
    while ((rc = pcap_next_ex(pcap, &header, &bytes)) == 1) {
        FUZZ_CHECK(read < packets.size());
        const Written &expected = packets.at(read++);
        FUZZ_CHECK(header->caplen == quint32(expected.bytes.size()));
        FUZZ_CHECK(QByteArray(reinterpret_cast<const char *>(bytes), header->caplen) == expected.bytes);
        FUZZ_CHECK(qint64(header->ts.tv_sec) * 1'000'000 + header->ts.tv_usec == expected.timeUs);
    }
    FUZZ_CHECK(rc == PCAP_ERROR_BREAK); // the end of the file, not an error
    FUZZ_CHECK(read == packets.size());
    pcap_close(pcap);
    return 0;
}
