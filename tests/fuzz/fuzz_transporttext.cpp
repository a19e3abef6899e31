// What the user types for TLS and WebSocket: a ws:// or wss:// URL, a request
// header ("Name: value"), an ALPN list ("h2,http/1.1"), a close code and
// reason, and a session file's "tls" object.
// Properties: each parses or says why; a URL that parses makes a URL
// (WebSocketText::url) that parses to the same host, port, path and scheme;
// a header has a name and no line break; an ALPN list prints back to itself
// and is a valid TlsSpec; a "tls" object that loads saves and loads again
// to an equal spec.
#include "fuzzsupport.h"
#include "tlsspec.h"
#include "websockettext.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace SockPlay;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = Fuzz::bytes(data, size);
    const QString text = QString::fromUtf8(input);
    QString error;

    EndpointConfig config;
    if (const Result parsed = WebSocketText::parseUrl(text, &config)) {
        EndpointConfig again;
        const QString url = WebSocketText::url(config);
        const Result reparsed = WebSocketText::parseUrl(url, &again);
        if (!reparsed)
            std::fprintf(stderr, "%s -> %s: %s\n", qPrintable(text), qPrintable(url), qPrintable(reparsed.error));
        FUZZ_CHECK(reparsed);
        FUZZ_CHECK(again.host == config.host && again.port == config.port && again.path == config.path
                   && again.secure == config.secure);
    } else {
        FUZZ_CHECK(!parsed.error.isEmpty());
    }

    if (const auto header = WebSocketText::parseHeader(text, &error)) {
        FUZZ_CHECK(!header->first.isEmpty());
        FUZZ_CHECK(!header->first.contains('\n') && !header->second.contains('\n') && !header->second.contains('\r'));
    } else {
        FUZZ_CHECK(!error.isEmpty());
    }

    error.clear();
    if (const std::optional<QStringList> alpn = TlsSpec::parseAlpn(text, &error)) {
        QString again;
        FUZZ_CHECK(TlsSpec::parseAlpn(alpn->join(QLatin1Char(',')), &again) == alpn);
        TlsSpec spec;
        spec.alpn = *alpn;
        FUZZ_CHECK(spec.validate().isEmpty());
    } else {
        FUZZ_CHECK(!error.isEmpty());
    }

    if (size >= 2) {
        const int code = (int(data[0]) << 8) | int(data[1]);
        const QString reason = QString::fromUtf8(input.mid(2));
        FUZZ_CHECK(!WebSocketText::describeClose(code, reason).isEmpty());
        (void)WebSocketText::closeProblem(code, reason);
    }

    // A session file's "tls" object; paths are kept as given (no file is read).
    const QJsonDocument json = QJsonDocument::fromJson(input);
    if (json.isObject()) {
        const TlsSpec::PathMapper keep = [](const QString &path, QString *) -> std::optional<QString> { return path; };
        for (const bool server : {true, false}) {
            error.clear();
            if (const std::optional<TlsSpec> spec = TlsSpec::fromJson(json.object(), server, keep, &error)) {
                QString why;
                const std::optional<TlsSpec> again = TlsSpec::fromJson(spec->toJson(), server, keep, &why);
                if (!again)
                    std::fprintf(stderr, "saved spec does not load: %s\n", qPrintable(why));
                FUZZ_CHECK(again && *again == *spec);
            } else {
                FUZZ_CHECK(!error.isEmpty());
            }
        }
    }
    return 0;
}
